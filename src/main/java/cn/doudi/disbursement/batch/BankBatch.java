package cn.doudi.disbursement.batch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import cn.doudi.kernel.Money;

/**
 * The PAY lines of one run for one bank (or, for pain.001, for every bank), as written to a file.
 * {@code batchLabel} is the batch number as it appears in the file: prefixed {@code 草稿} in drafts.
 */
public record BankBatch(long runId, String batchNo, boolean draft, String bank, String county, YearMonth month,
		LocalDate payDate, List<BankLine> lines) {

	public static final String DRAFT_PREFIX = "草稿";

	public String batchLabel() {
		return draft ? DRAFT_PREFIX + batchNo : batchNo;
	}

	public int count() {
		return lines.size();
	}

	/** The batch without its lines, as a streamed file is written from. */
	public BatchHead head() {
		return new BatchHead(runId, batchNo, draft, bank, county, month, payDate, count(), total());
	}

	public BigDecimal total() {
		BigDecimal sum = Money.ZERO;
		for (BankLine l : lines) {
			sum = sum.add(l.amount());
		}
		return sum;
	}
}
