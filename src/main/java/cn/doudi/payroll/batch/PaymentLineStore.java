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

	/** Lines handed to the server between two progress reports. */
	static final int CHUNK = 1000;

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

	/** As above, telling {@code written} the count of lines handed to the server every {@value #CHUNK}. */
	void replace(long runId, List<ComputedLine> lines, List<EnrollmentEnded> ends, List<Stop> stops,
			LongConsumer written) {
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
			for (ComputedLine l : lines) {
				out.row(runId, l.county(), l.regionCode(), l.program().name(), l.category(), l.householdId(),
						l.idNumber(), l.name(), l.payMonth().toString(), l.amount(), l.status().name(), l.reasonText(),
						l.bank(), l.accountNumber(), l.accountName(), l.arrears(), l.paymentKey().text(), l.members(),
						l.memberIds().isEmpty() ? null : String.join(";", l.memberIds()),
						l.phase() == null ? null : l.phase().name(), l.regularAmount(), l.exitMonthNo(), ++seq);
				if (seq % CHUNK == 0 || seq == lines.size()) {
					out.flush();
					written.accept(seq);
				}
			}
			out.finish();
		}
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
