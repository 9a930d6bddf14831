package cn.doudi.allowance.rules;

import static cn.doudi.allowance.Fixtures.findings;
import static cn.doudi.allowance.Fixtures.head;
import static cn.doudi.allowance.Fixtures.id;
import static cn.doudi.allowance.Fixtures.member;
import static cn.doudi.allowance.Fixtures.month;
import static cn.doudi.allowance.Fixtures.only;
import static cn.doudi.allowance.DibaoPhase.GRADUAL_EXIT;
import static cn.doudi.allowance.DibaoPhase.REGULAR;
import static cn.doudi.kernel.Program.DIBAO_URBAN;
import static org.assertj.core.api.Assertions.assertThat;
import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.StopReason;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.doudi.allowance.ComputedLine;
import cn.doudi.allowance.EnrollmentEnded;
import cn.doudi.allowance.Fixtures;
import cn.doudi.allowance.LineStatus;
import cn.doudi.allowance.MonthOutcome;

/** RULES.md DIBAO steps 6 and 8: 渐退 with K months, frozen amount, GRADUAL_EXIT_END. */
class GradualExitTests {

	static final String HEAD = id("19700101", 41);
	static final String SON = id("19950303", 42);

	/** S 690; income 1500 for 2: pci 750, g −60 (above the standard). */
	static Fixtures.Inputs aboveStandard(String month) {
		return month(month).standard(DIBAO_URBAN, "标准", "690.00")
			.add(head(DIBAO_URBAN, "H1", HEAD, "1500.00"), member(DIBAO_URBAN, "H1", SON, "1500.00"));
	}

	@Test
	void aRegularHouseholdAboveTheStandardEntersGradualExitAtItsLastRegularAmount() {
		MonthOutcome out = aboveStandard("2026-11").previous(DIBAO_URBAN, "H1", REGULAR, "812.40", "812.40", 0)
			.compute();
		ComputedLine line = only(out, DIBAO_URBAN);
		assertThat(line.category()).isEqualTo("渐退");
		assertThat(line.amount()).isEqualByComparingTo("812.40");
		assertThat(line.phase()).isEqualTo(GRADUAL_EXIT);
		assertThat(line.exitMonthNo()).isEqualTo(1);
		assertThat(line.regularAmount()).isEqualByComparingTo("812.40");
		assertThat(line.status()).isEqualTo(LineStatus.PAY);
		assertThat(findings(out, "INCOME_ABOVE_STANDARD")).singleElement()
			.satisfies(f -> assertThat(f.idNumber()).isEqualTo(HEAD));
		assertThat(out.ends()).isEmpty();
	}

	@Test
	void aHeldRegularLineAlsoEntersGradualExit() {
		// run M−1 produced a HELD regular line: it counts as the household's line for M−1
		ComputedLine line = only(aboveStandard("2026-11").previous(DIBAO_URBAN, "H1", REGULAR, "300.00", "300.00", 0)
			.compute(), DIBAO_URBAN);
		assertThat(line.amount()).isEqualByComparingTo("300.00");
	}

	@Test
	void monthKIsPaidAndMonthKPlusOneEndsTheEnrollment() {
		// default K = 6
		MonthOutcome monthK = aboveStandard("2026-11").previous(DIBAO_URBAN, "H1", GRADUAL_EXIT, "500.00", "500.00", 5)
			.compute();
		assertThat(only(monthK, DIBAO_URBAN).exitMonthNo()).isEqualTo(6);
		assertThat(only(monthK, DIBAO_URBAN).amount()).isEqualByComparingTo("500.00");

		MonthOutcome monthK1 = aboveStandard("2026-12")
			.previous(DIBAO_URBAN, "H1", GRADUAL_EXIT, "500.00", "500.00", 6)
			.compute();
		assertThat(monthK1.lines()).isEmpty();
		assertThat(monthK1.findings()).isEmpty();
		assertThat(monthK1.ends()).containsExactly(new EnrollmentEnded(Fixtures.COUNTY, DIBAO_URBAN, "H1", "",
				Fixtures.ym("2026-12"), StopReason.GRADUAL_EXIT_END));
	}

	@ParameterizedTest(name = "K = 3, previous exit month {0}")
	@ValueSource(ints = { 1, 2, 3 })
	void kComesFromTheParameterTable(int previousExitMonth) {
		MonthOutcome out = aboveStandard("2026-11").standard("PARAM", "渐退月数", "2020-01", "3")
			.previous(DIBAO_URBAN, "H1", GRADUAL_EXIT, "500.00", "500.00", previousExitMonth)
			.compute();
		if (previousExitMonth < 3) {
			assertThat(only(out, DIBAO_URBAN).exitMonthNo()).isEqualTo(previousExitMonth + 1);
		}
		else {
			assertThat(out.lines()).isEmpty();
			assertThat(out.ends()).extracting(EnrollmentEnded::reason).containsExactly(StopReason.GRADUAL_EXIT_END);
		}
	}

	@Test
	void kZeroEndsTheEnrollmentInTheFirstMonthAboveTheStandard() {
		MonthOutcome out = aboveStandard("2026-11").standard("PARAM", "渐退月数", "2020-01", "0")
			.previous(DIBAO_URBAN, "H1", REGULAR, "500.00", "500.00", 0)
			.compute();
		assertThat(out.lines()).isEmpty();
		assertThat(out.ends()).hasSize(1);
	}

	@Test
	void theFrozenAmountStaysWhenTheStandardChanges() {
		MonthOutcome out = aboveStandard("2026-11").standard("DIBAO_URBAN", "标准", "2026-11", "720.00")
			.previous(DIBAO_URBAN, "H1", GRADUAL_EXIT, "500.00", "500.00", 2)
			.compute();
		assertThat(only(out, DIBAO_URBAN).amount()).isEqualByComparingTo("500.00");
		assertThat(only(out, DIBAO_URBAN).regularAmount()).isEqualByComparingTo("500.00");
	}

	@Test
	void aGapAgainDuringGradualExitPaysRegularly() {
		MonthOutcome out = month("2026-11").standard(DIBAO_URBAN, "标准", "690.00")
			.add(head(DIBAO_URBAN, "H1", HEAD, "1300.00"), member(DIBAO_URBAN, "H1", SON, "1300.00"))
			.previous(DIBAO_URBAN, "H1", GRADUAL_EXIT, "500.00", "500.00", 3)
			.compute();
		ComputedLine line = only(out, DIBAO_URBAN);
		assertThat(line.phase()).isEqualTo(REGULAR);
		assertThat(line.category()).isEmpty();
		assertThat(line.amount()).isEqualByComparingTo("80.00");
		assertThat(line.exitMonthNo()).isZero();
		assertThat(out.findings()).isEmpty();
	}

	@Test
	void aHeadDeadDuringGradualExitHoldsTheFrozenLine() {
		MonthOutcome out = aboveStandard("2026-11").died(HEAD, "2026-10")
			.previous(DIBAO_URBAN, "H1", GRADUAL_EXIT, "500.00", "500.00", 1)
			.compute();
		ComputedLine line = only(out, DIBAO_URBAN);
		assertThat(line.status()).isEqualTo(LineStatus.HELD);
		assertThat(line.reasons()).containsExactly(FindingCode.PAYEE_DECEASED);
		assertThat(line.amount()).isEqualByComparingTo("500.00");
		assertThat(out.findings()).extracting(f -> f.code())
			.containsExactly(FindingCode.INCOME_ABOVE_STANDARD, FindingCode.PAYEE_DECEASED);
	}

	@Test
	void stepIsAPureFunctionOfThePreviousLineAndK() {
		assertThat(GradualExit.next(null, 6)).isInstanceOf(GradualExit.NeverPaid.class);
		assertThat(GradualExit.next(new cn.doudi.allowance.PreviousDibaoLine("H1", DIBAO_URBAN, REGULAR,
				Fixtures.yuan("10.00"), Fixtures.yuan("10.00"), 0), 6))
			.isEqualTo(new GradualExit.Exit(1, 6, Fixtures.yuan("10.00")));
		assertThat(GradualExit.next(new cn.doudi.allowance.PreviousDibaoLine("H1", DIBAO_URBAN, GRADUAL_EXIT,
				Fixtures.yuan("10.00"), Fixtures.yuan("12.00"), 6), 6))
			.isInstanceOf(GradualExit.End.class);
	}
}
