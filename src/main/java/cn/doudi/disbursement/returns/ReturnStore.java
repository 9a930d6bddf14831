package cn.doudi.disbursement.returns;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A return as stored: an {@code import_batch} of source {@code bank-return} (its content hash recognises a
 * re-upload), its {@code bank_return_line} rows, and the {@code bank_status} of the payment lines.
 */
@Component
public class ReturnStore {

	public static final String SOURCE = "bank-return";

	private final JdbcTemplate jdbc;

	ReturnStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Long> committed(String contentHash) {
		return jdbc.queryForList("select id from import_batch where source = ? and content_hash = ? and status = 'COMMITTED'",
				Long.class, SOURCE, contentHash).stream().findFirst();
	}

	/** The bank_status already set on these payment lines (only those set). */
	public Map<Long, String> statuses(List<Long> paymentLineIds) {
		Map<Long, String> out = new HashMap<>();
		if (paymentLineIds.isEmpty()) {
			return out;
		}
		jdbc.query("select id, bank_status from payment_line where id = any(?) and bank_status is not null",
				rs -> {
					out.put(rs.getLong(1), rs.getString(2));
				}, (Object) paymentLineIds.toArray(Long[]::new));
		return out;
	}

	/** Records the upload and its lines and marks the payment lines; call inside one transaction. */
	public long store(String contentHash, String fileName, String county, String user, String batchNo, List<Mark> marks) {
		long importId = jdbc.queryForObject("""
				insert into import_batch (source, content_hash, file_names, status, rows_read, rows_accepted, counties,
				                          imported_by, started_at, finished_at)
				values (?, ?, ?, 'COMMITTED', ?, ?, ?, ?, now(), now()) returning id""", Long.class, SOURCE, contentHash,
				fileName, marks.size(), marks.size(), county, user);
		for (Mark m : marks) {
			jdbc.update("""
					insert into bank_return_line (import_id, batch_no, seq, account_number, amount, succeeded, failure_reason,
					                              payment_line_id)
					values (?, ?, ?, ?, ?, ?, ?, ?)""", importId, batchNo, m.seq(), m.account(), m.amount(), m.succeeded(),
					m.reason(), m.paymentLineId());
			jdbc.update("update payment_line set bank_status = ?, bank_failure_reason = ? where id = ?", m.bankStatus(),
					m.reason(), m.paymentLineId());
		}
		return importId;
	}
}
