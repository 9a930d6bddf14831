package cn.doudi.payroll;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The payroll_run table. */
@Repository
class RunStore {

	private static final String COLUMNS = "id, county, month, revision, batch_no, status, pay_date, released_by, approved_by";

	private final JdbcTemplate jdbc;
	private final Clock clock;

	RunStore(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The run of the month that is not REPLACED/REVOKED (at most one, by a unique index), or a FAILED one. */
	Optional<PayrollRun> current(String county, YearMonth month) {
		return jdbc.query("select " + COLUMNS + " from payroll_run where county = ? and month = ?"
				+ " and status not in ('REPLACED', 'REVOKED') order by revision desc limit 1", this::map, county,
				month.toString()).stream().findFirst();
	}

	Optional<PayrollRun> byId(long id) {
		return jdbc.query("select " + COLUMNS + " from payroll_run where id = ?", this::map, id).stream().findFirst();
	}

	/**
	 * The county's first run month: its earliest run that was not revoked (RULES.md "Runs in order") — nor
	 * replaced by a re-run: a discarded draft fixes nothing. The one definition (month order, the arrears
	 * window, the temp-assist upload's 补发期限).
	 */
	Optional<YearMonth> firstRunMonth(String county) {
		String m = jdbc.queryForObject("select min(month) from payroll_run where county = ? and status not in ('REVOKED', 'REPLACED')",
				String.class, county);
		return Optional.ofNullable(m).map(YearMonth::parse);
	}

	Optional<PayrollRun> latestApproved(String county) {
		return jdbc.query("select " + COLUMNS + " from payroll_run where county = ? and status = 'APPROVED'"
				+ " order by month desc limit 1", this::map, county).stream().findFirst();
	}

	/** The county's live runs after {@code month} that are not approved (drafts, released, running, failed). */
	List<PayrollRun> laterUnapproved(String county, YearMonth month) {
		return jdbc.queryForList("select id from payroll_run where county = ? and month > ?"
				+ " and status in ('RUNNING', 'FAILED', 'DRAFT', 'RELEASED') order by month, id", Long.class, county,
				month.toString()).stream().map(id -> byId(id).orElseThrow()).toList();
	}

	int nextRevision(String county, YearMonth month) {
		Integer max = jdbc.queryForObject("select coalesce(max(revision), 0) from payroll_run where county = ? and month = ?",
				Integer.class, county, month.toString());
		return max + 1;
	}

	long insert(String county, YearMonth month, int revision, LocalDate payDate, String user) {
		return jdbc.queryForObject("""
				insert into payroll_run (county, month, revision, batch_no, status, pay_date, created_by, created_at)
				values (?, ?, ?, ?, 'RUNNING', ?, ?, ?) returning id
				""", Long.class, county, month.toString(), revision, PayrollRun.batchNo(county, month, revision),
				java.sql.Date.valueOf(payDate), user, Timestamp.from(clock.instant()));
	}

	void setStatus(long id, RunStatus status) {
		jdbc.update("update payroll_run set status = ? where id = ?", status.name(), id);
	}

	void setPayDate(long id, LocalDate payDate) {
		jdbc.update("update payroll_run set pay_date = ? where id = ?", java.sql.Date.valueOf(payDate), id);
	}

	void released(long id, String user) {
		jdbc.update("update payroll_run set status = 'RELEASED', released_by = ?, released_at = ? where id = ?", user,
				Timestamp.from(clock.instant()), id);
	}

	void approved(long id, String user) {
		jdbc.update("update payroll_run set status = 'APPROVED', approved_by = ?, approved_at = ? where id = ?", user,
				Timestamp.from(clock.instant()), id);
	}

	void revoked(long id, String user, String reason) {
		jdbc.update("update payroll_run set status = 'REVOKED', revoked_by = ?, revoked_at = ?, revoke_reason = ? where id = ?",
				user, Timestamp.from(clock.instant()), reason, id);
	}

	/** Live runs (DRAFT, RELEASED, APPROVED) of a month, by county. */
	List<PayrollRun> liveRuns(YearMonth month) {
		return jdbc.query("select " + COLUMNS + " from payroll_run where month = ?"
				+ " and status in ('DRAFT', 'RELEASED', 'APPROVED') order by county", this::map, month.toString());
	}

	private PayrollRun map(ResultSet rs, int i) throws SQLException {
		return new PayrollRun(rs.getLong("id"), rs.getString("county"), YearMonth.parse(rs.getString("month")),
				rs.getInt("revision"), rs.getString("batch_no"), RunStatus.valueOf(rs.getString("status")),
				rs.getDate("pay_date").toLocalDate(), rs.getString("released_by"), rs.getString("approved_by"));
	}
}
