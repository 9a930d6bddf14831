package cn.doudi.allowance.rules;

import static cn.doudi.allowance.Fixtures.head;
import static cn.doudi.allowance.Fixtures.id;
import static cn.doudi.allowance.Fixtures.lines;
import static cn.doudi.allowance.Fixtures.member;
import static cn.doudi.allowance.Fixtures.month;
import static cn.doudi.allowance.Fixtures.only;
import static cn.doudi.allowance.Fixtures.row;
import static cn.doudi.allowance.Fixtures.ym;
import static cn.doudi.kernel.Program.DE_FACTO_CHILD;
import static cn.doudi.kernel.Program.DIBAO_URBAN;
import static cn.doudi.kernel.Program.ORPHAN;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.doudi.allowance.ComputedLine;
import cn.doudi.allowance.DibaoPhase;
import cn.doudi.allowance.EnrollmentEnded;
import cn.doudi.allowance.Fixtures;
import cn.doudi.allowance.LineStatus;
import cn.doudi.allowance.MonthOutcome;
import cn.doudi.kernel.Program;
import cn.doudi.kernel.StopReason;

/** RULES.md ORPHAN and DE_FACTO_CHILD: paid while under 18, AGED_OUT at 18, de-facto top-up. */
class ChildRuleTests {

	static final String HEAD = id("19700101", 91);

	static Fixtures.Inputs table(String month) {
		return month(month).standard(ORPHAN, "机构", "1800.00")
			.standard(ORPHAN, "散居", "1200.00")
			.standard(DE_FACTO_CHILD, "标准", "1200.00");
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "机构, 1800.00", "散居, 1200.00" })
	void orphanByMode(String mode, String amount) {
		String child = id("20150505", 92);
		ComputedLine line = only(table("2026-11").add(row(ORPHAN, "O1", child).category(mode)).compute(), ORPHAN);
		assertThat(line.category()).isEqualTo(mode);
		assertThat(line.amount()).isEqualByComparingTo(amount);
		assertThat(line.status()).isEqualTo(LineStatus.PAY);
	}

	@ParameterizedTest(name = "{0}, born {1}, in {2}")
	@CsvSource({ "ORPHAN, 20081115, 2026-11", "DE_FACTO_CHILD, 20081115, 2026-11",
			"ORPHAN, 20081102, 2026-11" })
	void paidAtSeventeen(Program program, String born, String month) {
		String child = id(born, 93);
		MonthOutcome out = table(month).add(row(program, "O1", child).category("散居")).compute();
		assertThat(lines(out, program)).hasSize(1);
		assertThat(out.ends()).isEmpty();
	}

	@ParameterizedTest(name = "{0}, born {1}, in {2}: ends {3}")
	@CsvSource({ "ORPHAN, 20081101, 2026-11, 2026-11", "DE_FACTO_CHILD, 20081101, 2026-11, 2026-11",
			"ORPHAN, 20081115, 2026-12, 2026-12", "ORPHAN, 20081115, 2027-02, 2026-12" })
	void agedOutFromTheMonthOfEighteen(Program program, String born, String month, String ended) {
		String child = id(born, 94);
		MonthOutcome out = table(month).add(row(program, "O1", child).category("散居")).compute();
		assertThat(out.lines()).isEmpty();
		assertThat(out.ends())
			.containsExactly(new EnrollmentEnded(Fixtures.COUNTY, program, "O1", child, ym(ended), StopReason.AGED_OUT));
	}

	@Test
	void anEnrollmentAlreadyAgedOutIsSilent() {
		String child = id("20081101", 95);
		MonthOutcome out = table("2026-12").add(row(ORPHAN, "O1", child).category("散居"))
			.ended(ORPHAN, "O1", child, "2026-11")
			.compute();
		assertThat(out.lines()).isEmpty();
		assertThat(out.ends()).isEmpty();
	}

	/** S 690, household of 3 with income 900 (no supplements): 1170.00, share 390.00. */
	static Fixtures.Inputs deFactoInHousehold(String month, String child, String deFactoStandard) {
		return month(month).standard(DIBAO_URBAN, "标准", "690.00")
			.standard(DE_FACTO_CHILD, "标准", deFactoStandard)
			.add(head(DIBAO_URBAN, "H1", HEAD, "900.00"), member(DIBAO_URBAN, "H1", id("19720101", 96), "900.00"),
					member(DIBAO_URBAN, "H1", child, "900.00"), row(DE_FACTO_CHILD, "D1", child));
	}

	@Test
	void aDeFactoChildInADibaoHouseholdIsToppedUp() {
		String child = id("20150505", 97);
		ComputedLine line = only(deFactoInHousehold("2026-11", child, "1200.00").compute(), DE_FACTO_CHILD);
		assertThat(line.amount()).isEqualByComparingTo("810.00"); // 1200 − 390
		assertThat(line.category()).isEqualTo("标准");
		assertThat(line.householdId()).isEqualTo("D1");
	}

	@Test
	void theShareIsRoundedHalfUp() {
		// S 690.10, 高龄 10% (69.01) for the 72-year-old 户主; income 1380.00 for 2: pci 690.00, g 0.10
		// line 0.20 + 69.01 = 69.21, share 69.21 / 2 = 34.605 → 34.61; top-up 100 − 34.61 = 65.39
		String child = id("20150505", 98);
		Fixtures.Inputs in = month("2026-11").standard(DIBAO_URBAN, "标准", "690.10")
			.standard(DIBAO_URBAN, "分类施保-高龄", "10")
			.standard(DE_FACTO_CHILD, "标准", "100.00")
			.add(head(DIBAO_URBAN, "H1", id("19540310", 90), "1380.00"), member(DIBAO_URBAN, "H1", child, "1380.00"),
					row(DE_FACTO_CHILD, "D1", child));
		MonthOutcome out = in.compute();
		assertThat(only(out, DIBAO_URBAN).amount()).isEqualByComparingTo("69.21");
		assertThat(only(out, DE_FACTO_CHILD).amount()).isEqualByComparingTo("65.39");
	}

	@Test
	void aTopUpOfExactlyZeroWritesNoLineAndEndsNothing() {
		String child = id("20150505", 99);
		MonthOutcome out = deFactoInHousehold("2026-11", child, "390.00").compute();
		assertThat(lines(out, DE_FACTO_CHILD)).isEmpty();
		assertThat(out.ends()).isEmpty();
		assertThat(lines(deFactoInHousehold("2026-11", child, "300.00").compute(), DE_FACTO_CHILD)).isEmpty();
		assertThat(only(deFactoInHousehold("2026-11", child, "390.01").compute(), DE_FACTO_CHILD).amount())
			.isEqualByComparingTo("0.01");
	}

	@Test
	void theTopUpUsesTheHouseholdLineWhateverItsStatusAndTheFrozenExitAmount() {
		String child = id("20150505", 100);
		// held household line (check hold on a member): share still 390.00
		ComputedLine held = only(deFactoInHousehold("2026-11", child, "1200.00")
			.hold("ASSETS_DISQUALIFY", HEAD, DIBAO_URBAN)
			.compute(), DE_FACTO_CHILD);
		assertThat(held.amount()).isEqualByComparingTo("810.00");
		assertThat(held.status()).isEqualTo(LineStatus.PAY);
		// gradual exit: income above the standard, frozen 600.00 for 3 members → share 200.00
		Fixtures.Inputs exit = month("2026-11").standard(DIBAO_URBAN, "标准", "690.00")
			.standard(DE_FACTO_CHILD, "标准", "1200.00")
			.add(head(DIBAO_URBAN, "H1", HEAD, "3000.00"), member(DIBAO_URBAN, "H1", id("19720101", 96), "3000.00"),
					member(DIBAO_URBAN, "H1", child, "3000.00"), row(DE_FACTO_CHILD, "D1", child))
			.previous(DIBAO_URBAN, "H1", DibaoPhase.REGULAR, "600.00", "600.00", 0);
		assertThat(only(exit.compute(), DE_FACTO_CHILD).amount()).isEqualByComparingTo("1000.00");
	}

	@Test
	void noHouseholdLineMeansTheFullStandard() {
		String child = id("20150505", 101);
		// the household is above the standard and was never paid: no line to top up against
		Fixtures.Inputs in = month("2026-11").standard(DIBAO_URBAN, "标准", "690.00")
			.standard(DE_FACTO_CHILD, "标准", "1200.00")
			.add(head(DIBAO_URBAN, "H1", HEAD, "3000.00"), member(DIBAO_URBAN, "H1", child, "3000.00"),
					row(DE_FACTO_CHILD, "D1", child));
		assertThat(only(in.compute(), DE_FACTO_CHILD).amount()).isEqualByComparingTo("1200.00");
	}
}
