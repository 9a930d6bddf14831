package cn.doudi.scheduling;

import java.time.YearMonth;
import java.time.ZonedDateTime;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.doudi.ingest.Freshness;
import cn.doudi.payroll.MonthEnd;
import cn.doudi.payroll.MonthEndRefusedException;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.security.AuditLog;

/**
 * A schedule's {@code month-end} firing: the schedule's file is read again (what the file says now is
 * what runs), the month follows from the scheduled fire time, and {@link MonthEnd} runs it. The result
 * goes to the log and, per county, to the audit trail under the schedule's user (action {@code
 * SCHEDULE}); a warning for each source whose data is stale ({@link Freshness}) goes to the log and to the
 * audit trail ({@code STALE_DATA}). Created by Quartz through Spring (constructor injection); one firing of a schedule at a
 * time.
 */
@DisallowConcurrentExecution
@org.springframework.stereotype.Component
class MonthEndTask implements Job {

	static final String SCHEDULE = "schedule";
	private static final Logger log = LoggerFactory.getLogger(MonthEndTask.class);

	private final ScheduleFiles files;
	private final MonthEnd monthEnd;
	private final AuditLog audit;
	private final Freshness freshness;

	MonthEndTask(ScheduleFiles files, MonthEnd monthEnd, AuditLog audit, Freshness freshness) {
		this.files = files;
		this.monthEnd = monthEnd;
		this.audit = audit;
		this.freshness = freshness;
	}

	@Override
	public void execute(JobExecutionContext context) throws JobExecutionException {
		String name = context.getMergedJobDataMap().getString(SCHEDULE);
		Schedule schedule = files.load()
			.stream()
			.filter(s -> s.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new JobExecutionException("定时任务 " + name + " 已不在 " + files.folder() + " 中"));
		ZonedDateTime at = context.getScheduledFireTime().toInstant().atZone(schedule.timeZone());
		run(schedule, schedule.monthAt(at));
	}

	/** Runs the schedule's month-end for {@code month}; also what {@code schedules run} calls. */
	MonthEnd.Report run(Schedule schedule, YearMonth month) {
		log.info("schedule {}: month-end {} for {}", schedule.name(), month,
				schedule.counties().isEmpty() ? "every county" : String.join(",", schedule.counties()));
		// stale deaths / economic data: the month still runs, and the warning goes to the log and the audit trail
		freshness.staleSources().forEach(stale -> {
			log.warn("schedule {}: {}", schedule.name(), stale.warning());
			audit.record(schedule.user(), "STALE_DATA", null, stale.source().code(),
					"schedule " + schedule.name() + ": month-end " + month + " " + stale.warning());
		});
		MonthEnd.Report report;
		try {
			report = monthEnd.run(month, schedule.counties(), null, schedule.folderFor(month), schedule.user(),
					new MonthEnd.Listener() {
						@Override
						public void computed(PayrollRun run) {
							log.info("schedule {}: {} draft {} computed", schedule.name(), run.county(), run.batchNo());
							audit.record(schedule.user(), "SCHEDULE", run.county(), run.batchNo(),
									"schedule " + schedule.name() + ": month-end " + month + " computed");
						}

						@Override
						public void refused(String county, String reason) {
							log.warn("schedule {}: {} refused: {}", schedule.name(), county, reason);
							audit.record(schedule.user(), "SCHEDULE", county, schedule.name(),
									"schedule " + schedule.name() + ": month-end " + month + " refused: " + reason);
						}
					});
		}
		catch (MonthEndRefusedException e) {
			log.warn("schedule {}: {}", schedule.name(), e.getMessage());
			return new MonthEnd.Report(month, java.util.List.of(), java.util.Map.of("", e.getMessage()),
					schedule.folderFor(month));
		}
		log.info("schedule {}: {} runs computed, {} refused, files in {}", schedule.name(), report.runs().size(),
				report.refused().size(), report.folder().toAbsolutePath());
		return report;
	}
}
