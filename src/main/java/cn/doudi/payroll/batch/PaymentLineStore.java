package cn.doudi.payroll.batch;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.LongConsumer;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.doudi.allowance.ComputedLine;
import cn.doudi.allowance.EnrollmentEnded;
import cn.doudi.allowance.Stop;
import cn.doudi.database.CopyRows;

/**
 * Writes a run's lines, stops and (through {@link EnrollmentEndStore}) enrollment ends. Idempotent: the run's
 * earlier rows are deleted first, so a restarted step never writes a line twice. The lines and stops go in
 * with PostgreSQL COPY on the step's own connection, so they are in its transaction: a killed run leaves
 * none of them, and its restart writes them once.
 */
@Component
class PaymentLineStore {

	/**
	 * Lines handed to the server between two progress reports: {@value #CHUNK}, or as many thousands as keep a
	 * county to about {@value #REPORTS} reports (each commits the step's context in a transaction of its own).
	 */
	static final int CHUNK = 1000;

	static final int REPORTS = 10;

	private static final List<String> LINE_COLUMNS = List.of("run_id", "county", "region_code", "program", "category",
			"household_id", "id_number", "name", "pay_month", "amount", "status", "reason", "bank", "account_number",
			"account_name", "arrears", "payment_key", "members", "member_ids", "dibao_phase", "regular_amount",
			"exit_month_no", "seq");

	private static final List<String> STOP_COLUMNS = List.of("run_id", "county", "program", "household_id",
			"id_number", "name", "last_paid_month", "reason", "payment_key");

	private final JdbcTemplate jdbc;
	private final EnrollmentEndStore ends;

	PaymentLineStore(JdbcTemplate jdbc, EnrollmentEndStore ends) {
		this.jdbc = jdbc;
		this.ends = ends;
	}

	void replace(long runId, List<ComputedLine> lines, List<EnrollmentEnded> ends, List<Stop> stops) {
		replace(runId, lines, ends, stops, written -> {
		});
	}

	/** As above, telling {@code written} the count of lines handed to the server every {@link #every} lines. */
	void replace(long runId, List<ComputedLine> lines, List<EnrollmentEnded> ends, List<Stop> stops,
			LongConsumer written) {
		// the run's row, key-share locked until the transaction ends: what payment_line's foreign key checked for
		// each line (V575), once for the COPY
		if (jdbc.queryForList("select id from payroll_run where id = ? for key share", Long.class, runId).isEmpty()) {
			throw new IllegalStateException("发放批次 " + runId + " 不存在：不能写入它的发放明细");
		}
		jdbc.update("delete from stop_record where run_id = ?", runId);
		jdbc.update("delete from payment_line where run_id = ?", runId);
		this.ends.replace(runId, ends);
		jdbc.execute((ConnectionCallback<Void>) con -> {
			CopyManager copy = con.unwrap(PGConnection.class).getCopyAPI();
			copyLines(copy, runId, lines, written);
			copyStops(copy, runId, stops);
			return null;
		});
	}

	private static void copyLines(CopyManager copy, long runId, List<ComputedLine> lines, LongConsumer written)
			throws SQLException {
		try (CopyRows out = new CopyRows(copy, "payment_line", LINE_COLUMNS)) {
			int seq = 0;
			int every = every(lines.size());
			String run = Long.toString(runId);
			String[] row = new String[LINE_COLUMNS.size()];
			for (ComputedLine l : lines) {
				// the values as COPY text, as CopyRows.row writes them (numbers plain, booleans t/f), without boxing
				row[0] = run;
				row[1] = l.county();
				row[2] = l.regionCode();
				row[3] = l.program().name();
				row[4] = l.category();
				row[5] = l.householdId();
				row[6] = l.idNumber();
				row[7] = l.name();
				row[8] = l.payMonth().toString();
				row[9] = l.amount().toPlainString();
				row[10] = l.status().name();
				row[11] = l.reasonText();
				row[12] = l.bank();
				row[13] = l.accountNumber();
				row[14] = l.accountName();
				row[15] = l.arrears() ? "t" : "f";
				row[16] = l.paymentKey().text();
				ComputedLine.HouseholdPart household = l.household();
				row[17] = household == null ? null : Integer.toString(household.memberIds().size());
				row[18] = household == null || household.memberIds().isEmpty() ? null
						: String.join(";", household.memberIds());
				row[19] = household == null || household.phase() == null ? null : household.phase().name();
				row[20] = household == null || household.regularAmount() == null ? null
						: household.regularAmount().toPlainString();
				row[21] = household == null ? null : Integer.toString(household.exitMonthNo());
				row[22] = Integer.toString(++seq);
				out.write(row);
				if (seq % every == 0 || seq == lines.size()) {
					out.flush();
					written.accept(seq);
				}
			}
			out.finish();
		}
	}

	/** The lines between two progress reports for a county of {@code lines}: 1,000 up to 10,000 lines, 2,000 up to 20,000, … */
	static int every(int lines) {
		int thousands = (lines + REPORTS * CHUNK - 1) / (REPORTS * CHUNK);
		return CHUNK * Math.max(1, thousands);
	}

	private static void copyStops(CopyManager copy, long runId, List<Stop> stops) throws SQLException {
		try (CopyRows out = new CopyRows(copy, "stop_record", STOP_COLUMNS)) {
			for (Stop s : stops) {
				out.row(runId, s.county(), s.program().name(), s.householdId(), s.idNumber(), s.name(),
						s.lastPaidMonth() == null ? null : s.lastPaidMonth().toString(), s.reason().name(),
						s.paymentKey().text());
			}
			out.finish();
		}
	}
}
