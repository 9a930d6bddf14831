package cn.doudi.intake;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;

/**
 * {@code intakeJob}: takes in the files one poll of one feed claimed. Identified by {@code feed} and
 * {@code poll} (the {@code intake_poll} row; never the clock), so a poll a killed process left half-done is
 * restarted as the same job instance by the next poll of the feed, and goes on with the files still
 * claimed. One step, {@code intakeFilesStep}: one file per tasklet call (read count = files, write count =
 * imported, filter count = recognised as imported before, process-skip count = refused or left for later).
 * The step runs outside a transaction of its own: each file's import is a job with its own transactions
 * ({@code rosterImportJob}), and a file's outcome is recorded once it is known.
 */
@Configuration(proxyBeanMethods = false)
class IntakeJobConfiguration {

	static final String JOB = "intakeJob";
	static final String FEED = "feed";
	static final String POLL = "poll";

	@Bean
	Job intakeJob(JobRepository jobRepository, Step intakeFilesStep) {
		return new JobBuilder(JOB, jobRepository)
			.validator(new DefaultJobParametersValidator(new String[] { FEED, POLL }, new String[0]))
			.start(intakeFilesStep)
			.build();
	}

	@Bean
	Step intakeFilesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			IntakeFilesTasklet intakeFilesTasklet) {
		return new StepBuilder("intakeFilesStep", jobRepository).tasklet(intakeFilesTasklet, transactionManager)
			.transactionAttribute(new DefaultTransactionAttribute(TransactionDefinition.PROPAGATION_NOT_SUPPORTED))
			.build();
	}

	@Bean
	@StepScope
	IntakeFilesTasklet intakeFilesTasklet(@Value("#{jobParameters['" + FEED + "']}") String feed,
			@Value("#{jobParameters['" + POLL + "']}") Long poll, IntakeFiles files, FeedFolders folders, Claims claims,
			FileIntake fileIntake) {
		return new IntakeFilesTasklet(feed, poll, files, folders, claims, fileIntake);
	}
}
