package cn.doudi.payroll.batch;

import java.time.YearMonth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Starts (or restarts) the month-end job of one run; the payroll façade's only door into Batch.
 * The caller holds the county's lock (the payroll façade's advisory lock of the county, on its own
 * connection, across every process sharing the database) for the whole job. A process killed in the middle
 * of a job loses its connection and with it the lock, and leaves its job execution STARTED; whoever holds
 * the lock next knows that any STARTED month-end execution of the county is such a leftover, marks it
 * FAILED (Batch's recover) and restarts the same job instance from where it stopped — the lines it had
 * written were in the step's rolled-back transaction, so nothing is written twice.
 */
@Component
public class MonthEndJobLauncher {

	private static final Logger log = LoggerFactory.getLogger(MonthEndJobLauncher.class);

	/** Non-identifying parameters: the county is the n-th of a month-end of so many counties. */
	public static final String COUNTY_NO = "countyNo";
	public static final String COUNTY_COUNT = "countyCount";

	private final JobOperator jobOperator;
	private final JobRepository jobRepository;
	private final Job monthEndJob;

	MonthEndJobLauncher(JobOperator jobOperator, JobRepository jobRepository, @Qualifier("monthEndJob") Job monthEndJob) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.monthEndJob = monthEndJob;
	}

	/** Runs the job synchronously, the county's lock held by the caller; returns true when it completed. */
	public boolean run(long runId, String county, YearMonth month, int revision) {
		return run(runId, county, month, revision, 1, 1);
	}

	/**
	 * As above, the county being the {@code countyNo}-th of {@code countyCount} of one month-end: two
	 * non-identifying parameters, read back as the month-end's progress ({@code payroll.MonthEndProgresses}).
	 */
	public boolean run(long runId, String county, YearMonth month, int revision, int countyNo, int countyCount) {
		JobParameters params = new JobParametersBuilder(params(runId, county, month, revision))
			.addLong(COUNTY_NO, (long) countyNo, false)
			.addLong(COUNTY_COUNT, (long) countyCount, false)
			.toJobParameters();
		// the job's lines carry the run (beside the county and month MonthEnd put there)
		try (org.slf4j.MDC.MDCCloseable r = org.slf4j.MDC.putCloseable("runId", Long.toString(runId))) {
			recoverLeftovers(county);
			JobExecution execution = jobOperator.start(monthEndJob, params);
			return execution.getStatus() == BatchStatus.COMPLETED;
		}
		catch (org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException e) {
			return true;
		}
		catch (Exception e) {
			throw new IllegalStateException("月结作业无法启动: " + e.getMessage(), e);
		}
	}

	/** Whether the run's job completed (its lines are written), whatever happened to the run afterwards. */
	public boolean completed(long runId, String county, YearMonth month, int revision) {
		JobInstance instance = jobRepository.getJobInstance(monthEndJob.getName(), params(runId, county, month, revision));
		JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
		return last != null && last.getStatus() == BatchStatus.COMPLETED;
	}

	private static JobParameters params(long runId, String county, YearMonth month, int revision) {
		return new JobParametersBuilder().addString("county", county)
			.addString("month", month.toString())
			.addLong("runRevision", (long) revision)
			.addLong("runId", runId)
			.toJobParameters();
	}

	/** STARTED executions of the county's month-end while we hold its lock: left by a killed process. */
	private void recoverLeftovers(String county) {
		for (JobExecution stale : jobRepository.findRunningJobExecutions(monthEndJob.getName())) {
			if (county.equals(stale.getJobParameters().getString("county"))) {
				log.warn("{}: marking the month-end job execution {} left running by a killed process as failed", county,
						stale.getId());
				jobOperator.recover(stale);
			}
		}
	}
}
