package cn.doudi.allowance.rules;

import static cn.doudi.allowance.Fixtures.head;
import static cn.doudi.allowance.Fixtures.id;
import static cn.doudi.allowance.Fixtures.lines;
import static cn.doudi.allowance.Fixtures.member;
import static cn.doudi.allowance.Fixtures.month;
import static cn.doudi.allowance.Fixtures.only;
import static cn.doudi.allowance.Fixtures.row;
import static cn.doudi.allowance.Fixtures.yuan;
import static cn.doudi.kernel.Program.DE_FACTO_CHILD;
import static cn.doudi.kernel.Program.DIBAO_RURAL;
import static cn.doudi.kernel.Program.DIBAO_URBAN;
import static cn.doudi.kernel.Program.ORPHAN;
import static cn.doudi.kernel.Program.PRICE_SUBSIDY;
import static cn.doudi.kernel.Program.TEKUN;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.doudi.allowance.ComputedLine;
import cn.doudi.allowance.Cpi;
import cn.doudi.allowance.DibaoPhase;
import cn.doudi.allowance.Fixtures;
import cn.doudi.allowance.LineStatus;
import cn.doudi.allowance.MonthOutcome;
import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Program;

/** RULES.md PRICE_SUBSIDY: trigger and rate, own DIBAO standard, qualifying line, one per person. */
class PriceSubsidyRuleTests {

	static final String HEAD = id("19700101", 111);
	static final String WIFE = id("19720101", 112);
	static final String LONER = id("19500101", 113);

	@ParameterizedTest(name = "CPI {0}, food {1} → {2}")
	@CsvSource({ "3.5, 0.0, 3.5", "3.49, 5.99, ''", "3.4, 6.0, 6.0", "4.0, 6.5, 6.5", "7.0, 6.0, 7.0",
			"3.5, 5.0, 3.5", "2.0, 6.01, 6.01", "-1.0, -2.0, ''" })
	void triggersAtTheThresholdsWithTheTriggeringIndex(String cpi, String food, String rate) {
		Optional<BigDecimal> r = PriceSubsidyRule.rate(Optional.of(new Cpi(yuan(cpi), yuan(food))));
		if (rate.isEmpty()) {
			assertThat(r).isEmpty();
		}
		else {
			assertThat(r).get().isEqualTo(yuan(rate));
		}
		assertThat(PriceSubsidyRule.rate(Optional.empty())).isEmpty();
	}

	/** S urban 690, rural 560; a DIBAO_URBAN household of 2 with a line. */
	static Fixtures.Inputs household(String cpi, String food) {
		return month("2026-11").workedExampleStandards()
			.cpi(cpi, food)
			.add(head(DIBAO_URBAN, "H1", HEAD, "300.00"),
					member(DIBAO_URBAN, "H1", WIFE, "300.00").region("410102001002").name("李四"));
	}

	@Test
	void everyCoveredMemberGetsALineOnTheHouseholdsAccount() {
		MonthOutcome out = household("3.5", "0").compute();
		List<ComputedLine> subsidy = lines(out, PRICE_SUBSIDY);
		assertThat(subsidy).extracting(ComputedLine::idNumber).containsExactly(HEAD, WIFE);
		ComputedLine wife = subsidy.get(1);
		assertThat(wife.amount()).isEqualByComparingTo("24.00"); // 690 × 3.5% = 24.15 → 24
		assertThat(wife.amount().scale()).isEqualTo(2);
		assertThat(wife.householdId()).isEqualTo("H1");
		assertThat(wife.accountNumber()).isEqualTo(only(out, DIBAO_URBAN).accountNumber());
		assertThat(wife.county()).isEqualTo(Fixtures.COUNTY);
		assertThat(wife.regionCode()).isEqualTo("410102001002");
		assertThat(wife.name()).isEqualTo("李四");
		assertThat(wife.category()).isEmpty();
		assertThat(wife.status()).isEqualTo(LineStatus.PAY);
		assertThat(wife.payMonth()).hasToString("2026-11");
	}

	@ParameterizedTest(name = "S {0} × {1}% → {2}")
	@CsvSource({ "690.00, 3.5, 24.00", "700.00, 3.5, 25.00", "690.00, 6.5, 45.00", "714.20, 3.5, 25.00",
			"700.00, 3.4999, 24.00" })
	void roundsHalfUpToWholeYuan(String standard, String rate, String amount) {
		MonthOutcome out = month("2026-11").standard(DIBAO_URBAN, "标准", standard)
			.cpi(rate, "0")
			.standard(TEKUN, "全自理", "1000.00")
			.add(row(TEKUN, "T1", LONER).category("全自理"))
			.compute();
		if (new BigDecimal(rate).compareTo(new BigDecimal("3.5")) < 0) {
			assertThat(lines(out, PRICE_SUBSIDY)).isEmpty();
			return;
		}
		assertThat(only(out, PRICE_SUBSIDY).amount()).isEqualByComparingTo(amount);
	}

	@ParameterizedTest(name = "village {0}: {1}")
	@CsvSource({ "410102001001, 24.00", "410102001199, 24.00", "410102002200, 20.00", "410102002399, 20.00",
			"410102002400, ''", "410102001000, ''" })
	void withoutADibaoEnrollmentTheVillagePartChoosesTheStandard(String region, String amount) {
		MonthOutcome out = month("2026-11").workedExampleStandards()
			.standard(TEKUN, "全自理", "1000.00")
			.cpi("3.5", "0")
			.add(row(TEKUN, "T1", LONER).category("全自理").region(region))
			.compute();
		if (amount.isEmpty()) {
			assertThat(lines(out, PRICE_SUBSIDY)).isEmpty();
			return;
		}
		ComputedLine line = only(out, PRICE_SUBSIDY); // 560 × 3.5% = 19.60 → 20
		assertThat(line.amount()).isEqualByComparingTo(amount);
		assertThat(line.householdId()).isEqualTo("T1");
		assertThat(line.regionCode()).isEqualTo(region);
	}

	@Test
	void anActiveDibaoEnrollmentInTheCountyChoosesTheStandardOverTheVillage() {
		// TEKUN (PAY) qualifies; the person is also in a rural DIBAO household held for EXCLUSIVE_PROGRAMS
		MonthOutcome out = month("2026-11").workedExampleStandards()
			.standard(TEKUN, "全自理", "1000.00")
			.cpi("3.5", "0")
			.add(row(TEKUN, "T1", LONER).category("全自理").region(Fixtures.URBAN_REGION),
					head(DIBAO_RURAL, "R1", LONER, "0.00").region(Fixtures.RURAL_REGION))
			.hold("EXCLUSIVE_PROGRAMS", LONER, DIBAO_RURAL)
			.compute();
		ComputedLine line = only(out, PRICE_SUBSIDY);
		assertThat(line.householdId()).isEqualTo("T1");
		assertThat(line.status()).isEqualTo(LineStatus.PAY);
		assertThat(line.amount()).isEqualByComparingTo("20.00"); // rural 560, not urban 690
		assertThat(line.regionCode()).isEqualTo(Fixtures.URBAN_REGION);
	}

	@Test
	void aQualifyingDibaoLineIsItsOwnProgramEvenWhenTheOtherDibaoIsActiveToo() {
		// urban household held, rural household paid: the rural line qualifies and its standard counts
		MonthOutcome out = month("2026-11").workedExampleStandards()
			.cpi("3.5", "0")
			.add(head(DIBAO_URBAN, "H8", LONER, "0.00"), head(DIBAO_RURAL, "R1", LONER, "0.00"))
			.hold(new cn.doudi.allowance.CheckHold(FindingCode.EXCLUSIVE_PROGRAMS, LONER, java.util.Set.of(DIBAO_URBAN), false,
					null, "H8"))
			.compute();
		ComputedLine line = only(out, PRICE_SUBSIDY);
		assertThat(line.householdId()).isEqualTo("R1");
		assertThat(line.amount()).isEqualByComparingTo("20.00"); // 560 × 3.5%, not 690 × 3.5%
	}

	@Test
	void aPayLineQualifiesBeforeAHeldOne() {
		MonthOutcome out = month("2026-11").workedExampleStandards()
			.standard(TEKUN, "全自理", "1000.00")
			.cpi("3.5", "0")
			.add(row(TEKUN, "T1", LONER).category("全自理"), head(DIBAO_URBAN, "H9", LONER, "0.00"))
			.hold("EXCLUSIVE_PROGRAMS", LONER, DIBAO_URBAN)
			.compute();
		assertThat(only(out, PRICE_SUBSIDY).householdId()).isEqualTo("T1");
		assertThat(only(out, PRICE_SUBSIDY).status()).isEqualTo(LineStatus.PAY);
	}

	@Test
	void programOrderDecidesBetweenEqualStatuses() {
		// both PAY: DIBAO_URBAN comes before TEKUN, whatever the household ids
		MonthOutcome out = month("2026-11").workedExampleStandards()
			.standard(TEKUN, "全自理", "1000.00")
			.standard(ORPHAN, "散居", "1200.00")
			.cpi("3.5", "0")
			.add(row(TEKUN, "A0", LONER).category("全自理"), head(DIBAO_URBAN, "Z9", LONER, "0.00"))
			.compute();
		assertThat(only(out, PRICE_SUBSIDY).householdId()).isEqualTo("Z9");
		assertThat(lines(out, PRICE_SUBSIDY)).hasSize(1);
	}

	@Test
	void aHeldQualifyingLineHoldsTheSubsidyWithItsReasons() {
		MonthOutcome out = household("3.5", "0").died(HEAD, "2026-10").holdEveryLine("NAME_MISMATCH", WIFE).compute();
		ComputedLine line = only(out, PRICE_SUBSIDY); // the dead 户主 is not covered: no subsidy for him
		assertThat(line.idNumber()).isEqualTo(WIFE);
		assertThat(line.status()).isEqualTo(LineStatus.HELD);
		assertThat(line.reasons()).containsExactly(FindingCode.NAME_MISMATCH, FindingCode.PAYEE_DECEASED);
		assertThat(line.amount()).isEqualByComparingTo("24.00");
		assertThat(line.accountNumber()).isEqualTo("6222" + HEAD.substring(2, 17));
	}

	@Test
	void noTriggerNoSubsidy() {
		assertThat(lines(household("3.4", "5.9").compute(), PRICE_SUBSIDY)).isEmpty();
		assertThat(lines(month("2026-11").workedExampleStandards()
			.add(head(DIBAO_URBAN, "H1", HEAD, "0.00"))
			.compute(), PRICE_SUBSIDY)).isEmpty();
	}

	@Test
	void aDeFactoChildToppedUpToZeroQualifiesThroughItsHousehold() {
		String child = id("20150505", 114);
		MonthOutcome out = month("2026-11").workedExampleStandards()
			.standard(DE_FACTO_CHILD, "标准", "100.00")
			.cpi("3.5", "0")
			.add(head(DIBAO_URBAN, "H1", HEAD, "0.00"), member(DIBAO_URBAN, "H1", child, "0.00"),
					row(DE_FACTO_CHILD, "D1", child))
			.compute();
		assertThat(lines(out, DE_FACTO_CHILD)).isEmpty();
		assertThat(lines(out, PRICE_SUBSIDY)).extracting(ComputedLine::householdId).containsExactly("H1", "H1");
	}

	@Test
	void aDeFactoChildAloneQualifiesWithItsOwnLine() {
		String child = id("20150505", 115);
		MonthOutcome out = month("2026-11").workedExampleStandards()
			.standard(DE_FACTO_CHILD, "标准", "1200.00")
			.cpi("3.5", "0")
			.add(row(DE_FACTO_CHILD, "D1", child).region(Fixtures.RURAL_REGION))
			.compute();
		assertThat(only(out, PRICE_SUBSIDY).householdId()).isEqualTo("D1");
		assertThat(only(out, PRICE_SUBSIDY).amount()).isEqualByComparingTo("20.00");
	}

	static ComputedLine otherCountyTekun(String county, LineStatus status) {
		return new ComputedLine(county, county + "001001", TEKUN, "全自理", "X1", LONER, "某", Fixtures.ym("2026-11"),
				yuan("1000.00"), status, status == LineStatus.PAY ? Lines.codes() : Lines.codes(FindingCode.EXCLUSIVE_PROGRAMS),
				new ComputedLine.Payee("ICBC", "1", "某"), false, null);
	}

	static Fixtures.Inputs tekunHere(boolean held) {
		Fixtures.Inputs in = month("2026-11").workedExampleStandards()
			.standard(TEKUN, "全自理", "1000.00")
			.cpi("3.5", "0")
			.add(row(TEKUN, "T1", LONER).category("全自理"));
		return held ? in.hold("EXCLUSIVE_PROGRAMS", LONER, TEKUN) : in;
	}

	@Test
	void aBetterQualifyingLineInAnotherCountyTakesTheSubsidyThere() {
		// held here, PAY there → nothing here
		assertThat(lines(tekunHere(true).otherCounty(otherCountyTekun("410103", LineStatus.PAY)).compute(),
				PRICE_SUBSIDY)).isEmpty();
		// PAY here, HELD there → here
		assertThat(lines(tekunHere(false).otherCounty(otherCountyTekun("410101", LineStatus.HELD)).compute(),
				PRICE_SUBSIDY)).hasSize(1);
		// both PAY, same program: the lower county code
		assertThat(lines(tekunHere(false).otherCounty(otherCountyTekun("410101", LineStatus.PAY)).compute(),
				PRICE_SUBSIDY)).isEmpty();
		assertThat(lines(tekunHere(false).otherCounty(otherCountyTekun("410103", LineStatus.PAY)).compute(),
				PRICE_SUBSIDY)).hasSize(1);
	}

	@Test
	void anotherCountysDibaoLineCountsForItsCoveredMembers() {
		ComputedLine dibaoThere = new ComputedLine("410199", "410199001001", DIBAO_RURAL, "", "X2", HEAD, "某",
				Fixtures.ym("2026-11"), yuan("100.00"), LineStatus.PAY, Lines.codes(), new ComputedLine.Payee("ICBC", "1", "某"),
				false, new ComputedLine.HouseholdPart(DibaoPhase.REGULAR, yuan("100.00"), 0, List.of(HEAD, LONER)));
		assertThat(lines(tekunHere(false).otherCounty(dibaoThere).compute(), PRICE_SUBSIDY)).isEmpty();
	}

	@Test
	void onePerPersonWhateverTheNumberOfPrograms() {
		String child = id("20150505", 116);
		MonthOutcome out = month("2026-11").workedExampleStandards()
			.standard(ORPHAN, "散居", "1200.00")
			.cpi("3.5", "0")
			.add(head(DIBAO_URBAN, "H1", HEAD, "0.00"), member(DIBAO_URBAN, "H1", child, "0.00"),
					row(ORPHAN, "O1", child).category("散居"))
			.compute();
		assertThat(lines(out, PRICE_SUBSIDY)).extracting(ComputedLine::idNumber).containsExactly(HEAD, child);
		assertThat(lines(out, PRICE_SUBSIDY)).extracting(ComputedLine::householdId).containsExactly("H1", "H1");
		assertThat(lines(out, PRICE_SUBSIDY)).extracting(ComputedLine::program).containsOnly(Program.PRICE_SUBSIDY);
	}
}
