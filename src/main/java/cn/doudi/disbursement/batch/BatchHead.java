package cn.doudi.disbursement.batch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What a bank file says about its batch besides the lines — in its header, trailer or group header — with
 * the number of lines and their total known before the first line is written, so that the file can be
 * written as the lines come ({@link BankBatch} holds the lines themselves, where they are needed together).
 */
public record BatchHead(long runId, String batchNo, boolean draft, String bank, String county, YearMonth month,
		LocalDate payDate, int count, BigDecimal total) {

	/** The batch number as it appears in the file: prefixed {@link BankBatch#DRAFT_PREFIX} in drafts. */
	public String batchLabel() {
		return draft ? BankBatch.DRAFT_PREFIX + batchNo : batchNo;
	}
}
