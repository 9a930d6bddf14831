package cn.doudi.allowance;

import java.math.BigDecimal;

import cn.doudi.kernel.PaymentKey;
import cn.doudi.kernel.Program;

/**
 * The current-month line that run M−1 actually produced for a DIBAO household (PAY or HELD):
 * RULES.md DIBAO step 6 and 8. {@code regularAmount} is the amount of the household's last regular
 * month (frozen during gradual exit); {@code exitMonthNo} counts gradual-exit months from 1 (0 when
 * regular).
 */
public record PreviousDibaoLine(String householdId, Program program, DibaoPhase phase, BigDecimal amount,
		BigDecimal regularAmount, int exitMonthNo) {

	public PaymentKey key() {
		return PaymentKey.of(program, householdId, null);
	}
}
