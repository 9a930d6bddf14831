package cn.doudi.ingest.batch;

import javax.sql.DataSource;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import cn.doudi.ingest.PaymentHistory;

/**
 * {@code rosterImportJob}: identified by {@code source} and {@code contentHash} (never the clock), so
 * the same content is one job instance; {@code importId} (not identifying) names the STAGING import.
 * {@code rosterImportStageStep} then {@code rosterImportSwapStep}; a stage that ends REJECTED fails the job, so
 * that the same file can be tried again (e.g. with accept-valid-rows) as a restart of the instance.
 * Both steps re-run on a restart: each launch stages afresh under its own import.
 */
@Configuration(proxyBeanMethods = false)
class RosterImportJobConfiguration {

	static final String SOURCE = "source";
	static final String CONTENT_HASH = "contentHash";
	static final String IMPORT_ID = "importId";

	@Bean
	Job rosterImportJob(JobRepository jobRepository, Step rosterImportStageStep, Step rosterImportSwapStep) {
		return new JobBuilder("rosterImportJob", jobRepository)
			.validator(new DefaultJobParametersValidator(new String[] { SOURCE, CONTENT_HASH, IMPORT_ID }, new String[0]))
			.start(rosterImportStageStep)
			.on(StageRowsTasklet.REJECTED.getExitCode())
			.fail()
			.from(rosterImportStageStep)
			.on("FAILED")
			.fail()
			.from(rosterImportStageStep)
			.on("COMPLETED")
			.to(rosterImportSwapStep)
			.end()
			.build();
	}

	@Bean
	Step rosterImportStageStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, DataSource dataSource,
			JdbcTemplate jdbc, ImportWorkRegistry registry, ImportBatches batches, ErrorReports reports,
			PaymentHistory payments) {
		return new StepBuilder("rosterImportStageStep", jobRepository)
			.tasklet(new StageRowsTasklet(dataSource, jdbc, registry, batches, reports, payments, jobRepository,
					transactionManager), transactionManager)
			.allowStartIfComplete(true)
			.build();
	}

	@Bean
	Step rosterImportSwapStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
			ImportWorkRegistry registry, ImportBatches batches) {
		return new StepBuilder("rosterImportSwapStep", jobRepository)
			.tasklet(new SwapSnapshotTasklet(jdbc, registry, batches), transactionManager)
			.allowStartIfComplete(true)
			.build();
	}
}
