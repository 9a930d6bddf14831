package cn.doudi.scheduling;

import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.doudi.payroll.MonthEnd;

/**
 * The schedules of {@code jobs/schedules/}: listed with their next firings, run by hand, or handed to
 * Quartz ({@link #start}, by the long-running {@code serve}): each enabled schedule becomes a job and a
 * cron trigger in group {@value #GROUP} ({@link CronJobs}); triggers of schedules that were removed or
 * disabled are deleted, changed ones replaced. A firing missed while no process ran (the machine was down
 * on the 25th) fires once when the scheduler starts again (Quartz's "fire and proceed").
 */
@Service
public class Schedules {

	static final String GROUP = "doudi";
	private static final Logger log = LoggerFactory.getLogger(Schedules.class);

	/** A schedule and its next firings (empty when disabled). */
	public record Listed(Schedule schedule, List<ZonedDateTime> next) {
	}

	private final ScheduleFiles files;
	private final CronJobs cronJobs;
	private final MonthEndTask task;

	Schedules(ScheduleFiles files, CronJobs cronJobs, MonthEndTask task) {
		this.files = files;
		this.cronJobs = cronJobs;
		this.task = task;
	}

	/** Every schedule with its next {@code count} firings after {@code from}; throws {@link ScheduleException}. */
	public List<Listed> list(ZonedDateTime from, int count) {
		List<Listed> out = new ArrayList<>();
		for (Schedule s : files.load()) {
			out.add(new Listed(s, s.enabled() ? CronJobs.next(s.cron(), s.timeZone(), from, count) : List.of()));
		}
		return out;
	}

	/** Runs one schedule now, in this process, for {@code month} (null: the month a firing now would run). */
	public MonthEnd.Report runNow(String name, YearMonth month) {
		Schedule s = files.load()
			.stream()
			.filter(x -> x.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new ScheduleException("没有名为 " + name + " 的计划（" + files.folder() + "）"));
		return task.run(s, month != null ? month : s.monthAt(ZonedDateTime.now(s.timeZone())));
	}

	/** Brings Quartz's jobs and triggers in step with the files; returns the names scheduled. */
	public List<String> synchronise() {
		List<CronJobs.Wanted> wanted = files.load()
			.stream()
			.filter(Schedule::enabled)
			.map(s -> new CronJobs.Wanted(s.name(), s.cron(), s.timeZone(), MonthEndTask.class,
					Map.of(MonthEndTask.SCHEDULE, s.name()), s.task() + " (" + s.file() + ")"))
			.toList();
		return cronJobs.synchronise(GROUP, wanted);
	}

	/** {@link #synchronise}, then starts the scheduler (the {@code schedules start} process). */
	public void start() {
		List<String> names = synchronise();
		cronJobs.start();
		log.info("scheduler started with {} schedules from {}: {}", names.size(), files.folder(), names);
	}
}
