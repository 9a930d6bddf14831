package cn.doudi.scheduling;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SchedulerMetaData;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/scheduler}: this process's Quartz scheduler (schedules and intakes). UP once
 * {@code serve} (or {@code schedules start}) has started it; OUT_OF_SERVICE while it stands by (not started:
 * nothing fires from this process); DOWN when it is shut down or Quartz cannot say.
 */
@Component("quartzHealthIndicator") // contributor "quartz", in the health group "scheduler"
class SchedulerHealthIndicator implements HealthIndicator {

	private final Scheduler scheduler;

	SchedulerHealthIndicator(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	@Override
	public Health health() {
		try {
			SchedulerMetaData meta = scheduler.getMetaData();
			Health.Builder b = meta.isShutdown() ? Health.down().withDetail("reason", "调度器已关闭")
					: meta.isInStandbyMode() ? Health.status(Status.OUT_OF_SERVICE).withDetail("reason", "调度器未启动（本进程不触发任何计划）")
							: Health.up();
			return b.withDetail("name", meta.getSchedulerName())
				.withDetail("instance", meta.getSchedulerInstanceId())
				.withDetail("clustered", meta.isJobStoreClustered())
				.withDetail("jobsExecuted", meta.getNumberOfJobsExecuted())
				.withDetail("runningSince", meta.getRunningSince() == null ? "" : meta.getRunningSince().toInstant().toString())
				.build();
		}
		catch (SchedulerException e) {
			return Health.down().withDetail("reason", "调度器无法应答：" + e.getMessage()).build();
		}
	}
}
