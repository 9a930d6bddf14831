package cn.doudi.payroll;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.MDC;
import org.springframework.stereotype.Service;

import cn.doudi.kernel.FailPoint;
import cn.doudi.payroll.batch.CountyPartitions;
import cn.doudi.payroll.batch.CountyRun;
import cn.doudi.security.AccessDeniedException;

/**
 * The month-end of OUTPUTS.md as one call, shared by the command line, the schedules and the web
 * console: computes the month for one county, several, or every county with a standards row; a county
 * that is refused (months in order, an approved run, access, another change of the county in progress,
 * a failed job) is reported and the others still run; then writes the month's files of the computed runs
 * into the folder and commits them as drafts with that folder.
 * <p>
 * The counties' jobs (checks, lines) run at once, one partition per county ({@link CountyPartitions}: a pool
 * of {@code doudi.workers.threads} threads, or {@code doudi worker} processes over RabbitMQ with
 * {@code doudi.workers.mode=remote}); a county whose partition fails or times out is refused, the others go
 * on. Each partition writes its county's files (bank files, notices: {@link MonthEndOutput}) into the folder,
 * which for remote workers must be shared (same path on every machine); this process then checks they are
 * there (a county whose files it cannot find is refused) and writes the month's files across the counties
 * (payments, stops, findings, summary, the bank manifest), in county order, whatever the order of completion;
 * the counties' warnings come back in county order too.
 * <p>
 * Each county's lock is taken before its order check and held until its draft is committed (on one
 * connection, whatever the number of counties; counties in code order, so two month-ends never wait for
 * each other in a circle). Until the commit the runs are RUNNING: a month-end killed in its job or while
 * writing the files leaves nothing that can be released, and the next month-end resumes the same runs
 * (same revision, same batch number) and writes the same bytes. Files that cannot be written (an exception,
 * not a kill) leave the runs FAILED, computed again by the next month-end.
 */
@Service
public class MonthEnd {

	/** What happened to each county, as it happens. */
	public interface Listener {

		/** The county's lines are computed and its own files written (the month's files come next, its draft after them). */
		void computed(PayrollRun run);

		void refused(String county, String reason);
	}

	/**
	 * The runs computed (their files are in {@code folder}), the counties refused, with the reason, and the
	 * warnings of the files written (see {@link MonthEndOutput}).
	 */
	public record Report(YearMonth month, List<PayrollRun> runs, Map<String, String> refused, Path folder,
			List<String> warnings) {

		public Report(YearMonth month, List<PayrollRun> runs, Map<String, String> refused, Path folder) {
			this(month, runs, refused, folder, List.of());
		}

		public boolean allRan() {
			return refused.isEmpty();
		}
	}

	private final PayrollRuns payroll;
	private final MonthEndFiles files;
	private final CountyLocks locks;
	private final RunMeters meters;
	private final CountyPartitions partitions;

	MonthEnd(PayrollRuns payroll, MonthEndFiles files, CountyLocks locks, RunMeters meters, CountyPartitions partitions) {
		this.partitions = partitions;
		this.payroll = payroll;
		this.files = files;
		this.locks = locks;
		this.meters = meters;
	}

	/**
	 * @param counties the counties to run; empty: every county with a standards row
	 * @param payDate the payment date in the bank files; null: the 10th of the month
	 * @throws MonthEndRefusedException when no county has a standards row at all
	 */
	public Report run(YearMonth month, List<String> counties, LocalDate payDate, Path folder, String user,
			Listener listener) {
		return run(month, counties, payDate, folder, user, listener, 0);
	}

	/**
	 * As above, the counties computed by {@code threads} threads of this process at once (0: the configured
	 * {@code doudi.workers.threads}, else the cores; ignored when the partitions go to remote workers).
	 */
	public Report run(YearMonth month, List<String> counties, LocalDate payDate, Path folder, String user,
			Listener listener, int threads) {
		Map<String, RuntimeException> refused = new LinkedHashMap<>();
		List<String> warnings = new ArrayList<>();
		List<PayrollRun> drafts = run(month, counties, payDate, folder, user, listener, refused, warnings, threads);
		Map<String, String> reasons = new LinkedHashMap<>();
		refused.forEach((county, e) -> reasons.put(county, e.getMessage()));
		return new Report(month, drafts, Collections.unmodifiableMap(reasons), folder, List.copyOf(warnings));
	}

	/**
	 * The month-end of one county: its draft, with its files in {@code folder}; a refusal is thrown
	 * (MonthEndRefusedException, AccessDeniedException).
	 */
	public PayrollRun one(String county, YearMonth month, LocalDate payDate, Path folder, String user) {
		Map<String, RuntimeException> refused = new LinkedHashMap<>();
		List<PayrollRun> drafts = run(month, List.of(county), payDate, folder, user, NO_LISTENER, refused,
				new ArrayList<>(), 0);
		if (!refused.isEmpty()) {
			throw refused.values().iterator().next();
		}
		return drafts.get(0);
	}

	private static final Listener NO_LISTENER = new Listener() {
		@Override
		public void computed(PayrollRun run) {
		}

		@Override
		public void refused(String county, String reason) {
		}
	};

	private List<PayrollRun> run(YearMonth month, List<String> counties, LocalDate payDate, Path folder, String user,
			Listener listener, Map<String, RuntimeException> refused, List<String> warnings, int threads) {
		LocalDate date = payDate != null ? payDate : month.atDay(10);
		List<String> which = counties.isEmpty() ? payroll.counties() : counties.stream().distinct().sorted().toList();
		if (which.isEmpty()) {
			throw new MonthEndRefusedException("没有任何区县的保障标准（先 import standards）");
		}
		List<PayrollRun> computed = new ArrayList<>();
		io.micrometer.core.instrument.Timer.Sample timing = meters.start();
		String outcome = "failed";
		// every line logged meanwhile carries the month, and the county while one is computed (logs' MDC)
		try (CountyLocks.Held held = locks.open(); MDC.MDCCloseable m = MDC.putCloseable("month", month.toString())) {
			// first, county by county in code order: the lock, the order check, the run (RUNNING)
			List<PayrollRun> prepared = new ArrayList<>();
			for (String county : which) {
				try (MDC.MDCCloseable c = MDC.putCloseable("county", county)) {
					prepared.add(payroll.prepare(held, county, month, date, user));
				}
				catch (MonthEndRefusedException | AccessDeniedException e) {
					held.free(county);
					refused.put(county, e);
					listener.refused(county, e.getMessage());
				}
			}
			// then the counties' jobs at once, one partition per county (threads of this process, or remote workers)
			Map<String, String> failed = Map.of();
			if (!prepared.isEmpty()) {
				payroll.beforeJobs();
				CountyPartitions.Outcome done = partitions.compute(month,
						prepared.stream().map(r -> new CountyRun(r.county(), r.id(), r.revision())).toList(), folder,
						threads);
				failed = done.failed();
				warnings.addAll(done.warnings());
			}
			// the outcome in county order, never in order of completion
			for (PayrollRun run : prepared) {
				String failure = failed.get(run.county());
				if (failure != null) {
					MonthEndRefusedException e = payroll.jobFailed(run, user, failure);
					held.free(run.county());
					refused.put(run.county(), e);
					listener.refused(run.county(), e.getMessage());
				}
				else {
					FailPoint.reach("month-end.after-job");
					computed.add(run);
					listener.computed(run);
				}
			}
			if (computed.isEmpty()) {
				outcome = "refused";
				return List.of();
			}
			try {
				files.writeMonth(computed, folder);
			}
			catch (RuntimeException e) {
				payroll.filesFailed(computed, user, e);
				throw e;
			}
			FailPoint.reach("month-end.files-written");
			List<PayrollRun> drafted = payroll.drafted(computed, folder, user);
			outcome = "computed";
			return drafted;
		}
		finally {
			meters.monthEndDone(timing, outcome);
		}
	}
}
