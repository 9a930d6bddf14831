package cn.doudi.payroll.batch;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import cn.doudi.payroll.MonthEndFiles;
import cn.doudi.payroll.RunReader;

/**
 * The month-end of several counties, partitioned by county (Spring Batch partitioning): the job
 * {@value #JOB_NAME} (identifying parameters {@code month}, {@code runs}, the counties' runs and revisions, and
 * {@code out}, the month's folder)
 * has one manager step, {@code countiesManagerStep}, which splits the month with {@link CountyPartitioner};
 * each partition runs the worker step {@value #WORKER_STEP} (the county's checks and lines, then its bank files and notices, {@link
 * CountyMonthEndStep}). Here the partitions run in-process on a pool of {@code doudi.workers.threads}
 * threads (0: the number of cores); with {@code doudi.workers.mode=remote} the manager step sends them to
 * {@code doudi worker} processes over RabbitMQ instead ({@link RemoteWorkersConfiguration}): one code path.
 */
@Configuration(proxyBeanMethods = false)
class CountyPartitionsConfiguration {

	static final String JOB_NAME = "monthEndCountiesJob";
	static final String MANAGER_STEP = "countiesManagerStep";
	static final String WORKER_STEP = "countyMonthEndStep";

	@Bean
	Job monthEndCountiesJob(JobRepository jobRepository, @Qualifier(MANAGER_STEP) Step countiesManagerStep) {
		return new JobBuilder(JOB_NAME, jobRepository)
			.validator(new DefaultJobParametersValidator(new String[] { "month", "runs", "out" }, new String[0]))
			.start(countiesManagerStep)
			.build();
	}

	/** The worker step: one county's partition (the same bean in a manager's thread and in a remote worker). */
	@Bean(WORKER_STEP)
	Step countyMonthEndStep(JobRepository jobRepository, MonthEndJobLauncher launcher, MonthEndFiles files,
			RunReader runs, @Value("${doudi.workers.heartbeat:10s}") Duration heartbeat,
			@Value("${doudi.workers.listen:false}") boolean worker, @Value("${doudi.workers.threads:0}") int threads) {
		return new CountyMonthEndStep(WORKER_STEP, jobRepository, launcher, files, runs, heartbeat, worker, threads);
	}

	@Bean
	@StepScope
	Partitioner countyPartitioner(@Value("#{jobParameters['runs']}") String runs,
			@Value("#{jobParameters['month']}") String month, @Value("#{jobParameters['out']}") String out) {
		return new CountyPartitioner(CountyRun.decode(runs), month, out);
	}

	/** In-process (the default: the embedded database, {@code demo}, {@code month-end --threads=N}). */
	@Bean(MANAGER_STEP)
	@JobScope
	@ConditionalOnProperty(name = "doudi.workers.mode", havingValue = "in-process", matchIfMissing = true)
	Step inProcessManagerStep(JobRepository jobRepository, Partitioner countyPartitioner,
			@Qualifier(WORKER_STEP) Step countyMonthEndStep, @Value("${doudi.workers.threads:0}") int configured,
			@Value("#{jobParameters['threads']}") Long threads) {
		// the pool of this execution: month-end --threads=N (a non-identifying job parameter), else the configured size
		SimpleAsyncTaskExecutor pool = new SimpleAsyncTaskExecutor("county-");
		pool.setConcurrencyLimit(threads(threads != null && threads > 0 ? threads.intValue() : configured));
		TaskExecutorPartitionHandler handler = new InCountyOrder();
		handler.setTaskExecutor(pool);
		handler.setStep(countyMonthEndStep);
		return new StepBuilder(MANAGER_STEP, jobRepository).partitioner(WORKER_STEP, countyPartitioner)
			.partitionHandler(handler)
			.build();
	}

	/**
	 * Batch hands the partitions over as a set (no order): they are started here in county code order, so with
	 * one thread the counties run one after the other as the progress display numbers them (county k of n), and
	 * with N threads the first N counties start first. The files do not depend on it (written in county order).
	 */
	static final class InCountyOrder extends TaskExecutorPartitionHandler {

		@Override
		protected Set<StepExecution> doHandle(StepExecution managerStepExecution,
				Set<StepExecution> partitionStepExecutions) throws Exception {
			Set<StepExecution> ordered = new LinkedHashSet<>();
			partitionStepExecutions.stream()
				.sorted(Comparator.comparing(StepExecution::getStepName))
				.forEach(ordered::add);
			return super.doHandle(managerStepExecution, ordered);
		}
	}

	/** {@code doudi.workers.threads}: 0 (or less) means the number of cores. */
	static int threads(int configured) {
		return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
	}
}
