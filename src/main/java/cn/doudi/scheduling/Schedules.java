package cn.doudi.scheduling;

import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;

import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.doudi.payroll.MonthEnd;

/**
 * The schedules of {@code jobs/schedules/}: listed with their next firings, run by hand, or handed to
 * Quartz ({@link #start}, by the long-running {@code serve}): each enabled schedule becomes a job and a
 * cron trigger in group {@value #GROUP}; triggers of schedules that were removed or disabled are
 * deleted, changed ones replaced. A firing missed while no process ran (the machine was down on the
 * 25th) fires once when the scheduler starts again (Quartz's "fire and proceed").
 */
@Service
public class Schedules {

	static final String GROUP = "doudi";
	private static final Logger log = LoggerFactory.getLogger(Schedules.class);

	/** A schedule and its next firings (empty when disabled). */
	public record Listed(Schedule schedule, List<ZonedDateTime> next) {
	}

	private final ScheduleFiles files;
	private final Scheduler scheduler;
	private final MonthEndTask task;

	Schedules(ScheduleFiles files, Scheduler scheduler, MonthEndTask task) {
		this.files = files;
		this.scheduler = scheduler;
		this.task = task;
	}

	/** Every schedule with its next {@code count} firings after {@code from}; throws {@link ScheduleException}. */
	public List<Listed> list(ZonedDateTime from, int count) {
		List<Listed> out = new ArrayList<>();
		for (Schedule s : files.load()) {
			List<ZonedDateTime> next = new ArrayList<>();
			if (s.enabled()) {
				CronExpression cron = cron(s);
				Date d = Date.from(from.toInstant());
				for (int i = 0; i < count && (d = cron.getNextValidTimeAfter(d)) != null; i++) {
					next.add(d.toInstant().atZone(s.timeZone()));
				}
			}
			out.add(new Listed(s, next));
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
		List<Schedule> all = files.load();
		try {
			Set<JobKey> wanted = new HashSet<>();
			List<String> names = new ArrayList<>();
			for (Schedule s : all) {
				if (!s.enabled()) {
					continue;
				}
				JobKey key = JobKey.jobKey(s.name(), GROUP);
				wanted.add(key);
				JobDetail job = JobBuilder.newJob(MonthEndTask.class)
					.withIdentity(key)
					.withDescription(s.task() + " (" + s.file() + ")")
					.usingJobData(MonthEndTask.SCHEDULE, s.name())
					.storeDurably()
					.requestRecovery()
					.build();
				Trigger trigger = TriggerBuilder.newTrigger()
					.withIdentity(s.name(), GROUP)
					.forJob(key)
					.withSchedule(CronScheduleBuilder.cronSchedule(cron(s))
						.inTimeZone(TimeZone.getTimeZone(s.timeZone()))
						.withMisfireHandlingInstructionFireAndProceed())
					.build();
				scheduler.scheduleJob(job, Set.of(trigger), true);
				names.add(s.name());
			}
			for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
				if (!wanted.contains(key)) {
					scheduler.deleteJob(key);
					log.info("schedule {} removed", key.getName());
				}
			}
			return names;
		}
		catch (SchedulerException e) {
			throw new IllegalStateException("cannot update the schedules in Quartz: " + e.getMessage(), e);
		}
	}

	/** {@link #synchronise}, then starts the scheduler (the {@code serve} process). */
	public void start() {
		List<String> names = synchronise();
		try {
			scheduler.start();
		}
		catch (SchedulerException e) {
			throw new IllegalStateException("cannot start the scheduler: " + e.getMessage(), e);
		}
		log.info("scheduler started with {} schedules from {}: {}", names.size(), files.folder(), names);
	}

	private static CronExpression cron(Schedule s) {
		try {
			CronExpression cron = new CronExpression(s.cron());
			cron.setTimeZone(TimeZone.getTimeZone(s.timeZone()));
			return cron;
		}
		catch (java.text.ParseException e) {
			throw new ScheduleException(s.file() + ": cron \"" + s.cron() + "\" " + e.getMessage());
		}
	}
}
