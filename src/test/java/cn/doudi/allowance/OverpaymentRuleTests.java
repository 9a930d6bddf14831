package cn.doudi.allowance;

import static cn.doudi.allowance.Fixtures.head;
import static cn.doudi.allowance.Fixtures.id;
import static cn.doudi.allowance.Fixtures.member;
import static cn.doudi.allowance.Fixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.doudi.kernel.Program;

/** RULES.md "Overpayment (多发追回)": worked examples. */
class OverpaymentRuleTests {

	static final String ELDER = id("19400302", 11);
	static final String HEAD = id("19700101", 13);
	static final String WIFE = id("19720101", 14);
	static final String CHILD = id("20100101", 15);
	static final YearMonth NOV = YearMonth.of(2026, 11);

	static RunHistory.PaidLine paid(Program program, String household, String id, String amount, String key,
			String... members) {
		RunHistory.PaidLine line = new RunHistory.PaidLine(1L, "410102", program, household, id, "某人", NOV,
				new BigDecimal(amount), List.of(members));
		assertThat(line.paymentKey().text()).isEqualTo(key);
		return line;
	}

	@Test
	void aMonthPaidAfterTheDeathMonthIsOverpaidInFull() {
		// died in October (paid in full), November paid 100.00: today November gives no line, due 0.00
		MonthOutcome nowNov = Fixtures.month("2026-11").standard(Program.ELDERLY, "80-89", "100.00")
			.add(row(Program.ELDERLY, "E", ELDER))
			.died(ELDER, "2026-10")
			.compute();

		List<OverpaymentRule.Overpayment> result = OverpaymentRule.find(
				List.of(paid(Program.ELDERLY, "E", ELDER, "100.00", "ELDERLY|E|" + ELDER)),
				Map.of(ELDER, YearMonth.of(2026, 10)), Map.of(NOV, nowNov));

		assertThat(result).singleElement().satisfies(o -> {
			assertThat(o.due()).isEqualByComparingTo("0.00");
			assertThat(o.overpaid()).isEqualByComparingTo("100.00");
			assertThat(o.deceasedId()).isEqualTo(ELDER);
		});
	}

	@Test
	void theMonthOfDeathItselfIsPaidInFull() {
		List<OverpaymentRule.Overpayment> result = OverpaymentRule.find(
				List.of(paid(Program.ELDERLY, "E", ELDER, "100.00", "ELDERLY|E|" + ELDER)),
				Map.of(ELDER, NOV), Map.of(NOV, new MonthOutcome(List.of(), List.of(), List.of())));

		assertThat(result).isEmpty();
	}

	@Test
	void aMembersLateDeathMakesTheHouseholdLineSmallerAndTheDifferenceOverpaid() {
		// worked example standards (S 690, 未成年 0): household of 3, income 900 → 1170.00 paid in November;
		// the child died in October: today n = 2, pci 450.00, g 240.00 → 480.00 due, 690.00 overpaid
		MonthOutcome nowNov = Fixtures.month("2026-11").workedExampleStandards()
			.add(head(Program.DIBAO_URBAN, "H", HEAD, "900.00"), member(Program.DIBAO_URBAN, "H", WIFE, "900.00"),
					member(Program.DIBAO_URBAN, "H", CHILD, "900.00"))
			.died(CHILD, "2026-10")
			.compute();

		List<OverpaymentRule.Overpayment> result = OverpaymentRule.find(
				List.of(paid(Program.DIBAO_URBAN, "H", HEAD, "1170.00", "DIBAO_URBAN|H", HEAD, WIFE, CHILD)),
				Map.of(CHILD, YearMonth.of(2026, 10)), Map.of(NOV, nowNov));

		assertThat(result).singleElement().satisfies(o -> {
			assertThat(o.due()).isEqualByComparingTo("480.00");
			assertThat(o.overpaid()).isEqualByComparingTo("690.00");
			assertThat(o.deceasedId()).isEqualTo(CHILD);
			assertThat(o.line().idNumber()).isEqualTo(HEAD);
		});
	}

	@Test
	void aLineThatWouldNowBeHeldStillCountsAsDue() {
		// the 户主 died in October, the wife lives: today November is HELD (PAYEE_DECEASED) with n = 1;
		// its amount counts as due, so only the shrink of n is overpaid
		MonthOutcome nowNov = Fixtures.month("2026-11").workedExampleStandards()
			.add(head(Program.DIBAO_URBAN, "H", HEAD, "300.00"), member(Program.DIBAO_URBAN, "H", WIFE, "300.00"))
			.died(HEAD, "2026-10")
			.compute();
		ComputedLine held = nowNov.lines().get(0);
		assertThat(held.status()).isEqualTo(LineStatus.HELD);

		List<OverpaymentRule.Overpayment> result = OverpaymentRule.find(
				List.of(paid(Program.DIBAO_URBAN, "H", HEAD, "1080.00", "DIBAO_URBAN|H", HEAD, WIFE)),
				Map.of(HEAD, YearMonth.of(2026, 10)), Map.of(NOV, nowNov));

		assertThat(result).singleElement().satisfies(o -> {
			assertThat(o.due()).isEqualByComparingTo(held.amount());
			assertThat(o.overpaid()).isEqualByComparingTo(new BigDecimal("1080.00").subtract(held.amount()));
		});
	}
}
