package cn.doudi.allowance;

import static cn.doudi.allowance.Fixtures.id;
import static cn.doudi.allowance.Fixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import cn.doudi.allowance.RunHistory.PastLine;
import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.PaymentKey;
import cn.doudi.kernel.Program;
import cn.doudi.kernel.StopReason;

/**
 * The whole month through {@link MonthRules#settle}, without a database: RULES.md "Arrears" with the checks'
 * HOLD conditions evaluated per month — a held month whose enrollment then ends is not back-paid while the
 * evidence for that month stands, and is back-paid once a monitor dismissed the finding.
 */
class SettleTests {

	static final YearMonth OCT = YearMonth.of(2026, 10);
	static final YearMonth NOV = YearMonth.of(2026, 11);
	static final YearMonth DEC = YearMonth.of(2026, 12);
	/** Born 2008-11-15: 17 in 2026-11, 18 in 2026-12 (AGED_OUT from December). */
	static final String GIRL = id("20081115", 44);
	static final String ELDER = id("19400302", 11);

	static final CheckHold NAME_MISMATCH = new CheckHold(FindingCode.NAME_MISMATCH, GIRL, Set.of(), true, null);

	static Fixtures.Inputs orphanRoster(String month) {
		return Fixtures.month(month).standard(Program.ORPHAN, "散居", "1450.00")
			.add(row(Program.ORPHAN, "O1", GIRL).category("散居").start("2026-01"));
	}

	/** The run history of December: runs since October, November's held line; nothing paid. */
	static RunHistory decemberHistory() {
		return new RunHistory(Optional.of(OCT), List.of(new PastLine("410102", Program.ORPHAN, "O1", GIRL, "某044", List.of())),
				Map.of(), Map.of(), Set.of(), Map.of(), List.of(), Map.of());
	}

	static SettleInputs december(HoldConditions holds) {
		SettleInputs in = orphanRoster("2026-12").settleInputs();
		return new SettleInputs(in.month(), in.records(), holds, List.of());
	}

	@Test
	void theHeldMonthsOfAnOrphanWhoThenAgesOutAreNotBackPaidWhileTheEvidenceStands() {
		// a death record under another name held October and November (NAME_MISMATCH); she is 18 in December:
		// the enrollment ends, December's check raises nothing (no active row), the finding closes — but for
		// October and November the condition, evaluated with today's records, still holds
		HoldConditions holds = new HoldConditions(Map.of(OCT, List.of(NAME_MISMATCH), NOV, List.of(NAME_MISMATCH)));

		Settlement dec = new MonthRules().settle(december(holds), decemberHistory());

		assertThat(dec.lines()).isEmpty();
		assertThat(dec.ends()).extracting(EnrollmentEnded::reason).containsExactly(StopReason.AGED_OUT);
		assertThat(dec.stops()).extracting(Stop::reason).containsExactly(StopReason.AGED_OUT);
	}

	@Test
	void settleTellsItsPartsInOrderAndTellingChangesNothing() {
		List<String> parts = new java.util.ArrayList<>();
		Settlement told = new MonthRules().settle(december(HoldConditions.NONE), decemberHistory(), parts::add);
		Settlement plain = new MonthRules().settle(december(HoldConditions.NONE), decemberHistory());
		assertThat(parts).containsExactly("rules", "arrears", "stops");
		assertThat(told).isEqualTo(plain);
	}

	@Test
	void theyAreBackPaidOnceAMonitorDismissedTheFinding() {
		// dismissed for the same evidence: no HOLD condition left for October and November
		Settlement dec = new MonthRules().settle(december(HoldConditions.NONE), decemberHistory());

		assertThat(dec.lines()).allSatisfy(l -> {
			assertThat(l.arrears()).isTrue();
			assertThat(l.status()).isEqualTo(LineStatus.PAY);
			assertThat(l.amount()).isEqualByComparingTo(new BigDecimal("1450.00"));
		}).extracting(ComputedLine::payMonth).containsExactly(OCT, NOV);
	}

	@Test
	void aMonthWhoseConditionStillHoldsStaysUnpaidWhileAReleasedOneIsBackPaid() {
		// the evidence for October was corrected (no condition any more), November's still stands
		HoldConditions holds = new HoldConditions(Map.of(NOV, List.of(NAME_MISMATCH)));

		Settlement dec = new MonthRules().settle(december(holds), decemberHistory());

		assertThat(dec.lines()).extracting(ComputedLine::payMonth).containsExactly(OCT);
	}

	@Test
	void aMonthAlreadyPaidIsNotPaidAgain() {
		RunHistory history = decemberHistory();
		RunHistory paidOctober = new RunHistory(history.firstRunMonth(), history.previousRun(), Map.of(), Map.of(),
				Set.of(PaymentKey.of(Program.ORPHAN, "O1", GIRL).in(OCT)), Map.of(), List.of(), Map.of());

		Settlement dec = new MonthRules().settle(december(HoldConditions.NONE), paidOctober);

		assertThat(dec.lines()).extracting(ComputedLine::payMonth).containsExactly(NOV);
	}

	@Test
	void anEndMonthThatPassedReleasesNothingEither() {
		// ELDERLY, roster row ending 2026-10, held in October by DEATH_PROBABLE: November has no line, the
		// finding closes; the condition for October still holds, so October is not back-paid
		CheckHold probable = new CheckHold(FindingCode.DEATH_PROBABLE, ELDER, Set.of(), true, null);
		Fixtures.Inputs nov = Fixtures.month("2026-11").standard(Program.ELDERLY, "80-89", "100.00")
			.add(row(Program.ELDERLY, "E1", ELDER).end("2026-10"));
		RunHistory history = new RunHistory(Optional.of(OCT),
				List.of(new PastLine("410102", Program.ELDERLY, "E1", ELDER, "某011", List.of())), Map.of(), Map.of(),
				Set.of(), Map.of(), List.of(), Map.of());
		SettleInputs in = nov.settleInputs();

		Settlement held = new MonthRules().settle(new SettleInputs(NOV, in.records(),
				new HoldConditions(Map.of(OCT, List.of(probable))), List.of()), history);
		Settlement dismissed = new MonthRules().settle(new SettleInputs(NOV, in.records(), HoldConditions.NONE, List.of()),
				history);

		assertThat(held.lines()).isEmpty();
		assertThat(held.stops()).extracting(Stop::reason).containsExactly(StopReason.END_MONTH);
		assertThat(dismissed.lines()).extracting(ComputedLine::payMonth).containsExactly(OCT);
	}

	@Test
	void aKeyWithoutACurrentLineIsHeldByAnOpenNameMismatchOfThePerson() {
		// RULES.md "Arrears": for a key without a current-month line, an open NAME_MISMATCH of the person
		// holds it now, whatever the month's own conditions
		HoldConditions holds = new HoldConditions(new TreeMap<>(Map.of(DEC, List.of(NAME_MISMATCH))));

		Settlement dec = new MonthRules().settle(december(holds), decemberHistory());

		assertThat(dec.lines()).isEmpty();
	}
}
