package cn.doudi.payroll;

import java.nio.file.Path;
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

	// Every change of a run's status below is guarded: it names the status it expects and changes nothing
	// (returns false) when the run is no longer in it, so that a caller that lost a race finds out from
	// the row count instead of overwriting the winner's transition.

	/** RUNNING or FAILED → RUNNING: a restart of the same revision, with the pay date of this attempt. */
	boolean restart(long id, RunStatus from, LocalDate payDate) {
		return guarded("status = 'RUNNING', pay_date = ?", id, from, java.sql.Date.valueOf(payDate));
	}

	/** RUNNING → FAILED: its job failed (the next month-end restarts it) or its files did (computed again). */
	boolean failed(long id) {
		return guarded("status = 'FAILED'", id, RunStatus.RUNNING);
	}

	/** RUNNING → DRAFT, with the folder its files were written to: a run is a draft only once its files are. */
	boolean drafted(long id, String outDir) {
		return guarded("status = 'DRAFT', out_dir = ?", id, RunStatus.RUNNING, outDir);
	}

	/** DRAFT, RELEASED or FAILED (its files) → REPLACED: a re-run of the month replaces it. */
	boolean replaced(long id, RunStatus from) {
		return guarded("status = 'REPLACED'", id, from);
	}

	/** DRAFT → RELEASED (the maker). */
	boolean released(long id, String user) {
		return guarded("status = 'RELEASED', released_by = ?, released_at = ?", id, RunStatus.DRAFT, user,
				Timestamp.from(clock.instant()));
	}

	/** RELEASED → APPROVED (the checker). */
	boolean approved(long id, String user) {
		return guarded("status = 'APPROVED', approved_by = ?, approved_at = ?", id, RunStatus.RELEASED, user,
				Timestamp.from(clock.instant()));
	}

	/** {@code from} → REVOKED. */
	boolean revoked(long id, RunStatus from, String user, String reason) {
		return guarded("status = 'REVOKED', revoked_by = ?, revoked_at = ?, revoke_reason = ?", id, from, user,
				Timestamp.from(clock.instant()), reason);
	}

	private boolean guarded(String set, long id, RunStatus from, Object... values) {
		Object[] args = java.util.Arrays.copyOf(values, values.length + 2);
		args[values.length] = id;
		args[values.length + 1] = from.name();
		return jdbc.update("update payroll_run set " + set + " where id = ? and status = ?", args) == 1;
	}

	/** Inside the caller's transaction: the run's row, locked until it ends. */
	void lock(long id) {
		jdbc.queryForList("select id from payroll_run where id = ? for update", Long.class, id);
	}

	/** The folder month-end wrote the run's files into; empty until the run became a draft. */
	Optional<Path> outDir(long id) {
		return jdbc.queryForList("select out_dir from payroll_run where id = ? and out_dir is not null", String.class, id)
			.stream()
			.findFirst()
			.map(Path::of);
	}

	/**
	 * The county's runs whose files a killed approve or revoke may have left half-moved: RELEASED and
	 * APPROVED runs with a folder.
	 */
	List<PayrollRun> withFilesInMotion(String county) {
		return jdbc.query("select " + COLUMNS + " from payroll_run where county = ? and out_dir is not null"
				+ " and status in ('RELEASED', 'APPROVED') order by month, id", this::map, county);
	}

	/** The counties with runs {@link #withFilesInMotion} lists. */
	List<String> countiesWithFilesInMotion() {
		return jdbc.queryForList("select distinct county from payroll_run where out_dir is not null"
				+ " and status in ('RELEASED', 'APPROVED') order by county", String.class);
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
