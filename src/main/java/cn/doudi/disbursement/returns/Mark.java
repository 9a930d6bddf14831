package cn.doudi.disbursement.returns;

import java.math.BigDecimal;

/** One matched line of a return: the payment line it is, and what the bank says (paid, or failed and why). */
public record Mark(int row, int seq, long paymentLineId, String account, BigDecimal amount, boolean succeeded,
		String reason) {

	public String bankStatus() {
		return succeeded ? "PAID" : "FAILED";
	}
}
