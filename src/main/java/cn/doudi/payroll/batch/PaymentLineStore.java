package cn.doudi.payroll.batch;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.doudi.allowance.ComputedLine;
import cn.doudi.allowance.EnrollmentEnded;
import cn.doudi.allowance.Stop;

/**
 * Writes a run's lines, stops and (through {@link EnrollmentEndStore}) enrollment ends. Idempotent: the run's earlier rows are deleted first, so a
 * restarted step never writes a line twice.
 */
@Component
class PaymentLineStore {

	static final int CHUNK = 1000;

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

	/** As above, writing the lines {@value #CHUNK} at a time and telling {@code written} the count after each. */
	void replace(long runId, List<ComputedLine> lines, List<EnrollmentEnded> ends, List<Stop> stops,
			java.util.function.LongConsumer written) {
		jdbc.update("delete from stop_record where run_id = ?", runId);
		jdbc.update("delete from payment_line where run_id = ?", runId);
		this.ends.replace(runId, ends);
		List<Object[]> rows = new ArrayList<>(lines.size());
		int seq = 0;
		for (ComputedLine l : lines) {
			rows.add(new Object[] { runId, l.county(), l.regionCode(), l.program().name(), l.category(), l.householdId(),
					l.idNumber(), l.name(), l.payMonth().toString(), l.amount(), l.status().name(),
					l.reasonText(), l.bank(), l.accountNumber(), l.accountName(), l.arrears(),
					l.paymentKey().text(), l.members(), l.memberIds().isEmpty() ? null : String.join(";", l.memberIds()),
					l.phase() == null ? null : l.phase().name(), l.regularAmount(),
					l.exitMonthNo(), ++seq });
		}
		for (int from = 0; from < rows.size(); from += CHUNK) {
			int to = Math.min(rows.size(), from + CHUNK);
			jdbc.batchUpdate("""
					insert into payment_line (run_id, county, region_code, program, category, household_id, id_number, name,
					  pay_month, amount, status, reason, bank, account_number, account_name, arrears, payment_key, members,
					  member_ids, dibao_phase, regular_amount, exit_month_no, seq)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""", rows.subList(from, to));
			written.accept(to);
		}
		List<Object[]> stopRows = new ArrayList<>();
		for (Stop s : stops) {
			stopRows.add(new Object[] { runId, s.county(), s.program().name(), s.householdId(), s.idNumber(), s.name(),
					s.lastPaidMonth() == null ? null : s.lastPaidMonth().toString(), s.reason().name(),
					s.paymentKey().text() });
		}
		jdbc.batchUpdate("""
				insert into stop_record (run_id, county, program, household_id, id_number, name, last_paid_month, reason,
				  payment_key)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", stopRows);
	}
}
