package cn.doudi.web;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.doudi.payroll.MonthEnd;
import cn.doudi.payroll.MonthEndRefusedException;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.security.AccessControl;
import cn.doudi.security.AccessDeniedException;
import cn.doudi.security.Permission;

/**
 * Month-ends started from the console run on one background thread, one at a time (the machine is small
 * and a county's months run in order anyway), through {@link MonthEnd} as the command line does, into
 * {@code <doudi.home>/console-out/<county>/<YYYY-MM>/} (a folder of that county only, so its files are the
 * county's alone; a re-run replaces them, as a re-run of {@code month-end --out} does). The page polls
 * {@link #find} until the job ends.
 */
@Component
class MonthEndJobs implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(MonthEndJobs.class);

	enum State {
		QUEUED, RUNNING, DONE, FAILED
	}

	/** One month-end started from the console. */
	record Job(String id, String county, YearMonth month, String user, Instant started, State state, String message,
			Long runId, Instant ended) {

		Job with(State s, String m, Long run, Instant end) {
			return new Job(id, county, month, user, started, s, m, run, end);
		}

		public boolean finished() {
			return state == State.DONE || state == State.FAILED;
		}

		public long seconds(Instant now) {
			return Duration.between(started, ended != null ? ended : now).toSeconds();
		}
	}

	private final MonthEnd monthEnd;
	private final AccessControl access;
	private final Clock clock;
	private final Path out;
	private final Map<String, Job> jobs = new ConcurrentHashMap<>();
	private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "console-month-end");
		t.setDaemon(true);
		return t;
	});

	MonthEndJobs(MonthEnd monthEnd, AccessControl access, Clock clock,
			@Value("${doudi.web.out-dir:${doudi.home}/console-out}") Path out) {
		this.monthEnd = monthEnd;
		this.access = access;
		this.clock = clock;
		this.out = out;
	}

	/**
	 * Queues the month-end of {@code county}; the user's permission is checked now (the façade checks it
	 * again when the job runs). Refused while a job for the same county is queued or running.
	 */
	Job start(String user, String county, YearMonth month) {
		access.require(user, Permission.RUN_PAYROLL, county);
		synchronized (jobs) {
			Optional<Job> busy = jobs.values().stream().filter(j -> j.county().equals(county) && !j.finished()).findFirst();
			if (busy.isPresent()) {
				return busy.get();
			}
			Job job = new Job(UUID.randomUUID().toString(), county, month, user, clock.instant(), State.QUEUED,
					"排队等待", null, null);
			jobs.put(job.id(), job);
			executor.submit(() -> run(job.id()));
			return job;
		}
	}

	/** The job, if the user may read its county. */
	Optional<Job> find(String user, String id) {
		Job job = jobs.get(id);
		if (job != null) {
			access.require(user, Permission.READ, job.county());
		}
		return Optional.ofNullable(job);
	}

	List<Job> recent(String user) {
		return jobs.values().stream()
			.filter(j -> access.find(user).map(u -> u.covers(j.county())).orElse(false))
			.sorted((a, b) -> b.started().compareTo(a.started()))
			.limit(10)
			.toList();
	}

	Instant now() {
		return clock.instant();
	}

	private void run(String id) {
		Job job = jobs.computeIfPresent(id, (k, j) -> j.with(State.RUNNING, "正在核对与计算", null, null));
		try {
			Path folder = out.resolve(job.county()).resolve(job.month().toString());
			MonthEnd.Report report = monthEnd.run(job.month(), List.of(job.county()), null, folder, job.user(),
					new MonthEnd.Listener() {
						@Override
						public void computed(PayrollRun run) {
							jobs.computeIfPresent(id, (k, j) -> j.with(State.RUNNING, "正在生成文件", run.id(), null));
						}

						@Override
						public void refused(String county, String reason) {
						}
					});
			if (!report.allRan()) {
				fail(id, String.join("；", report.refused().values()));
				return;
			}
			PayrollRun run = report.runs().get(0);
			// the files' warnings (a name a bank's layout cannot represent, …): every file was written
			String done = "草稿 " + run.batchNo() + " 已生成" + (report.warnings().isEmpty() ? ""
					: "；" + report.warnings().size() + " 条警告，请核对：" + String.join("；", report.warnings()));
			jobs.computeIfPresent(id, (k, j) -> j.with(State.DONE, done, run.id(), clock.instant()));
		}
		catch (MonthEndRefusedException | AccessDeniedException e) {
			fail(id, e.getMessage());
		}
		catch (RuntimeException e) {
			// never a library's or the database's wording (an SQL statement) on a page: that goes to the log
			log.error("console month-end {} {} failed", job.county(), job.month(), e);
			fail(id, "月结失败：发生内部错误，未做任何更改。错误已记入服务日志，请联系系统管理员。");
		}
	}

	private void fail(String id, String message) {
		log.info("console month-end failed: {}", message);
		jobs.computeIfPresent(id, (k, j) -> j.with(State.FAILED, message, j.runId(), clock.instant()));
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}
}
