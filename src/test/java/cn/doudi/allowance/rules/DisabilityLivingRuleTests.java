package cn.doudi.allowance.rules;

import static cn.doudi.allowance.Fixtures.findings;
import static cn.doudi.allowance.Fixtures.head;
import static cn.doudi.allowance.Fixtures.id;
import static cn.doudi.allowance.Fixtures.member;
import static cn.doudi.allowance.Fixtures.month;
import static cn.doudi.allowance.Fixtures.only;
import static cn.doudi.allowance.Fixtures.row;
import static cn.doudi.kernel.Program.DIBAO_URBAN;
import static cn.doudi.kernel.Program.DISABILITY_LIVING;
import static org.assertj.core.api.Assertions.assertThat;
import cn.doudi.kernel.FindingCode;

import org.junit.jupiter.api.Test;

import cn.doudi.allowance.ComputedLine;
import cn.doudi.allowance.DibaoPhase;
import cn.doudi.allowance.Fixtures;
import cn.doudi.allowance.LineStatus;
import cn.doudi.allowance.MonthOutcome;

/** RULES.md DISABILITY_LIVING: a valid certificate and a covered member of a DIBAO household line in M. */
class DisabilityLivingRuleTests {

	static final String HEAD = id("19700101", 71);
	static final String DISABLED = id("19900909", 72);

	/** A DIBAO household (S 690, income {@code income} for 2) and the member's DISABILITY_LIVING row (标准 90). */
	static Fixtures.Inputs in(String income) {
		return month("2026-11").standard(DIBAO_URBAN, "标准", "690.00")
			.standard(DISABILITY_LIVING, "标准", "90.00")
			.add(head(DIBAO_URBAN, "H1", HEAD, income), member(DIBAO_URBAN, "H1", DISABLED, income),
					row(DISABILITY_LIVING, "H1", DISABLED));
	}

	@Test
	void paysACertifiedCoveredMemberOfAHouseholdWithALine() {
		ComputedLine line = only(in("300.00").certificate(DISABLED, 4, 3).compute(), DISABILITY_LIVING);
		assertThat(line.status()).isEqualTo(LineStatus.PAY);
		assertThat(line.amount()).isEqualByComparingTo("90.00");
		assertThat(line.category()).isEqualTo("标准");
		assertThat(line.idNumber()).isEqualTo(DISABLED);
	}

	@Test
	void noCertificateHoldsWithDisabilityNotFound() {
		MonthOutcome out = in("300.00").compute();
		ComputedLine line = only(out, DISABILITY_LIVING);
		assertThat(line.status()).isEqualTo(LineStatus.HELD);
		assertThat(line.reasons()).containsExactly(FindingCode.DISABILITY_NOT_FOUND);
		assertThat(line.amount()).isEqualByComparingTo("90.00");
		assertThat(findings(out, "DISABILITY_NOT_FOUND")).singleElement()
			.satisfies(f -> assertThat(f.idNumber()).isEqualTo(DISABLED));
	}

	@Test
	void aHouseholdWithoutALineHoldsWithLivingSubsidyNotPoor() {
		// income 1500 for 2: above the standard, never paid → no household line
		MonthOutcome out = in("1500.00").certificate(DISABLED, 4, 3).compute();
		assertThat(only(out, DISABILITY_LIVING).reasons()).containsExactly(FindingCode.LIVING_SUBSIDY_NOT_POOR);
		assertThat(findings(out, "LIVING_SUBSIDY_NOT_POOR")).hasSize(1);
	}

	@Test
	void bothReasonsWhenBothApply() {
		MonthOutcome out = month("2026-11").standard(DISABILITY_LIVING, "标准", "90.00")
			.add(row(DISABILITY_LIVING, "P1", DISABLED))
			.compute();
		assertThat(only(out, DISABILITY_LIVING).reasons()).containsExactly(FindingCode.DISABILITY_NOT_FOUND,
				FindingCode.LIVING_SUBSIDY_NOT_POOR);
		assertThat(out.findings()).extracting(f -> f.code())
			.containsExactly(FindingCode.DISABILITY_NOT_FOUND, FindingCode.LIVING_SUBSIDY_NOT_POOR);
	}

	@Test
	void aGradualExitOrHeldHouseholdLineCounts() {
		ComputedLine exit = only(in("1500.00").certificate(DISABLED, 1, 4)
			.previous(DIBAO_URBAN, "H1", DibaoPhase.REGULAR, "200.00", "200.00", 0)
			.compute(), DISABILITY_LIVING);
		assertThat(exit.status()).isEqualTo(LineStatus.PAY);
		ComputedLine held = only(in("300.00").certificate(DISABLED, 1, 4).died(HEAD, "2026-01").compute(),
				DISABILITY_LIVING);
		assertThat(held.status()).isEqualTo(LineStatus.PAY);
	}

	@Test
	void aMemberNoLongerCoveredIsNotPoor() {
		Fixtures.Inputs in = month("2026-11").standard(DIBAO_URBAN, "标准", "690.00")
			.standard(DISABILITY_LIVING, "标准", "90.00")
			.add(head(DIBAO_URBAN, "H1", HEAD, "300.00"), member(DIBAO_URBAN, "H1", DISABLED, "300.00").end("2026-10"),
					row(DISABILITY_LIVING, "H1", DISABLED))
			.certificate(DISABLED, 4, 3);
		assertThat(only(in.compute(), DISABILITY_LIVING).reasons()).containsExactly(FindingCode.LIVING_SUBSIDY_NOT_POOR);
	}

	@Test
	void aHouseholdOfAnotherCountyDoesNotCount() {
		Fixtures.Inputs in = month("2026-11").standard(DISABILITY_LIVING, "标准", "90.00")
			.add(row(DISABILITY_LIVING, "P1", DISABLED))
			.certificate(DISABLED, 4, 3)
			.otherCounty(new ComputedLine("410103", "410103001001", DIBAO_URBAN, "", "X1", HEAD, "某", Fixtures.ym(
					"2026-11"), Fixtures.yuan("500.00"), LineStatus.PAY, Lines.codes(), new ComputedLine.Payee("ICBC", "1", "某"),
					false, new ComputedLine.HouseholdPart(DibaoPhase.REGULAR, Fixtures.yuan("500.00"), 0,
							java.util.List.of(HEAD, DISABLED))));
		assertThat(only(in.compute(), DISABILITY_LIVING).reasons()).containsExactly(FindingCode.LIVING_SUBSIDY_NOT_POOR);
	}
}
