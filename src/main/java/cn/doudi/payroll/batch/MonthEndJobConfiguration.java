package cn.doudi.payroll.batch;

import java.time.YearMonth;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import cn.doudi.matching.CrossChecks;
import cn.doudi.payroll.MonthEndPhases;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The month-end job for one county and month. Identifying parameters: {@code county}, {@code month},
 * {@code runRevision} (from the payroll_run table, never the clock) and {@code runId}; a failed attempt
 * is restarted with the same ones, a deliberate re-run of a draft gets a new revision.
 */
@Configuration(proxyBeanMethods = false)
class MonthEndJobConfiguration {

	static final String JOB_NAME = "monthEndJob";

	@Bean
	Job monthEndJob(JobRepository jobRepository, Step crossCheckStep, Step computeLinesStep, CheckedRosters rosters) {
		return new JobBuilder(JOB_NAME, jobRepository)
			.listener(rosters)
			.validator(new DefaultJobParametersValidator(new String[] { "county", "month", "runRevision", "runId" },
					new String[0]))
			.start(crossCheckStep)
			.next(computeLinesStep)
			.build();
	}

	/** The cross-agency checks (matching) first: their open HOLD findings hold the lines computed next. */
	@Bean
	Step crossCheckStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			Tasklet crossCheckTasklet) {
		return new StepBuilder("crossCheckStep", jobRepository).tasklet(crossCheckTasklet, transactionManager).build();
	}

	@Bean
	@StepScope
	Tasklet crossCheckTasklet(CrossChecks checks, CheckedRosters rosters, MeterRegistry meters,
			@Value("#{jobParameters['runId']}") Long runId, @Value("#{jobParameters['county']}") String county,
			@Value("#{jobParameters['month']}") String month) {
		return (contribution, chunkContext) -> {
			return MonthEndPhases.time(meters, MonthEndPhases.CHECKS, () -> {
				checks.check(county, YearMonth.parse(month), runId, roster -> rosters.offer(runId, roster));
				return RepeatStatus.FINISHED;
			});
		};
	}

	@Bean
	Step computeLinesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ComputeLinesTasklet computeLinesTasklet) {
		return new StepBuilder("computeLinesStep", jobRepository).tasklet(computeLinesTasklet, transactionManager)
			.build();
	}

	@Bean
	@StepScope
	ComputeLinesTasklet computeLinesTasklet(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			MonthInputsLoader loader, PaymentLineStore store, RunFindingStore findings,
			OverpaymentStore overpayments, MeterRegistry meters,
			@Value("#{jobParameters['runId']}") Long runId, @Value("#{jobParameters['county']}") String county,
			@Value("#{jobParameters['month']}") String month) {
		return new ComputeLinesTasklet(jobRepository, transactionManager, loader, store, findings, overpayments, meters, runId, county, YearMonth.parse(month));
	}
}
