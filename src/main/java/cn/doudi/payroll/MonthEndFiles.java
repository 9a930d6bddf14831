package cn.doudi.payroll;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.doudi.ingest.Freshness;
import cn.doudi.ingest.Source;
import cn.doudi.kernel.FailPoint;
import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Money;
import cn.doudi.matching.CrossChecks;
import cn.doudi.matching.FindingLedger;
import cn.doudi.payroll.files.CsvFile;
import cn.doudi.payroll.files.FindingsWorkbook;
import cn.doudi.payroll.files.PaymentsCsv;
import cn.doudi.payroll.files.FindingsWorkbook.CountySummary;
import cn.doudi.payroll.files.SummaryWorkbook;

/**
 * Writes the month-end files of OUTPUTS.md for the runs of one month into one folder: {@code
 * payments.csv}, {@code stops.csv}, {@code findings.csv} and {@code findings.xlsx}, {@code overpayments.csv},
 * {@code summary.csv} and {@code summary.xlsx}. Everything comes from the database in a fixed order (code-point order,
 * {@code COLLATE "C"}), so the same inputs give byte-identical files. Each file is written under a temporary
 * name and moved into place; the runs are still RUNNING while this writes ({@link MonthEnd} commits them as
 * drafts afterwards), so a crash half-way leaves files of a run nobody can release, rewritten byte for byte
 * by the month-end that resumes it. The lines, stops and overpayments are streamed from the database to their
 * files ({@value #FETCH} rows at a time, in a read-only transaction: PostgreSQL's driver only fetches in
 * batches inside one), so the heap does not grow with the county. The other modules' files ({@link
 * MonthEndOutput}: bank files, notices) are written per county, by the partition that computed it ({@link
 * #writeCounty}); what they write across the counties comes after the month's own files ({@link #writeMonth}).
 */
@Service
public class MonthEndFiles {

	/** Rows fetched at a time when a file is streamed from the database. */
	static final int FETCH = 2_000;

	private final JdbcTemplate jdbc;
	/** {@link #jdbc} fetching {@value #FETCH} rows at a time, used in {@link #readOnly}. */
	private final JdbcTemplate streaming;
	private final TransactionTemplate readOnly;
	private final CrossChecks checks;
	private final FindingLedger ledger;
	private final List<MonthEndOutput> outputs;
	private final Freshness freshness;
	private final io.micrometer.core.instrument.MeterRegistry meters;

	MonthEndFiles(JdbcTemplate jdbc, CrossChecks checks, FindingLedger ledger, List<MonthEndOutput> outputs,
			Freshness freshness, io.micrometer.core.instrument.MeterRegistry meters,
			PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.streaming = new JdbcTemplate(jdbc.getDataSource());
		this.streaming.setFetchSize(FETCH);
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
		this.meters = meters;
		this.freshness = freshness;
		this.checks = checks;
		this.ledger = ledger;
		this.outputs = outputs;
	}

	/**
	 * Writes every file of {@code runs} in this process: the month's files ({@link #writeMonth}'s), then every
	 * other module's ({@link MonthEndOutput}), output by output, run by run; returns their warnings in that order.
	 */
	public List<String> write(List<PayrollRun> runs, Path folder) {
		writePayrollFiles(runs, folder);
		List<String> warnings = new java.util.ArrayList<>();
		for (MonthEndOutput output : outputs) {
			for (PayrollRun run : runs) {
				warnings.addAll(output.write(run, folder).warnings());
			}
		}
		outputs.forEach(output -> output.finish(runs, folder));
		return List.copyOf(warnings);
	}

	/**
	 * One county's files of the other modules ({@link MonthEndOutput#write}), written by the partition that
	 * computed the run: what each output wrote, in the order of {@link #outputs()}. Between two outputs the
	 * point {@code month-end.writing-files} (a month-end killed while writing a county's files). {@code threads}: the
	 * partition's bound on its parallelism ({@link MonthEndOutput#write(PayrollRun, Path, int)}).
	 */
	public List<MonthEndOutput.CountyFiles> writeCounty(PayrollRun run, Path folder, int threads) {
		List<MonthEndOutput.CountyFiles> written = new java.util.ArrayList<>();
		for (MonthEndOutput output : outputs) {
			if (!written.isEmpty()) {
				FailPoint.reach("month-end.writing-files");
			}
			written.add(output.write(run, folder, threads));
		}
		return List.copyOf(written);
	}

	/** How many outputs {@link #writeCounty} writes (their order is the same in every process). */
	public int outputs() {
		return outputs.size();
	}

	/**
	 * The month's files across the counties, after every county's {@link #writeCounty}: the payroll's own
	 * (payments, stops, findings, overpayments, summary), then each output's {@link MonthEndOutput#finish}.
	 */
	public void writeMonth(List<PayrollRun> runs, Path folder) {
		writePayrollFiles(runs, folder);
		outputs.forEach(output -> output.finish(runs, folder));
	}

	private void writePayrollFiles(List<PayrollRun> runs, Path folder) {
		long t = System.nanoTime();
		Long[] ids = runs.stream().map(PayrollRun::id).toArray(Long[]::new);
		List<SummaryRow> summary = writePayments(ids, folder.resolve("payments.csv"));
		writeStops(ids, folder.resolve("stops.csv"));
		List<FindingRow> findings = findings(ids);
		writeFindings(findings, folder.resolve("findings.csv"));
		writeOverpayments(runs, folder.resolve("overpayments.csv"));
		FindingsWorkbook.write(title(runs), countySummaries(runs, summary), findings, folder.resolve("findings.xlsx"));
		try (CsvFile csv = new CsvFile(folder.resolve("summary.csv"), "county", "program", "households", "persons",
				"lines_paid", "amount_paid", "lines_held", "amount_held")) {
			for (SummaryRow r : summary) {
				csv.row(r.county(), r.program(), r.households(), r.persons(), r.linesPaid(), Money.format(r.amountPaid()),
						r.linesHeld(), Money.format(r.amountHeld()));
			}
		}
		SummaryWorkbook.write(summary, staleData(ids).stream().map(StaleData::warning).toList(),
				folder.resolve("summary.xlsx"));
		MonthEndPhases.record(meters, MonthEndPhases.FILES, System.nanoTime() - t);
	}

	/**
	 * The stale sources the runs carry: taken from {@link Freshness} when a run's files are first written and
	 * kept with the run ({@code payroll_run.stale_sources}), so that a resumed or repeated write of the same runs
	 * says the same (same inputs, same bytes). The runs of one folder share one moment: the first run's record.
	 */
	private List<StaleData> staleData(Long[] runs) {
		if (runs.length == 0) {
			return List.of();
		}
		java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd");
		List<StaleData> now = freshness.staleSources()
			.stream()
			.map(s -> new StaleData(s.source().code(), s.source().title(),
					s.lastArrival() == null ? null : day.format(s.lastArrival().atZone(java.time.ZoneId.of("Asia/Shanghai"))),
					freshness.maxAge().toDays()))
			.toList();
		jdbc.update("update payroll_run set stale_sources = ? where id = any(?) and stale_sources is null",
				StaleData.encode(now), runs);
		String kept = jdbc.queryForObject("select stale_sources from payroll_run where id = ?", String.class, runs[0]);
		return StaleData.decode(kept, MonthEndFiles::sourceTitle);
	}

	static String sourceTitle(String code) {
		return Source.parse(code).map(Source::title).orElse(code);
	}

	/** Writes payments.csv; returns the month's summary, counted from the same lines ({@link MonthSummary}). */
	private List<SummaryRow> writePayments(Long[] runs, Path file) {
		MonthSummary summary = new MonthSummary();
		try (PaymentsCsv csv = PaymentsCsv.toFile(file)) {
			stream("""
					select county, region_code, program, category, household_id, id_number, name, pay_month, amount,
					       status, reason, bank, account_number, arrears, members
					from payment_line where run_id = any(?)
					order by county collate "C", program collate "C", household_id collate "C", id_number collate "C",
					         pay_month collate "C"
					""", rs -> {
				csv.line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getString(6), rs.getString(7), rs.getString(8), rs.getBigDecimal(9), rs.getString(10),
						rs.getString(11), rs.getString(12), rs.getString(13), rs.getBoolean(14));
				summary.line(rs.getString(1), rs.getString(3), rs.getString(5), rs.getString(6), rs.getString(10),
						rs.getBigDecimal(9), rs.getBoolean(14), rs.getObject(15, Integer.class));
			}, (Object) runs);
		}
		return summary.rows();
	}

	private void writeStops(Long[] runs, Path file) {
		try (CsvFile csv = new CsvFile(file, "county", "program", "household_id", "id_number", "name",
				"last_paid_month", "reason")) {
			stream("""
					select county, program, household_id, id_number, name, last_paid_month, reason
					from stop_record where run_id = any(?)
					order by county collate "C", program collate "C", household_id collate "C", id_number collate "C"
					""", rs -> {
				csv.row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getString(6), rs.getString(7));
			}, (Object) runs);
		}
	}

	/** Runs the query in a read-only transaction, its rows fetched {@value #FETCH} at a time. */
	private void stream(String sql, RowCallbackHandler rows, Object... args) {
		readOnly.executeWithoutResult(status -> streaming.query(sql, rows, args));
	}

	/** One open finding of the runs, as findings.csv lists it (its status is always {@code OPEN}). */
	public record FindingRow(String county, String code, String effect, String idNumber, String name,
			String householdId, String programs, String detail) {
	}

	/** The open findings linked to the runs, from the matching module's ledger (it owns the findings). */
	private List<FindingRow> findings(Long[] runs) {
		return ledger.openLinkedTo(runs).stream()
			.map(f -> new FindingRow(f.county(), f.code(), FindingCode.valueOf(f.code()).effect().name(),
					nonNull(f.idNumber()), nonNull(f.name()), nonNull(f.householdId()), nonNull(f.programs()),
					nonNull(f.detail())))
			.toList();
	}

	private static String nonNull(String s) {
		return s == null ? "" : s;
	}

	private static void writeFindings(List<FindingRow> findings, Path file) {
		try (CsvFile csv = new CsvFile(file, "county", "code", "effect", "id_number", "name", "household_id",
				"programs", "detail", "status")) {
			for (FindingRow f : findings) {
				csv.row(f.county(), f.code(), f.effect(), f.idNumber(), f.name(), f.householdId(), f.programs(),
						f.detail(), "OPEN");
			}
		}
	}

	/** findings.xlsx's summary per county: the check step's counts (matching's) and the lines held. */
	private List<CountySummary> countySummaries(List<PayrollRun> runs, List<SummaryRow> summary) {
		return runs.stream().map(run -> {
			List<SummaryRow> rows = summary.stream().filter(r -> r.county().equals(run.county())).toList();
			return new CountySummary(run.county(), checks.countsFor(run.id()),
					rows.stream().mapToLong(SummaryRow::linesHeld).sum(),
					Money.fen(rows.stream().map(SummaryRow::amountHeld).reduce(BigDecimal.ZERO, BigDecimal::add)));
		}).toList();
	}

	private static String title(List<PayrollRun> runs) {
		return runs.stream()
			.map(PayrollRun::month)
			.distinct()
			.sorted()
			.map(m -> m.getYear() + "年" + m.getMonthValue() + "月")
			.collect(java.util.stream.Collectors.joining("、"));
	}

	private void writeOverpayments(List<PayrollRun> runs, Path file) {
		List<String> counties = runs.stream().map(PayrollRun::county).toList();
		try (CsvFile csv = new CsvFile(file, "county", "program", "id_number", "name", "pay_month", "paid", "due",
				"overpaid")) {
			if (counties.isEmpty()) {
				return;
			}
			stream("""
					select county, program, id_number, name, pay_month, paid, due, overpaid from overpayment
					where status = 'OPEN' and county = any(?)
					order by county collate "C", program collate "C", id_number collate "C", pay_month collate "C", id
					""", rs -> {
						csv.row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
								Money.format(rs.getBigDecimal(6)), Money.format(rs.getBigDecimal(7)),
								Money.format(rs.getBigDecimal(8)));
					}, (Object) counties.toArray(String[]::new));
		}
	}

	/** One row of the summary: per county and program. */
	public record SummaryRow(String county, String program, long households, long persons, long linesPaid,
			BigDecimal amountPaid, long linesHeld, BigDecimal amountHeld) {
	}
}
