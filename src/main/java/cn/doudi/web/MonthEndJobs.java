package cn.doudi.web;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.doudi.payroll.MonthEnd;
import cn.doudi.payroll.MonthEndProgress;
import cn.doudi.payroll.MonthEndProgresses;
import cn.doudi.payroll.MonthEndRefusedException;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.payroll.PayrollRuns;
import cn.doudi.payroll.RunTotals;
import cn.doudi.security.AccessControl;
import cn.doudi.security.AccessDeniedException;
import cn.doudi.security.Permission;

/**
 * Month-ends started from the console run on one background thread, one at a time (the machine is small
 * and a county's months run in order anyway), through {@link MonthEnd} as the command line does, into
 * {@code <doudi.home>/console-out/<county>/<YYYY-MM>/} (a folder of that county only, so its files are the
 * county's alone; a re-run replaces them, as a re-run of {@code month-end --out} does).
 * <p>
 * How a month-end goes is read from the job repository ({@link MonthEndProgresses}), not from memory: the
 * page of a county and month ({@link #status}) shows the same in every {@code serve} process and after a
 * restart. What only this process knows is kept beside it, as a detail: that it queued a month-end whose job
 * has not started yet, and the words of its outcome (a refusal before any job, the files' warnings).
 */
@Component
class MonthEndJobs implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(MonthEndJobs.class);

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	enum State {
		QUEUED("排队等待"), RUNNING("正在计算"), DONE("已完成"), FAILED("失败");

		private final String title;

		State(String title) {
			this.title = title;
		}

		String title() {
			return title;
		}
	}

	/** A month-end this process was asked for: when, by whom, and once it ended, its words. */
	record Asked(String county, YearMonth month, String user, Instant at, Long runId, boolean finished,
			boolean failed, String outcome) {
	}

	/**
	 * A county's month-end as the console shows it (also as JSON to the page's script): state, step, county k
	 * of n, lines written of the lines computed, when it started (Beijing time), seconds so far, the outcome's
	 * words and the run, once there is one.
	 */
	record Status(String county, String month, State state, String stateTitle, String step, String text, int countyNo,
			int countyCount, int countiesDone, long linesWritten, long linesTotal, int percent, String started,
			long seconds, String message, Long runId, boolean finished) {
	}

	private final MonthEnd monthEnd;
	private final MonthEndProgresses progresses;
	private final PayrollRuns payroll;
	private final AccessControl access;
	private final Clock clock;
	private final Path out;
	private final cn.doudi.ingest.Regions regions;
	private final Map<String, Asked> asked = new ConcurrentHashMap<>();
	private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "console-month-end");
		t.setDaemon(true);
		return t;
	});

	MonthEndJobs(MonthEnd monthEnd, MonthEndProgresses progresses, PayrollRuns payroll, AccessControl access,
			Clock clock, @Value("${doudi.web.out-dir:${doudi.home}/console-out}") Path out, cn.doudi.ingest.Regions regions) {
		this.regions = regions;
		this.monthEnd = monthEnd;
		this.progresses = progresses;
		this.payroll = payroll;
		this.access = access;
		this.clock = clock;
		this.out = out;
	}

	/**
	 * Queues the month-end of {@code county}; the user's permission is checked now (the façade checks it
	 * again when the job runs). Nothing more is queued while one this process queued for the county runs.
	 */
	void start(String user, String county, YearMonth month) {
		access.require(user, Permission.RUN_PAYROLL, county);
		synchronized (asked) {
			boolean busy = asked.values().stream().anyMatch(a -> a.county().equals(county) && !a.finished());
			if (busy) {
				return;
			}
			Asked a = new Asked(county, month, user, clock.instant(), null, false, false, null);
			asked.put(key(county, month), a);
			executor.submit(() -> run(a));
		}
	}

	/** The month-end of the county and month, if the user may read the county and there is one. */
	Optional<Status> status(String user, String county, YearMonth month) {
		access.require(user, Permission.READ, county);
		Optional<MonthEndProgress> progress = progresses.latest(county, month);
		Asked a = asked.get(key(county, month));
		// what this process asked for after the latest job the repository knows of
		boolean newer = a != null && progress.map(p -> p.started() == null || p.started().isBefore(a.at())).orElse(true);
		Instant now = clock.instant();
		if (newer && !a.finished()) {
			return Optional.of(new Status(county, month.toString(), State.QUEUED, State.QUEUED.title(), "等待开始",
					"排队等待（等待该区县的其他操作完成）", 0, 1, 0, 0, 0, 0, time(a.at()), seconds(a.at(), null, now),
					null, null, false));
		}
		if (newer || progress.isEmpty()) {
			if (a == null) {
				return Optional.empty();
			}
			State s = a.failed() ? State.FAILED : State.DONE;
			return Optional.of(new Status(county, month.toString(), s, s.title(), s.title(), a.outcome(), 0, 1,
					s == State.DONE ? 1 : 0, 0, 0, 100, time(a.at()), 0, a.outcome(), run(user, county, month), true));
		}
		MonthEndProgress p = progress.get();
		State s = p.running() ? State.RUNNING : p.step() == MonthEndProgress.Step.DONE ? State.DONE : State.FAILED;
		String message = a != null && a.finished() && a.runId() != null && a.runId() == p.runId() ? a.outcome()
				: s == State.DONE ? "草稿已生成" : s == State.FAILED ? "月结失败，未生成草稿（原因见服务日志）" : null;
		int percent = s == State.DONE ? 100
				: p.step() == MonthEndProgress.Step.LINES && p.linesTotal() > 0
						? (int) (p.linesWritten() * 90 / p.linesTotal()) : p.step() == MonthEndProgress.Step.FILES ? 95 : 0;
		return Optional.of(new Status(county, month.toString(), s, s.title(), p.step().title(), p.text(regions.names().get(county)), p.countyNo(),
				p.countyCount(), p.countiesDone(), p.linesWritten(), p.linesTotal(), percent, time(p.started()),
				seconds(p.started(), p.ended(), now), message, s == State.RUNNING ? null : run(user, county, month),
				s != State.RUNNING));
	}

	/** The month-ends this process was asked for lately, of the user's counties. */
	List<Asked> recent(String user) {
		return asked.values()
			.stream()
			.filter(j -> access.find(user).map(u -> u.covers(j.county())).orElse(false))
			.sorted(Comparator.comparing(Asked::at).reversed())
			.limit(10)
			.toList();
	}

	private Long run(String user, String county, YearMonth month) {
		return payroll.runs(user, county)
			.stream()
			.map(RunTotals::run)
			.filter(r -> r.month().equals(month))
			.max(Comparator.comparingInt(PayrollRun::revision))
			.map(PayrollRun::id)
			.orElse(null);
	}

	private void run(Asked a) {
		try {
			Path folder = out.resolve(a.county()).resolve(a.month().toString());
			MonthEnd.Report report = monthEnd.run(a.month(), List.of(a.county()), null, folder, a.user(),
					new MonthEnd.Listener() {
						@Override
						public void computed(PayrollRun run) {
							asked.put(key(a.county(), a.month()),
									new Asked(a.county(), a.month(), a.user(), a.at(), run.id(), false, false, null));
						}

						@Override
						public void refused(String county, String reason) {
						}
					});
			if (!report.allRan()) {
				end(a, true, String.join("；", report.refused().values()));
				return;
			}
			PayrollRun run = report.runs().get(0);
			// the files' warnings (a name a bank's layout cannot represent, …): every file was written
			end(a, false, "草稿 " + run.batchNo() + " 已生成" + (report.warnings().isEmpty() ? ""
					: "；" + report.warnings().size() + " 条警告，请核对：" + String.join("；", report.warnings())));
		}
		catch (MonthEndRefusedException | AccessDeniedException e) {
			end(a, true, e.getMessage());
		}
		catch (RuntimeException e) {
			// never a library's or the database's wording (an SQL statement) on a page: that goes to the log
			log.error("console month-end {} {} failed", a.county(), a.month(), e);
			end(a, true, "月结失败：发生内部错误，未做任何更改。错误已记入服务日志，请联系系统管理员。");
		}
	}

	private void end(Asked a, boolean failed, String message) {
		if (failed) {
			log.info("console month-end failed: {}", message);
		}
		Asked now = asked.getOrDefault(key(a.county(), a.month()), a);
		asked.put(key(a.county(), a.month()),
				new Asked(a.county(), a.month(), a.user(), a.at(), now.runId(), true, failed, message));
	}

	private static String key(String county, YearMonth month) {
		return county + "/" + month;
	}

	static String time(Instant t) {
		return t == null ? "" : TIME.format(t.atZone(BEIJING));
	}

	private static long seconds(Instant from, Instant to, Instant now) {
		return from == null ? 0 : Math.max(0, Duration.between(from, to != null ? to : now).toSeconds());
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}
}
