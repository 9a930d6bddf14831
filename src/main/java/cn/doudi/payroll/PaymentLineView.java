package cn.doudi.payroll;

import java.math.BigDecimal;
import java.time.YearMonth;

import cn.doudi.kernel.Program;

/**
 * A stored payment line as other modules read it (bank files, notices, reports). {@code seq} is its
 * position in {@code payments.csv} order within the run (from 1); {@code status} is PAY or HELD;
 * {@code reason} the holding finding codes joined by {@code ;}; {@code members} the covered members of
 * a DIBAO line (null otherwise).
 */
public record PaymentLineView(long id, long runId, int seq, String county, String regionCode, Program program,
		String category, String householdId, String idNumber, String name, YearMonth payMonth, BigDecimal amount,
		String status, String reason, String bank, String accountNumber, String accountName, boolean arrears,
		Integer members) {

	public boolean isPay() {
		return "PAY".equals(status);
	}
}
