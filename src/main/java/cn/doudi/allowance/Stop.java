package cn.doudi.allowance;

import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

import cn.doudi.kernel.PaymentKey;
import cn.doudi.kernel.Program;
import cn.doudi.kernel.StopReason;

/**
 * A stop listed in {@code stops.csv} (RULES.md "Lines", stops): a payment key that had a current-month
 * line in run M−1 and has none in M, its reason, and the last month of the key with a paid PAY line
 * (null when none was ever paid). {@code idNumber} and {@code name} are those of the M−1 line's payee.
 */
public record Stop(String county, Program program, String householdId, String idNumber, String name,
		@Nullable YearMonth lastPaidMonth, StopReason reason) {

	public PaymentKey paymentKey() {
		return PaymentKey.of(program, householdId, idNumber);
	}
}
