package cn.doudi.allowance;

import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

import cn.doudi.kernel.PaymentKey;
import cn.doudi.kernel.Program;
import cn.doudi.kernel.StopReason;

/**
 * An enrollment that ends by rule in month {@code endedMonth} (the first month with nothing paid):
 * {@link StopReason#GRADUAL_EXIT_END} (DIBAO household, {@code idNumber} "") or {@link StopReason#AGED_OUT}
 * (ORPHAN, DE_FACTO_CHILD). From then on it is not active for any payment or check (RULES.md
 * "Enrollment").
 */
public record EnrollmentEnded(String county, Program program, String householdId, @Nullable String idNumber,
		YearMonth endedMonth, StopReason reason) {

	/** The enrollment: the key of its lines. */
	public PaymentKey key() {
		return PaymentKey.of(program, householdId, idNumber);
	}
}
