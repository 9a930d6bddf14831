package cn.doudi.payroll.batch;

import java.time.YearMonth;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Starts (or restarts) the month-end job of one run; the payroll façade's only door into Batch. */
@Component
public class MonthEndJobLauncher {

	private final JobOperator jobOperator;
	private final Job monthEndJob;

	MonthEndJobLauncher(JobOperator jobOperator, @Qualifier("monthEndJob") Job monthEndJob) {
		this.jobOperator = jobOperator;
		this.monthEndJob = monthEndJob;
	}

	/** Runs the job synchronously; returns true when it completed. */
	public boolean run(long runId, String county, YearMonth month, int revision) {
		JobParameters params = new JobParametersBuilder().addString("county", county)
			.addString("month", month.toString())
			.addLong("runRevision", (long) revision)
			.addLong("runId", runId)
			.toJobParameters();
		try {
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
}
