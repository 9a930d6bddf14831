package cn.doudi.allowance.rules;

import static cn.doudi.allowance.Fixtures.findings;
import static cn.doudi.allowance.Fixtures.head;
import static cn.doudi.allowance.Fixtures.id;
import static cn.doudi.allowance.Fixtures.lines;
import static cn.doudi.allowance.Fixtures.member;
import static cn.doudi.allowance.Fixtures.month;
import static cn.doudi.allowance.Fixtures.only;
import static cn.doudi.allowance.Fixtures.yuan;
import static cn.doudi.kernel.Program.DIBAO_RURAL;
import static cn.doudi.kernel.Program.DIBAO_URBAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.doudi.allowance.ComputedLine;
import cn.doudi.allowance.DibaoPhase;
import cn.doudi.allowance.Fixtures;
import cn.doudi.allowance.LineStatus;
import cn.doudi.allowance.MonthOutcome;
import cn.doudi.allowance.RuleFinding;

/** RULES.md DIBAO steps 1–5 and 7: n, income, gap, floor, classified supplements, payee. */
class DibaoRuleTests {

	static final String HEAD72 = id("19540310", 11);
	static final String DISABLED = id("19800505", 12);
	static final String CHILD = id("20100606", 13);

	/** The RULES.md worked example in 2026-11: 72-year-old 户主, a grade-2 member, a child; income 900. */
	static Fixtures.Inputs workedExample() {
		return month("2026-11").workedExampleStandards()
			.add(head(DIBAO_URBAN, "H1", HEAD72, "900.00"), member(DIBAO_URBAN, "H1", DISABLED, "900.00"),
					member(DIBAO_URBAN, "H1", CHILD, "900.00"))
			.certificate(DISABLED, 4, 2);
	}

	@Test
	void paysTheWorkedExampleToTheFen() {
		ComputedLine line = only(workedExample().compute(), DIBAO_URBAN);

		// pci 300.00, g 390.00, base 1170.00, +69.00 (高龄 10%), +138.00 (重残 20%), +0 (未成年 0%)
		assertThat(line.amount()).isEqualByComparingTo("1377.00");
		assertThat(line.amount().scale()).isEqualTo(2);
		assertThat(line.status()).isEqualTo(LineStatus.PAY);
		assertThat(line.reasons()).isEmpty();
		assertThat(line.category()).isEmpty();
		assertThat(line.idNumber()).isEqualTo(HEAD72);
		assertThat(line.accountNumber()).isEqualTo("6222" + HEAD72.substring(2, 17));
		assertThat(line.members()).isEqualTo(3);
		assertThat(line.memberIds()).containsExactly(HEAD72, DISABLED, CHILD);
		assertThat(line.phase()).isEqualTo(DibaoPhase.REGULAR);
		assertThat(line.regularAmount()).isEqualByComparingTo("1377.00");
		assertThat(line.exitMonthNo()).isZero();
		assertThat(line.payMonth()).hasToString("2026-11");
		assertThat(line.arrears()).isFalse();
	}

	@Test
	void takesTheLargestSupplementThatApplies() {
		// the 72-year-old 户主 also holds a grade-1 certificate: 20% (138.00) instead of 10%, not both
		MonthOutcome out = workedExample().certificate(HEAD72, 1, 1).compute();
		assertThat(only(out, DIBAO_URBAN).amount()).isEqualByComparingTo("1446.00");
	}

	@Test
	void minorSupplementCountsWhenTheTableHasIt() {
		MonthOutcome out = workedExample().standard(DIBAO_URBAN, "分类施保-未成年", "2026-11", "5").compute();
		assertThat(only(out, DIBAO_URBAN).amount()).isEqualByComparingTo("1411.50"); // + 34.50
	}

	@Test
	void missingSupplementPercentagesCountAsZero() {
		MonthOutcome out = month("2026-11").standard(DIBAO_URBAN, "标准", "690.00")
			.add(head(DIBAO_URBAN, "H1", HEAD72, "900.00"), member(DIBAO_URBAN, "H1", DISABLED, "900.00"))
			.certificate(DISABLED, 4, 1)
			.compute();
		assertThat(only(out, DIBAO_URBAN).amount()).isEqualByComparingTo("480.00"); // (690 − 450) × 2
	}

	@ParameterizedTest(name = "born {0}: supplement {1}")
	@CsvSource({ "19561101, 69.00", "19561102, 0.00" })
	void elderlySupplementFromAge70OnTheFirstOfTheMonth(String born, String supplement) {
		String headId = id(born, 21);
		MonthOutcome out = month("2026-11").workedExampleStandards()
			.add(head(DIBAO_URBAN, "H1", headId, "0.00"))
			.compute();
		assertThat(only(out, DIBAO_URBAN).amount()).isEqualByComparingTo(yuan("690.00").add(yuan(supplement)));
	}

	@ParameterizedTest(name = "grade {0}: supplement {1}")
	@CsvSource({ "1, 138.00", "2, 138.00", "3, 0.00", "4, 0.00" })
	void severeDisabilitySupplementOnlyForGrades1And2(int grade, String supplement) {
		MonthOutcome out = month("2026-11").workedExampleStandards()
			.add(head(DIBAO_URBAN, "H1", DISABLED, "0.00"))
			.certificate(DISABLED, 5, grade)
			.compute();
		assertThat(only(out, DIBAO_URBAN).amount()).isEqualByComparingTo(yuan("690.00").add(yuan(supplement)));
	}

	@Test
	void roundsTheSupplementHalfUpToTheFen() {
		// 695.55 × 10 / 100 = 69.555 → 69.56
		MonthOutcome out = month("2026-11").standard(DIBAO_URBAN, "标准", "695.55")
			.standard(DIBAO_URBAN, "分类施保-高龄", "10")
			.add(head(DIBAO_URBAN, "H1", HEAD72, "695.54"))
			.compute();
		assertThat(only(out, DIBAO_URBAN).amount()).isEqualByComparingTo("69.57"); // 0.01 + 69.56
	}

	@ParameterizedTest(name = "income {0} / 2 → amount {1}")
	@CsvSource({ "1000.01, 379.98", // pci 500.005 → 500.01, g 189.99
			"1000.00, 380.00", // pci 500.00
			"1379.97, 0.02", // pci 689.985 → 689.99 (not 689.98), g 0.01
	})
	void roundsThePerCapitaIncomeHalfUp(String income, String amount) {
		MonthOutcome out = month("2026-11").standard(DIBAO_URBAN, "标准", "690.00")
			.add(head(DIBAO_URBAN, "H1", DISABLED, income), member(DIBAO_URBAN, "H1", CHILD, income))
			.compute();
		assertThat(only(out, DIBAO_URBAN).amount()).isEqualByComparingTo(amount);
	}

	@Test
	void perCapitaIncomeRoundingUpToTheStandardLeavesNoGap() {
		// 1379.99 / 2 = 689.995 → 690.00: g = 0
		MonthOutcome out = month("2026-11").standard(DIBAO_URBAN, "标准", "690.00")
			.add(head(DIBAO_URBAN, "H1", DISABLED, "1379.99"), member(DIBAO_URBAN, "H1", CHILD, "1379.99"))
			.compute();
		assertThat(out.lines()).isEmpty();
		assertThat(findings(out, "INCOME_ABOVE_STANDARD")).hasSize(1);
	}

	@Test
	void gapExactlyZeroIsNotPaidAndRaisesIncomeAboveStandardForANeverPaidHousehold() {
		MonthOutcome out = month("2026-11").workedExampleStandards()
			.add(head(DIBAO_URBAN, "H1", DISABLED, "1380.00"), member(DIBAO_URBAN, "H1", CHILD, "1380.00"))
			.compute();
		assertThat(out.lines()).isEmpty();
		List<RuleFinding> f = findings(out, "INCOME_ABOVE_STANDARD");
		assertThat(f).hasSize(1);
		assertThat(f.get(0).idNumber()).isEqualTo(DISABLED);
		assertThat(f.get(0).householdId()).isEqualTo("H1");
		assertThat(f.get(0).programs()).containsExactly(DIBAO_URBAN);
		assertThat(f.get(0).detail()).contains("690.00");
	}

	@Test
	void gapOfOneFenIsRegular() {
		MonthOutcome out = month("2026-11").standard(DIBAO_URBAN, "标准", "690.00")
			.add(head(DIBAO_URBAN, "H1", DISABLED, "1379.98"), member(DIBAO_URBAN, "H1", CHILD, "1379.98"))
			.compute();
		assertThat(only(out, DIBAO_URBAN).amount()).isEqualByComparingTo("0.02");
		assertThat(out.findings()).isEmpty();
	}

	@ParameterizedTest(name = "F {0}: amount {1}")
	@CsvSource({ "0, 40.00", "19.99, 40.00", "20.00, 40.00", "20.01, 40.02", "50, 100.00" })
	void floorIsPerPersonAndAppliesWhenAboveTheGap(String floor, String amount) {
		// S 690, income 1340 for 2: pci 670, g 20
		MonthOutcome out = month("2026-11").standard(DIBAO_URBAN, "标准", "690.00")
			.standard(DIBAO_URBAN, "最低补差", floor)
			.add(head(DIBAO_URBAN, "H1", DISABLED, "1340.00"), member(DIBAO_URBAN, "H1", CHILD, "1340.00"))
			.compute();
		assertThat(only(out, DIBAO_URBAN).amount()).isEqualByComparingTo(amount);
	}

	@Test
	void takesTheLatestEconomicResultUpToTheMonthOverTheRosterIncome() {
		Fixtures.Inputs in = month("2026-11").standard(DIBAO_URBAN, "标准", "690.00")
			.add(head(DIBAO_URBAN, "H1", DISABLED, "0.00"))
			.economic("H1", "2026-09", "100.00")
			.economic("H1", "2026-11", "200.00")
			.economic("H1", "2026-12", "300.00");
		assertThat(only(in.compute(), DIBAO_URBAN).amount()).isEqualByComparingTo("490.00");
		Fixtures.Inputs onlyLater = month("2026-11").standard(DIBAO_URBAN, "标准", "690.00")
			.add(head(DIBAO_URBAN, "H1", DISABLED, "90.00"))
			.economic("H1", "2026-12", "300.00");
		assertThat(only(onlyLater.compute(), DIBAO_URBAN).amount()).isEqualByComparingTo("600.00");
	}

	@Test
	void usesTheStandardInForceInTheMonth() {
		Fixtures.Inputs in = month("2026-11").standard(DIBAO_URBAN, "标准", "690.00")
			.standard("DIBAO_URBAN", "标准", "2026-11", "700.00")
			.standard("DIBAO_URBAN", "标准", "2026-12", "720.00")
			.add(head(DIBAO_URBAN, "H1", DISABLED, "0.00"));
		assertThat(only(in.compute(), DIBAO_URBAN).amount()).isEqualByComparingTo("700.00");
	}

	@Test
	void ruralHouseholdsUseTheRuralStandard() {
		MonthOutcome out = month("2026-11").workedExampleStandards()
			.add(head(DIBAO_RURAL, "R1", DISABLED, "100.00").region(Fixtures.RURAL_REGION))
			.compute();
		assertThat(only(out, DIBAO_RURAL).amount()).isEqualByComparingTo("460.00");
		assertThat(only(out, DIBAO_RURAL).regionCode()).isEqualTo(Fixtures.RURAL_REGION);
	}

	@Test
	void noStandardNoLine() {
		MonthOutcome out = month("2026-11").standard(DIBAO_URBAN, "标准", "690.00")
			.add(head(DIBAO_RURAL, "R1", DISABLED, "100.00"))
			.compute();
		assertThat(out.lines()).isEmpty();
	}
}
