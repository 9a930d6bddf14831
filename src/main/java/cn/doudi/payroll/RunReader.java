package cn.doudi.payroll;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.doudi.kernel.Program;
import cn.doudi.payroll.files.PaymentsCsv;
import cn.doudi.kernel.StopReason;

/** Read access to runs, their lines and stops, for the modules that write files from them. */
@Service
public class RunReader {

	private final JdbcTemplate jdbc;
	private final RunStore runs;

	RunReader(JdbcTemplate jdbc, RunStore runs) {
		this.jdbc = jdbc;
		this.runs = runs;
	}

	public Optional<PayrollRun> run(long runId) {
		return runs.byId(runId);
	}

	/**
	 * Inside the caller's transaction: whether the run is APPROVED, its row share-locked until the transaction
	 * ends, so that a revoke cannot slip between this check and what the caller writes (bank returns).
	 */
	public boolean lockApproved(long runId) {
		return jdbc.queryForList("select status from payroll_run where id = ? for share", String.class, runId)
			.contains(RunStatus.APPROVED.name());
	}

	/** The county's first run month (RULES.md "Runs in order"), if it has run at all. */
	public Optional<YearMonth> firstRunMonth(String county) {
		return runs.firstRunMonth(county);
	}

	/** The folder month-end wrote the run's files into (approve writes the final bank files there). */
	public Optional<String> outputFolder(long runId) {
		return Optional.ofNullable(jdbc.queryForObject("select out_dir from payroll_run where id = ?", String.class, runId));
	}

	/** The run's lines in {@code payments.csv} order. */
	public List<PaymentLineView> lines(long runId) {
		return jdbc.query("""
				select id, run_id, seq, county, region_code, program, category, household_id, id_number, name, pay_month,
				       amount, status, reason, bank, account_number, account_name, arrears, members
				from payment_line where run_id = ?
				order by county collate "C", program collate "C", household_id collate "C", id_number collate "C",
				         pay_month collate "C"
				""", this::line, runId);
	}

	/** The run's lines as {@code payments.csv} (full numbers), by the one writer of that file. */
	public void writePaymentsCsv(long runId, java.io.OutputStream out) {
		try (PaymentsCsv csv = PaymentsCsv.onto(out)) {
			lines(runId).forEach(csv::line);
		}
	}

	/** The run's stops in {@code stops.csv} order. */
	public List<StopView> stops(long runId) {
		return jdbc.query("""
				select run_id, county, program, household_id, id_number, name, last_paid_month, reason
				from stop_record where run_id = ?
				order by county collate "C", program collate "C", household_id collate "C", id_number collate "C"
				""", (rs, i) -> new StopView(rs.getLong(1), rs.getString(2), Program.valueOf(rs.getString(3)),
				rs.getString(4), rs.getString(5), rs.getString(6),
				rs.getString(7) == null ? null : YearMonth.parse(rs.getString(7)), StopReason.valueOf(rs.getString(8))), runId);
	}

	private PaymentLineView line(ResultSet rs, int i) throws SQLException {
		return new PaymentLineView(rs.getLong("id"), rs.getLong("run_id"), rs.getInt("seq"), rs.getString("county"),
				rs.getString("region_code"), Program.valueOf(rs.getString("program")), rs.getString("category"),
				rs.getString("household_id"), rs.getString("id_number"), rs.getString("name"),
				YearMonth.parse(rs.getString("pay_month")), rs.getBigDecimal("amount"), rs.getString("status"),
				rs.getString("reason"), rs.getString("bank"), rs.getString("account_number"),
				rs.getString("account_name"), rs.getBoolean("arrears"),
				(Integer) rs.getObject("members"));
	}
}
