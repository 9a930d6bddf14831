package cn.doudi.allowance;

import static cn.doudi.allowance.Fixtures.id;
import static cn.doudi.allowance.Fixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.doudi.kernel.PaymentKey;
import cn.doudi.kernel.Program;

/** RULES.md "Arrears (补发)": worked examples. */
class ArrearsRuleTests {

	static final String ELDER = id("19400302", 11);
	static final String TURNS_80 = id("19461115", 12);
	static final YearMonth OCT = YearMonth.of(2026, 10);
	static final YearMonth NOV = YearMonth.of(2026, 11);

	static Fixtures.Inputs month(String m) {
		return Fixtures.month(m).standard(Program.ELDERLY, "80-89", "100.00");
	}

	static PaymentKey key(String id) {
		return PaymentKey.of(Program.ELDERLY, "E", id);
	}

	@Test
	void aLateApprovalIsBackPaidForTheMonthsItWasNotPaid() {
		// the row starting 2026-10 only reached the roster in November: October's run did not pay it
		MonthOutcome oct = month("2026-10").add(row(Program.ELDERLY, "E", ELDER).start("2026-10")).compute();
		MonthOutcome nov = month("2026-11").add(row(Program.ELDERLY, "E", ELDER).start("2026-10")).compute();

		List<ComputedLine> arrears = ArrearsRule.arrears(nov, Map.of(OCT, oct), Set.of(), List.of());

		assertThat(arrears).singleElement().satisfies(l -> {
			assertThat(l.payMonth()).isEqualTo(OCT);
			assertThat(l.arrears()).isTrue();
			assertThat(l.status()).isEqualTo(LineStatus.PAY);
			assertThat(l.amount()).isEqualByComparingTo(new BigDecimal("100.00"));
		});
		assertThat(ArrearsRule.merged(nov.lines(), arrears)).extracting(l -> l.payMonth().toString())
			.containsExactly("2026-10", "2026-11");
	}

	@Test
	void aMonthAlreadyPaidIsNotPaidAgain() {
		MonthOutcome oct = month("2026-10").add(row(Program.ELDERLY, "E", ELDER)).compute();
		MonthOutcome nov = month("2026-11").add(row(Program.ELDERLY, "E", ELDER)).compute();

		assertThat(ArrearsRule.arrears(nov, Map.of(OCT, oct), Set.of(key(ELDER).in(OCT)), List.of())).isEmpty();
	}

	@Test
	void aLineThatFailedAtTheBankIsReissuedAsArrears() {
		// a failed bank line is not a paid line: the month has no paid PAY line
		MonthOutcome oct = month("2026-10").add(row(Program.ELDERLY, "E", ELDER)).compute();
		MonthOutcome nov = month("2026-11").add(row(Program.ELDERLY, "E", ELDER)).compute();

		assertThat(ArrearsRule.arrears(nov, Map.of(OCT, oct), Set.of(), List.of())).extracting(ComputedLine::payMonth)
			.containsExactly(OCT);
	}

	@Test
	void nothingIsBackPaidWhileTheKeyIsHeld() {
		MonthOutcome oct = month("2026-10").add(row(Program.ELDERLY, "E", ELDER)).compute();
		MonthOutcome nov = month("2026-11").add(row(Program.ELDERLY, "E", ELDER))
			.holdEveryLine("NAME_MISMATCH", ELDER)
			.compute();

		assertThat(ArrearsRule.arrears(nov, Map.of(OCT, oct), Set.of(), List.of())).isEmpty();
	}

	@Test
	void aPersonWho79InTheMonthIsNotBackPaidBecauseTheyAre80Now() {
		// born 1946-11-15: 79 in 2026-11 (held), 80 in 2026-12 (paid)
		MonthOutcome nov = month("2026-11").add(row(Program.ELDERLY, "E", TURNS_80)).compute();
		MonthOutcome dec = month("2026-12").add(row(Program.ELDERLY, "E", TURNS_80)).compute();

		assertThat(nov.lines()).singleElement().extracting(ComputedLine::status).isEqualTo(LineStatus.HELD);
		assertThat(dec.lines()).singleElement().extracting(ComputedLine::status).isEqualTo(LineStatus.PAY);
		assertThat(ArrearsRule.arrears(dec, Map.of(NOV, nov), Set.of(), List.of())).isEmpty();
	}

	@Test
	void aReleasedHoldIsBackPaid() {
		// October was held by a finding that a monitor has since dismissed: today October computes PAY
		MonthOutcome octToday = month("2026-10").add(row(Program.ELDERLY, "E", ELDER)).compute();
		MonthOutcome nov = month("2026-11").add(row(Program.ELDERLY, "E", ELDER)).compute();

		assertThat(ArrearsRule.arrears(nov, Map.of(OCT, octToday), Set.of(), List.of())).singleElement()
			.satisfies(l -> assertThat(l.arrears()).isTrue());
	}
}
