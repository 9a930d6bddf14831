package cn.doudi.scheduling;

import java.text.ParseException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;

import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
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
import org.springframework.stereotype.Component;

/**
 * Quartz's jobs and cron triggers of one group kept in step with what the files of {@code jobs/} say
 * (the schedules' group, the intakes' group): each wanted job is stored durably with a cron trigger in
 * its zone (replacing a changed one), jobs of the group that are no longer wanted are deleted. The
 * store is the clustered JDBC store: several processes share the triggers and each firing runs once. A
 * firing missed while no process ran fires once when the scheduler starts again ("fire and proceed").
 */
@Component
public class CronJobs {

	private static final Logger log = LoggerFactory.getLogger(CronJobs.class);

	/**
	 * A job wanted in Quartz: {@code name} is the job's and the trigger's name in the group, {@code type}
	 * the Quartz job run (created through Spring), {@code data} its job data.
	 */
	public record Wanted(String name, String cron, ZoneId zone, Class<? extends Job> type, Map<String, String> data,
			String description) {
	}

	private final Scheduler scheduler;

	CronJobs(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	/** Brings the group's jobs and triggers in step with {@code wanted}; returns the names scheduled. */
	public List<String> synchronise(String group, List<Wanted> wanted) {
		return synchronise(group, wanted, Set.of());
	}

	/**
	 * Brings the group's jobs and triggers in step with {@code wanted}, leaving the jobs named in
	 * {@code leaveAlone} as they are (those whose files cannot be read now); returns the names scheduled.
	 */
	public List<String> synchronise(String group, List<Wanted> wanted, Set<String> leaveAlone) {
		try {
			Set<JobKey> keys = new HashSet<>();
			List<String> names = new ArrayList<>();
			for (Wanted w : wanted) {
				JobKey key = JobKey.jobKey(w.name(), group);
				keys.add(key);
				JobBuilder builder = JobBuilder.newJob(w.type())
					.withIdentity(key)
					.withDescription(w.description())
					.storeDurably()
					.requestRecovery();
				w.data().forEach(builder::usingJobData);
				JobDetail job = builder.build();
				Trigger trigger = TriggerBuilder.newTrigger()
					.withIdentity(w.name(), group)
					.forJob(key)
					.withSchedule(CronScheduleBuilder.cronSchedule(expression(w.cron(), w.zone()))
						.inTimeZone(TimeZone.getTimeZone(w.zone()))
						.withMisfireHandlingInstructionFireAndProceed())
					.build();
				scheduler.scheduleJob(job, Set.of(trigger), true);
				names.add(w.name());
			}
			for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(group))) {
				if (!keys.contains(key) && !leaveAlone.contains(key.getName())) {
					scheduler.deleteJob(key);
					log.info("{} {} removed", group, key.getName());
				}
			}
			return names;
		}
		catch (SchedulerException e) {
			throw new IllegalStateException("无法在 Quartz 中更新 " + group + " 任务：" + e.getMessage(), e);
		}
	}

	/** Starts this process's scheduler: from now on it fires the stored triggers (every group). */
	public void start() {
		try {
			scheduler.start();
		}
		catch (SchedulerException e) {
			throw new IllegalStateException("无法启动调度：" + e.getMessage(), e);
		}
	}

	/** The next {@code count} firings of {@code cron} in {@code zone} after {@code from}. */
	public static List<ZonedDateTime> next(String cron, ZoneId zone, ZonedDateTime from, int count) {
		CronExpression expression = expression(cron, zone);
		List<ZonedDateTime> next = new ArrayList<>();
		Date d = Date.from(from.toInstant());
		for (int i = 0; i < count && (d = expression.getNextValidTimeAfter(d)) != null; i++) {
			next.add(d.toInstant().atZone(zone));
		}
		return next;
	}

	/** The expression in its zone; an invalid one (checked when its file was read) is an IllegalArgumentException. */
	static CronExpression expression(String cron, ZoneId zone) {
		try {
			CronExpression expression = new CronExpression(cron);
			expression.setTimeZone(TimeZone.getTimeZone(zone));
			return expression;
		}
		catch (ParseException e) {
			throw new IllegalArgumentException("cron \"" + cron + "\" 不是有效的 Quartz cron 表达式（" + e.getMessage() + "）", e);
		}
	}
}
