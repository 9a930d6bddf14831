package cn.doudi.disbursement.files;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code bank_file} rows: every bank file written, draft or final, with its hash, line count and total. */
@Component
public class BankFileRecords {

	/** One written file; {@code fileName} is relative to the run's folder ({@code bank/…}). */
	public record BankFileRow(long runId, String bank, String fileName, boolean fin, String sha256, int lineCount,
			BigDecimal total) {
	}

	private final JdbcTemplate jdbc;

	BankFileRecords(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces the run's draft (or final) rows with {@code rows}. */
	public void replace(long runId, boolean fin, List<BankFileRow> rows) {
		jdbc.update("delete from bank_file where run_id = ? and final = ?", runId, fin);
		for (BankFileRow r : rows) {
			jdbc.update("""
					insert into bank_file (run_id, bank, file_name, final, sha256, line_count, total)
					values (?, ?, ?, ?, ?, ?, ?)""", r.runId(), r.bank(), r.fileName(), r.fin(), r.sha256(), r.lineCount(),
					r.total());
		}
	}

	/** The latest row recorded for that file name and content. */
	public Optional<BankFileRow> find(String fileName, String sha256) {
		return jdbc.query("""
				select run_id, bank, file_name, final, sha256, line_count, total from bank_file
				where file_name = ? and sha256 = ? order by id desc limit 1""", (rs, i) -> new BankFileRow(rs.getLong(1),
				rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5), rs.getInt(6), rs.getBigDecimal(7)),
				fileName, sha256).stream().findFirst();
	}

	/** Whether the run has a final file for the bank. */
	public boolean hasFinal(long runId, String bank) {
		return Boolean.TRUE.equals(jdbc.queryForObject(
				"select exists (select 1 from bank_file where run_id = ? and bank = ? and final)", Boolean.class, runId, bank));
	}

	/** The run's draft files, by file name. */
	public List<BankFileRow> drafts(long runId) {
		return jdbc.query("""
				select run_id, bank, file_name, final, sha256, line_count, total from bank_file
				where run_id = ? and not final order by file_name""", (rs, i) -> new BankFileRow(rs.getLong(1),
				rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5), rs.getInt(6), rs.getBigDecimal(7)),
				runId);
	}

	/** The run's final files, by file name. */
	public List<BankFileRow> finals(long runId) {
		return jdbc.query("""
				select run_id, bank, file_name, final, sha256, line_count, total from bank_file
				where run_id = ? and final order by file_name""", (rs, i) -> new BankFileRow(rs.getLong(1),
				rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5), rs.getInt(6), rs.getBigDecimal(7)),
				runId);
	}
}
