package cn.doudi.payroll.batch;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A county's partition runs only while its manager still waits for it: a request that reaches a worker after the
 * manager's job ended (failed, timed out, stopped) is refused before anything is computed or written, with a
 * message naming the county. The job's status is the one the partition came with (a worker reads it from the job
 * repository when the request arrives), not a reload of the whole job.
 */
class CountyMonthEndStepTests {

	@ParameterizedTest
	@EnumSource(value = BatchStatus.class, names = { "FAILED", "STOPPED", "COMPLETED", "ABANDONED" })
	void aPartitionWhoseManagerNoLongerWaitsIsNotRun(BatchStatus managerStatus) {
		JobExecution manager = new JobExecution(7L, new JobInstance(7L, "monthEndCountiesJob"), new JobParameters());
		manager.setStatus(managerStatus);
		StepExecution partition = new StepExecution(8L, "countyMonthEnd:partition0", manager);
		ExecutionContext context = partition.getExecutionContext();
		context.putString(CountyPartitioner.COUNTY, "410102");
		context.putString(CountyPartitioner.MONTH, "2026-10");
		context.putLong(CountyPartitioner.RUN_ID, 42L);
		context.putInt(CountyPartitioner.RUN_REVISION, 0);
		// no launcher, files or reader: a refused partition reaches none of them
		CountyMonthEndStep step = new CountyMonthEndStep("countyMonthEnd", new ResourcelessJobRepository(), null, null,
				null, Duration.ofSeconds(10), true, 1);

		assertThatIllegalStateException().isThrownBy(() -> step.doExecute(partition))
			.withMessage("区县 410102 2026-10 的月结分区已无人等待（主控已结束或超时）：未执行");
	}
}
