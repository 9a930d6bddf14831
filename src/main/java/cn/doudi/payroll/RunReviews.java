package cn.doudi.payroll;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.doudi.kernel.Money;
import cn.doudi.kernel.Program;

/**
 * What an approver reviews of a run, and what the month's overview shows of it: the totals by program and by
 * bank, when it was released and approved, the change from the county's previous month (households, people,
 * amount; the new and the stopped households), its held lines, and the bank's answers (lines pending and
 * failed). Every read needs READ on the run's county ({@link PayrollRuns#run}), so it is scoped as the runs are.
 */
@Service
public class RunReviews {

	/** Lines and amounts paid and held of one program. */
	public record ProgramTotal(Program program, long linesPaid, BigDecimal amountPaid, long linesHeld, BigDecimal amountHeld) {
	}

	/** The PAY lines and their amount of one bank (its code as on the lines). */
	public record BankTotal(String bank, long lines, BigDecimal amount) {
	}

	/** Who released and approved the run, and when. */
	public record Steps(String createdBy, Instant createdAt, String releasedBy, Instant releasedAt, String approvedBy,
			Instant approvedAt) {
	}

	/** Households, people and amount paid (PAY lines) of a run. */
	public record Figures(long households, long people, BigDecimal amount) {
	}

	/** A household that is new in this run or stopped since the previous one (its head's name, masked-able ID). */
	public record Household(String householdId, String name, String idNumber, Program program) {
	}

	/** This run against the county's live run of the previous month (null when it has none). */
	public record Change(String previousBatch, Figures previous, Figures current, List<Household> added,
			List<Household> stopped) {
	}

	/** A failed bank line: whose, how much, the bank's reason. */
	public record FailedLine(long runId, String batchNo, String householdId, String name, String idNumber, Program program,
			BigDecimal amount, String bank, String reason) {
	}

	private final PayrollRuns runs;
	private final RunReader reader;
	private final JdbcTemplate jdbc;

	RunReviews(PayrollRuns runs, RunReader reader, JdbcTemplate jdbc) {
		this.runs = runs;
		this.reader = reader;
		this.jdbc = jdbc;
	}

	/** The run's lines and amounts paid and held by program (program order). */
	public List<ProgramTotal> byProgram(String user, long runId) {
		runs.run(user, runId);
		List<ProgramTotal> totals = jdbc.query("""
				select program, count(*) filter (where status = 'PAY'), coalesce(sum(amount) filter (where status = 'PAY'), 0),
				       count(*) filter (where status = 'HELD'), coalesce(sum(amount) filter (where status = 'HELD'), 0)
				from payment_line where run_id = ? group by program
				""", (rs, i) -> new ProgramTotal(Program.valueOf(rs.getString(1)), rs.getLong(2), Money.fen(rs.getBigDecimal(3)),
				rs.getLong(4), Money.fen(rs.getBigDecimal(5))), runId);
		return totals.stream().sorted(java.util.Comparator.comparing(ProgramTotal::program)).toList();
	}

	/** The run's PAY lines and amounts by bank. */
	public List<BankTotal> byBank(String user, long runId) {
		runs.run(user, runId);
		return jdbc.query("""
				select bank, count(*), coalesce(sum(amount), 0) from payment_line
				where run_id = ? and status = 'PAY' group by bank order by bank collate "C"
				""", (rs, i) -> new BankTotal(rs.getString(1), rs.getLong(2), Money.fen(rs.getBigDecimal(3))), runId);
	}

	/** Who computed, released and approved the run, and when. */
	public Steps steps(String user, long runId) {
		runs.run(user, runId);
		return jdbc.queryForObject("""
				select created_by, created_at, released_by, released_at, approved_by, approved_at from payroll_run where id = ?
				""", (rs, i) -> new Steps(rs.getString(1), instant(rs.getTimestamp(2)), rs.getString(3),
				instant(rs.getTimestamp(4)), rs.getString(5), instant(rs.getTimestamp(6))), runId);
	}

	/** The change from the county's live run of the previous month (DRAFT, RELEASED or APPROVED). */
	public Change change(String user, long runId) {
		PayrollRun run = runs.run(user, runId).run();
		Optional<PayrollRun> previous = runs.current(run.county(), run.month().minusMonths(1))
			.filter(p -> p.status() == RunStatus.DRAFT || p.status() == RunStatus.RELEASED || p.status() == RunStatus.APPROVED);
		Figures current = figures(runId);
		if (previous.isEmpty()) {
			return new Change(null, null, current, List.of(), List.of());
		}
		long prev = previous.get().id();
		return new Change(previous.get().batchNo(), figures(prev), current, households(runId, prev), households(prev, runId));
	}

	/** The run's HELD lines, {@code payments.csv} order, one page. */
	public List<PaymentLineView> held(String user, long runId, int offset, int limit) {
		runs.run(user, runId);
		return reader.heldLines(runId, offset, limit);
	}

	/** How many HELD lines the run has. */
	public long heldCount(String user, long runId) {
		runs.run(user, runId);
		return jdbc.queryForObject("select count(*) from payment_line where run_id = ? and status = 'HELD'", Long.class, runId);
	}

	/** PAY lines of the (approved) run the banks have not answered for yet. */
	public long bankPending(String user, long runId) {
		PayrollRun run = runs.run(user, runId).run();
		if (run.status() != RunStatus.APPROVED) {
			return 0;
		}
		return jdbc.queryForObject("select count(*) from payment_line where run_id = ? and status = 'PAY' and bank_status is null",
				Long.class, runId);
	}

	/** The run's lines a bank return marked failed, with the bank's reason. */
	public List<FailedLine> bankFailed(String user, long runId) {
		PayrollRun run = runs.run(user, runId).run();
		return jdbc.query("""
				select household_id, name, id_number, program, amount, bank, coalesce(bank_failure_reason, '')
				from payment_line where run_id = ? and bank_status = 'FAILED'
				order by household_id collate "C", id_number collate "C"
				""", (rs, i) -> new FailedLine(runId, run.batchNo(), rs.getString(1), rs.getString(2), rs.getString(3),
				Program.valueOf(rs.getString(4)), Money.fen(rs.getBigDecimal(5)), rs.getString(6), rs.getString(7)), runId);
	}

	/** The live run of the county and month with its totals, if the user may read the county. */
	public Optional<RunTotals> ofMonth(String user, String county, YearMonth month) {
		return runs.runs(user, county).stream().filter(t -> t.run().month().equals(month)).findFirst();
	}

	private Figures figures(long runId) {
		return jdbc.queryForObject("""
				select count(distinct household_id),
				       (select count(distinct m) from payment_line p,
				               unnest(string_to_array(coalesce(p.member_ids, p.id_number), ';')) m
				        where p.run_id = ? and p.status = 'PAY'),
				       coalesce(sum(amount), 0)
				from payment_line where run_id = ? and status = 'PAY'
				""", (rs, i) -> new Figures(rs.getLong(1), rs.getLong(2), Money.fen(rs.getBigDecimal(3))), runId, runId);
	}

	/** Households with a line in {@code runId} and none in {@code other} . */
	private List<Household> households(long runId, long other) {
		return jdbc.query("""
				select distinct on (household_id) household_id, name, id_number, program
				from payment_line l where run_id = ?
				  and not exists (select 1 from payment_line o where o.run_id = ? and o.household_id = l.household_id)
				order by household_id, id_number
				""", (rs, i) -> new Household(rs.getString(1), rs.getString(2), rs.getString(3), Program.valueOf(rs.getString(4))),
				runId, other);
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
