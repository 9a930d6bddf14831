package cn.doudi.payroll;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import java.math.BigDecimal;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.doudi.kernel.Program;
import cn.doudi.payroll.files.PaymentsCsv;
import cn.doudi.kernel.StopReason;

/**
 * Read access to runs, their lines and stops, for the modules that write files from them. A county's lines
 * are read whole ({@link #lines}) only where a page or a bank return needs them together; files are written
 * from {@link #forEachLine} (or, village by village, {@link #forEachLineByRegion}), which stream them ({@value
 * #FETCH} rows at a time), so that the heap does not grow with the county.
 */
@Service
public class RunReader {

	/** Rows fetched at a time by {@link #forEachLine}. */
	static final int FETCH = 2_000;

	private static final String LINES = """
			select id, run_id, seq, county, region_code, program, category, household_id, id_number, name, pay_month,
			       amount, status, reason, bank, account_number, account_name, arrears, members
			from payment_line where run_id = ?
			order by county collate "C", program collate "C", household_id collate "C", id_number collate "C",
			         pay_month collate "C"
			""";

	/** {@link #LINES} ordered by village or community first: {@link #forEachLineByRegion}. */
	private static final String LINES_BY_REGION = LINES.replace("order by county collate",
			"order by region_code collate \"C\", county collate");

	private final JdbcTemplate jdbc;
	/** {@link #jdbc} fetching {@value #FETCH} rows at a time, used inside {@link #snapshot}. */
	private final JdbcTemplate streaming;
	/** Read-only and repeatable read: the totals and the lines streamed after them see the same rows. */
	private final TransactionTemplate snapshot;
	private final RunStore runs;

	RunReader(JdbcTemplate jdbc, RunStore runs, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.runs = runs;
		this.streaming = new JdbcTemplate(jdbc.getDataSource());
		this.streaming.setFetchSize(FETCH);
		this.snapshot = new TransactionTemplate(transactionManager);
		this.snapshot.setReadOnly(true);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
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

	/** The run's lines in {@code payments.csv} order, all in memory (a bank return): files use {@link #forEachLine}, the review's page {@link #heldLines}. */
	public List<PaymentLineView> lines(long runId) {
		return jdbc.query(LINES, lineMapper(), runId);
	}

	/** One page of the run's lines that are not paid (HELD), in {@code payments.csv} order: the review's page. */
	public List<PaymentLineView> heldLines(long runId, int offset, int limit) {
		return jdbc.query(LINES.replace("where run_id = ?", "where run_id = ? and status <> 'PAY'") + "offset ? limit ?",
				lineMapper(), runId, offset, limit);
	}

	/** The PAY lines of one bank code (as stored, not stripped): how many and their sum. */
	public record PayTotal(String bank, int lines, BigDecimal amount) {
	}

	/**
	 * The run's PAY lines per stored bank code, then its lines in {@code payments.csv} order, one at a time,
	 * both read in one read-only, repeatable-read transaction (the lines the totals count are the lines handed
	 * on): {@code start} gets the totals before the first line, so that a file whose header carries its count
	 * and total can be written as the lines come. Only {@value #FETCH} lines are held at a time. Inside a
	 * transaction of the caller's (approve), that transaction is joined and sees what it sees.
	 */
	public void forEachLine(long runId, Consumer<List<PayTotal>> start, Consumer<PaymentLineView> each) {
		snapshot.executeWithoutResult(status -> {
			start.accept(jdbc.query("""
					select bank, count(*), sum(amount) from payment_line where run_id = ? and status = 'PAY'
					group by bank order by bank collate "C"
					""", (rs, i) -> new PayTotal(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3)), runId));
			LineDecoder decoder = new LineDecoder();
			streaming.query(LINES, rs -> {
				each.accept(decoder.line(rs));
			}, runId);
		});
	}

	/** The run's lines in {@code payments.csv} order, one at a time (see {@link #forEachLine(long, Consumer, Consumer)}). */
	public void forEachLine(long runId, Consumer<PaymentLineView> each) {
		forEachLine(runId, totals -> {
		}, each);
	}

	/**
	 * The run's lines by village or community ({@code region_code} in byte order), each village's in {@code
	 * payments.csv} order, one at a time in one read-only transaction, {@value #FETCH} fetched at a time: for
	 * files written village by village (the notices), so that only a village's lines need be held.
	 */
	public void forEachLineByRegion(long runId, Consumer<PaymentLineView> each) {
		LineDecoder decoder = new LineDecoder();
		snapshot.executeWithoutResult(status -> streaming.query(LINES_BY_REGION, rs -> {
			each.accept(decoder.line(rs));
		}, runId));
	}

	/** Whether the run has a line to pay. */
	public boolean hasPayLines(long runId) {
		return Boolean.TRUE.equals(jdbc.queryForObject(
				"select exists (select 1 from payment_line where run_id = ? and status = 'PAY')", Boolean.class, runId));
	}

	/** The run's lines as {@code payments.csv} (full numbers), by the one writer of that file. */
	public void writePaymentsCsv(long runId, java.io.OutputStream out) {
		try (PaymentsCsv csv = PaymentsCsv.onto(out)) {
			forEachLine(runId, csv::line);
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

	/** A mapper of {@link #LINES}' rows for one query (its own {@link LineDecoder}). */
	private static RowMapper<PaymentLineView> lineMapper() {
		LineDecoder decoder = new LineDecoder();
		return (rs, i) -> decoder.line(rs);
	}

	/**
	 * A row of {@link #LINES} as a {@link PaymentLineView}, its columns taken by position (by name the driver
	 * looks each up, 19 times a row); a read's decoder keeps the last pay month parsed, as a county's lines
	 * share a few months ({@code YearMonth.parse} runs a formatter).
	 */
	private static final class LineDecoder {

		private String lastMonthText;
		private YearMonth lastMonth;

		PaymentLineView line(ResultSet rs) throws SQLException {
			int n = rs.getInt(19);
			Integer members = rs.wasNull() ? null : n;
			return new PaymentLineView(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
					Program.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
					month(rs.getString(11)), rs.getBigDecimal(12), rs.getString(13), rs.getString(14), rs.getString(15),
					rs.getString(16), rs.getString(17), rs.getBoolean(18), members);
		}

		private YearMonth month(String text) {
			if (!text.equals(lastMonthText)) {
				lastMonth = YearMonth.parse(text);
				lastMonthText = text;
			}
			return lastMonth;
		}
	}
}
