package cn.doudi.allowance.rules;

import static cn.doudi.allowance.Fixtures.findings;
import static cn.doudi.allowance.Fixtures.id;
import static cn.doudi.allowance.Fixtures.month;
import static cn.doudi.allowance.Fixtures.only;
import static cn.doudi.allowance.Fixtures.row;
import static cn.doudi.kernel.Program.ELDERLY;
import static org.assertj.core.api.Assertions.assertThat;
import cn.doudi.kernel.FindingCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.doudi.allowance.ComputedLine;
import cn.doudi.allowance.Fixtures;
import cn.doudi.allowance.LineStatus;
import cn.doudi.allowance.MonthOutcome;

/** RULES.md ELDERLY: tiers by age(M) on the first of the month; under 80 held with AGE_INELIGIBLE. */
class ElderlyRuleTests {

	static Fixtures.Inputs table(String month) {
		return month(month).standard(ELDERLY, "80-89", "100.00")
			.standard(ELDERLY, "90-99", "200.00")
			.standard(ELDERLY, "100+", "500.00");
	}

	@ParameterizedTest(name = "born {0} in {1}: {2} {3} {4}")
	@CsvSource({ "19461115, 2026-11, 80-89, 100.00, HELD", //
			"19461115, 2026-12, 80-89, 100.00, PAY", //
			"19461101, 2026-11, 80-89, 100.00, PAY", //
			"19461102, 2026-11, 80-89, 100.00, HELD", //
			"19361102, 2026-11, 80-89, 100.00, PAY", // 89
			"19361101, 2026-11, 90-99, 200.00, PAY", // 90
			"19261102, 2026-11, 90-99, 200.00, PAY", // 99
			"19261101, 2026-11, 100+, 500.00, PAY", // 100
			"19100101, 2026-11, 100+, 500.00, PAY" })
	void tierByAgeOnTheFirstOfTheMonth(String born, String month, String tier, String amount, LineStatus status) {
		String person = id(born, 51);
		ComputedLine line = only(table(month).add(row(ELDERLY, "E1", person)).compute(), ELDERLY);
		assertThat(line.category()).isEqualTo(tier);
		assertThat(line.amount()).isEqualByComparingTo(amount);
		assertThat(line.status()).isEqualTo(status);
		assertThat(line.idNumber()).isEqualTo(person);
		assertThat(line.householdId()).isEqualTo("E1");
	}

	@Test
	void underEightyIsHeldWithAgeIneligibleAndTheEntryTier() {
		String person = id("19461115", 52);
		MonthOutcome out = table("2026-11").add(row(ELDERLY, "E1", person)).compute();
		ComputedLine line = only(out, ELDERLY);
		assertThat(line.reasons()).containsExactly(FindingCode.AGE_INELIGIBLE);
		assertThat(findings(out, "AGE_INELIGIBLE")).singleElement().satisfies(f -> {
			assertThat(f.idNumber()).isEqualTo(person);
			assertThat(f.programs()).containsExactly(ELDERLY);
			assertThat(f.detail()).contains("79");
		});
	}

	@Test
	void theAgeCheckHoldCombinesWithCheckHolds() {
		String person = id("19500101", 53);
		ComputedLine line = only(table("2026-11").add(row(ELDERLY, "E1", person))
			.holdEveryLine("NAME_MISMATCH", person)
			.compute(), ELDERLY);
		assertThat(line.reasons()).containsExactly(FindingCode.AGE_INELIGIBLE, FindingCode.NAME_MISMATCH);
	}

	@Test
	void deadOrEndedOrNotYetStartedGivesNoLine() {
		String person = id("19400101", 54);
		assertThat(table("2026-11").add(row(ELDERLY, "E1", person)).died(person, "2026-10").compute().lines())
			.isEmpty();
		assertThat(table("2026-11").add(row(ELDERLY, "E1", person)).died(person, "2026-11").compute().lines())
			.hasSize(1);
		assertThat(table("2026-11").add(row(ELDERLY, "E1", person).end("2026-10")).compute().lines()).isEmpty();
		assertThat(table("2026-11").add(row(ELDERLY, "E1", person).end("2026-11")).compute().lines()).hasSize(1);
		assertThat(table("2026-11").add(row(ELDERLY, "E1", person).start("2026-12")).compute().lines()).isEmpty();
	}

	@Test
	void elderlyEarnsNoPriceSubsidy() {
		String person = id("19400101", 55);
		MonthOutcome out = table("2026-11").workedExampleStandards()
			.cpi("5.0", "7.0")
			.add(row(ELDERLY, "E1", person))
			.compute();
		assertThat(out.lines()).extracting(ComputedLine::program).containsExactly(ELDERLY);
	}
}
