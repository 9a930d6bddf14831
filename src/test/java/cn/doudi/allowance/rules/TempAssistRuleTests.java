package cn.doudi.allowance.rules;

import static cn.doudi.allowance.Fixtures.id;
import static cn.doudi.allowance.Fixtures.month;
import static cn.doudi.allowance.Fixtures.only;
import static cn.doudi.allowance.Fixtures.row;
import static cn.doudi.kernel.Program.TEKUN;
import static cn.doudi.kernel.Program.TEMP_ASSIST;
import static org.assertj.core.api.Assertions.assertThat;
import cn.doudi.kernel.FindingCode;

import org.junit.jupiter.api.Test;

import cn.doudi.allowance.ComputedLine;
import cn.doudi.allowance.Fixtures;
import cn.doudi.allowance.LineStatus;
import cn.doudi.allowance.MonthOutcome;

/** RULES.md TEMP_ASSIST: one line per approved case of the month, held only by the person's own checks. */
class TempAssistRuleTests {

	static final String PERSON = id("19800101", 121);

	static Fixtures.Inputs approved() {
		return month("2026-11").tempAssist(PERSON, "LS2026001", "2026-11", "1500.00");
	}

	@Test
	void paysTheApprovedAmountOnceIntoTheCasesAccount() {
		ComputedLine line = only(approved().compute(), TEMP_ASSIST);
		assertThat(line.amount()).isEqualByComparingTo("1500.00");
		assertThat(line.category()).isEmpty();
		assertThat(line.payMonth()).hasToString("2026-11");
		assertThat(line.householdId()).isEqualTo("T-LS2026001");
		assertThat(line.accountNumber()).isEqualTo("6210" + PERSON.substring(3, 17));
		assertThat(line.bank()).isEqualTo("PSBC");
		assertThat(line.status()).isEqualTo(LineStatus.PAY);
		assertThat(line.arrears()).isFalse();
	}

	@Test
	void aCaseOfAnotherMonthIsNotPaidInThisRun() {
		assertThat(month("2026-11").tempAssist(PERSON, "LS1", "2026-10", "100.00").compute().lines()).isEmpty();
	}

	@Test
	void noLineWhenThePersonIsDeadForTheMonth() {
		assertThat(approved().died(PERSON, "2026-10").compute().lines()).isEmpty();
		assertThat(approved().died(PERSON, "2026-11").compute().lines()).hasSize(1);
	}

	@Test
	void heldByThePersonsOwnNameMismatchDeathProbableAndSharedAccount() {
		ComputedLine line = only(approved().holdEveryLine("NAME_MISMATCH", PERSON)
			.holdEveryLine("DEATH_PROBABLE", PERSON)
			.holdAccount(PERSON, "6222000000000000000")
			.compute(), TEMP_ASSIST);
		assertThat(line.status()).isEqualTo(LineStatus.HELD);
		assertThat(line.reasons()).containsExactly(FindingCode.DEATH_PROBABLE, FindingCode.NAME_MISMATCH, FindingCode.SHARED_ACCOUNT);
		assertThat(line.amount()).isEqualByComparingTo("1500.00");
	}

	@Test
	void notHeldByFindingsAboutOtherProgramsOrOtherPeople() {
		MonthOutcome out = approved().standard(TEKUN, "全自理", "1000.00")
			.add(row(TEKUN, "T1", PERSON).category("全自理"))
			.hold("EXCLUSIVE_PROGRAMS", PERSON, TEKUN)
			.hold("ASSETS_DISQUALIFY", PERSON, cn.doudi.kernel.Program.DIBAO_URBAN)
			.holdEveryLine("NAME_MISMATCH", id("19800101", 122))
			.compute();
		assertThat(only(out, TEMP_ASSIST).status()).isEqualTo(LineStatus.PAY);
		assertThat(only(out, TEKUN).status()).isEqualTo(LineStatus.HELD);
	}

	@Test
	void earnsNoPriceSubsidy() {
		MonthOutcome out = approved().workedExampleStandards().cpi("9.0", "9.0").compute();
		assertThat(out.lines()).extracting(ComputedLine::program).containsExactly(TEMP_ASSIST);
	}
}
