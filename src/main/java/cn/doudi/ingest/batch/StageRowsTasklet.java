package cn.doudi.ingest.batch;

import cn.doudi.database.StepProgress;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;

import cn.doudi.ingest.PaymentHistory;
import cn.doudi.ingest.Source;

/**
 * Step 1, in the step's transaction: reads and validates every file, COPYs the valid rows under the
 * STAGING import, runs the whole-upload checks, records the rejects and writes the error reports.
 * With rejects and without accept-valid-rows (or with nothing valid at all), the staged rows are
 * dropped, the import is REJECTED and the step exits with {@code REJECTED}, which fails the job.
 */
final class StageRowsTasklet implements Tasklet {

	static final ExitStatus REJECTED = new ExitStatus("REJECTED");

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StageRowsTasklet.class);

	private final DataSource dataSource;
	private final JdbcTemplate jdbc;
	private final ImportWorkRegistry registry;
	private final ImportBatches batches;
	private final ErrorReports reports;
	private final PaymentHistory payments;
	private final JobRepository repository;
	private final PlatformTransactionManager transactionManager;

	StageRowsTasklet(DataSource dataSource, JdbcTemplate jdbc, ImportWorkRegistry registry, ImportBatches batches,
			ErrorReports reports, PaymentHistory payments, JobRepository repository,
			PlatformTransactionManager transactionManager) {
		this.repository = repository;
		this.transactionManager = transactionManager;
		this.payments = payments;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.registry = registry;
		this.batches = batches;
		this.reports = reports;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		long importId = (Long) chunkContext.getStepContext().getJobParameters().get(RosterImportJobConfiguration.IMPORT_ID);
		ImportWork work = registry.get(importId);
		Connection connection = DataSourceUtils.getConnection(dataSource);
		var copy = connection.unwrap(PGConnection.class).getCopyAPI();
		RowStager.Staged staged;
		long t0 = System.nanoTime();
		try (Rejections rejections = new Rejections(importId)) {
			StepProgress progress = new StepProgress(repository, transactionManager,
					chunkContext.getStepContext().getStepExecution(), ProgressMeter.POINT);
			staged = new RowStager(work, copy, jdbc, progress).stage(rejections);
		}
		long t1 = System.nanoTime();
		long late = !staged.wholeUploadChecksNeeded() ? 0 : switch (work.source()) {
			case BENEFICIARIES -> HouseholdHeads.apply(jdbc, importId);
			case TEMP_ASSIST -> TempAssistChecks.apply(jdbc, importId, payments);
			default -> 0;
		};
		long accepted = staged.rowsAccepted() - late;
		long rejected = staged.rowsRejected() + late;
		batches.recordCounts(importId, staged.rowsRead(), accepted, rejected, staged.counties());
		long t2 = System.nanoTime();
		List<Path> written = reports.write(importId, work.files());
		log.info("import {} ({}): {} rows read, checked and staged in {} ms (waited {} ms for the reader, {} ms for the "
				+ "server); whole-upload checks {}", importId, work.source().code(), staged.rowsRead(), (t1 - t0) / 1_000_000,
				staged.readerWaitMillis(), staged.serverWaitMillis(),
				staged.wholeUploadChecksNeeded() ? (t2 - t1) / 1_000_000 + " ms" : "not needed");
		ExecutionContext job = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
		job.putString("errorReports", String.join("\n", written.stream().map(Path::toString).toList()));
		job.putString("warnings", String.join("\n", staged.warnings()));
		contribution.incrementReadCount();
		if (rejected > 0 && !work.acceptValidRows() || accepted == 0) {
			batches.deleteStagedRows(importId, work.source());
			batches.finish(importId, "REJECTED");
			batches.audit(work.user(), singleCounty(staged.counties()), importId,
					detail(work.source(), work, staged.rowsRead(), 0, rejected, "REJECTED"));
			contribution.setExitStatus(REJECTED);
		}
		return RepeatStatus.FINISHED;
	}

	static String singleCounty(List<String> counties) {
		return counties.size() == 1 ? counties.get(0) : null;
	}

	/** The audit detail: counts and file names, never an ID or account number. */
	static String detail(Source source, ImportWork work, long read, long accepted, long rejected, String status) {
		return "source=" + source.code() + " files=" + String.join(";",
				work.files().stream().map(p -> p.getFileName().toString()).toList()) + " read=" + read + " accepted="
				+ accepted + " rejected=" + rejected + " status=" + status;
	}
}
