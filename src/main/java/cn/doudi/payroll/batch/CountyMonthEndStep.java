package cn.doudi.payroll.batch;

import java.time.YearMonth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import cn.doudi.kernel.FailPoint;

/**
 * A county's partition, wherever it runs (a thread of the manager, or a {@code doudi worker}): the county's
 * month-end job (checks, then lines) against the shared database — a step that runs a job, as Batch's
 * {@code JobStep} does (outside any chunk transaction), but started or restarted through {@link
 * MonthEndJobLauncher}, so a partition run again (a worker killed, the manager restarted, a message delivered
 * twice) finds the county's job where it stopped, or complete, and writes no line twice. The county's lock
 * stays with the manager, which sent the partition only while holding it; a partition whose manager no longer
 * waits (it gave up after {@code doudi.workers.timeout}, or died) is not run.
 */
class CountyMonthEndStep extends AbstractStep {

	private static final Logger log = LoggerFactory.getLogger(CountyMonthEndStep.class);

	private final MonthEndJobLauncher launcher;

	CountyMonthEndStep(String name, JobRepository repository, MonthEndJobLauncher launcher) {
		super(repository);
		setName(name);
		this.launcher = launcher;
	}

	@Override
	protected void doExecute(StepExecution partition) {
		ExecutionContext context = partition.getExecutionContext();
		String county = context.getString(CountyPartitioner.COUNTY);
		YearMonth month = YearMonth.parse(context.getString(CountyPartitioner.MONTH));
		long runId = context.getLong(CountyPartitioner.RUN_ID);
		int revision = context.getInt(CountyPartitioner.RUN_REVISION);
		JobExecution manager = getJobRepository().getJobExecution(partition.getJobExecutionId());
		if (manager == null || !manager.getStatus().isRunning()) {
			throw new IllegalStateException("区县 " + county + " " + month + " 的月结分区已无人等待（主控已结束或超时）：未执行");
		}
		try (MDC.MDCCloseable c = MDC.putCloseable("county", county);
				MDC.MDCCloseable m = MDC.putCloseable("month", month.toString())) {
			log.info("区县 {} {} 月结分区开始（第 {}/{} 个区县，run {}）", county, month, context.getInt(CountyPartitioner.COUNTY_NO),
					context.getInt(CountyPartitioner.COUNTY_COUNT), runId);
			FailPoint.reach("partition.started." + county);
			boolean completed;
			try {
				completed = launcher.run(runId, county, month, revision, context.getInt(CountyPartitioner.COUNTY_NO),
						context.getInt(CountyPartitioner.COUNTY_COUNT));
			}
			catch (RuntimeException e) {
				log.error("区县 {} {} 月结分区失败", county, month, e);
				throw e;
			}
			if (!completed) {
				throw new IllegalStateException("区县 " + county + " " + month + " 的月结作业失败");
			}
			log.info("区县 {} {} 月结分区完成", county, month);
		}
	}
}
