package cn.doudi.disbursement.returns;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.doudi.ingest.Uploads;
import cn.doudi.payroll.BankStatuses;

/**
 * A return as stored: a committed upload of source {@code bank-return} (ingest's {@link Uploads}; its
 * content hash recognises a re-upload), its {@code bank_return_line} rows (owned here), and the bank status
 * of the payment lines (the payroll's, through {@link BankStatuses}).
 */
@Component
public class ReturnStore {

	public static final String SOURCE = "bank-return";

	private final JdbcTemplate jdbc;
	private final Uploads uploads;
	private final BankStatuses statuses;

	ReturnStore(JdbcTemplate jdbc, Uploads uploads, BankStatuses statuses) {
		this.jdbc = jdbc;
		this.uploads = uploads;
		this.statuses = statuses;
	}

	public Optional<Long> committed(String contentHash) {
		return uploads.committed(SOURCE, contentHash);
	}

	/** The bank_status already set on these payment lines (only those set). */
	public Map<Long, String> statuses(List<Long> paymentLineIds) {
		return statuses.of(paymentLineIds);
	}

	/** Records the upload and its lines and marks the payment lines; call inside one transaction. */
	public long store(String contentHash, String fileName, String county, String user, String batchNo, List<Mark> marks) {
		long importId = uploads.recordCommitted(SOURCE, contentHash, fileName, marks.size(), county, user);
		for (Mark m : marks) {
			jdbc.update("""
					insert into bank_return_line (import_id, batch_no, seq, account_number, amount, succeeded, failure_reason,
					                              payment_line_id)
					values (?, ?, ?, ?, ?, ?, ?, ?)""", importId, batchNo, m.seq(), m.account(), m.amount(), m.succeeded(),
					m.reason(), m.paymentLineId());
		}
		statuses.mark(marks.stream().map(m -> new BankStatuses.Mark(m.paymentLineId(), m.bankStatus(), m.reason())).toList());
		return importId;
	}
}
