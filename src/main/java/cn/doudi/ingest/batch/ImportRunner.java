package cn.doudi.ingest.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import cn.doudi.ingest.ImportOptions;
import cn.doudi.ingest.ImportOutcome;
import cn.doudi.ingest.Source;
import cn.doudi.database.AdvisoryLock;
import cn.doudi.ingest.read.FileRejectedException;
import cn.doudi.security.AccessDeniedException;

/**
 * Runs one import: checks that the acting user may import the files ({@link ImportAccess}; nothing is
 * written for a refused import), then, under the import lock, cleans up what a killed import left, recognises content
 * already imported, opens a STAGING import and launches {@code rosterImportJob}; then reads the
 * outcome. A file that cannot be read at all ends the import REJECTED with that one problem.
 */
@Component
public class ImportRunner {

	private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

	private final JobOperator jobOperator;
	private final JobRepository jobRepository;
	private final Job job;
	private final javax.sql.DataSource dataSource;
	private final ImportBatches batches;
	private final ImportWorkRegistry registry;
	private final Outcomes outcomes;
	private final ImportAccess access;

	ImportRunner(JobOperator jobOperator, JobRepository jobRepository, @Qualifier("rosterImportJob") Job job,
			javax.sql.DataSource dataSource, ImportBatches batches, ImportWorkRegistry registry, Outcomes outcomes,
			ImportAccess access) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.job = job;
		this.dataSource = dataSource;
		this.batches = batches;
		this.registry = registry;
		this.outcomes = outcomes;
		this.access = access;
	}

	public ImportOutcome run(Source source, List<Path> files, ImportOptions options) throws IOException, SQLException {
		if (files.isEmpty()) {
			throw new IllegalArgumentException("没有给出要导入的文件");
		}
		for (Path f : files) {
			if (!Files.isRegularFile(f)) {
				throw new IllegalArgumentException("文件不存在：" + f);
			}
		}
		LocalDate today = LocalDate.now(batches.clock());
		String userCounty = access.check(source, files, options.user(), options.encoding(), today);
		String hash = ContentHash.of(files);
		// imports run one at a time across processes; holding the lock, any STAGING import is a leftover
		try (AdvisoryLock held = AdvisoryLock.acquire(dataSource, AdvisoryLock.IMPORTS, 0,
				() -> notify(options, "另一个导入正在进行，等待其完成…"))) {
			cleanUpLeftovers();
			var earlier = batches.findCommitted(source, hash);
			if (earlier.isPresent()) {
				// INPUTS.md: the same file changes nothing — but an operator going back to an older roster that
				// later uploads replaced is told so, instead of believing it is current again
				List<String> stale = SnapshotSwap.isSnapshot(source) ? batches.notCurrent(source, earlier.get()) : List.of();
				return outcomes.duplicate(earlier.get(), source, stale);
			}
			List<String> fileNames = files.stream().map(p -> p.getFileName().toString()).toList();
			String names = String.join(";", fileNames);
			long importId = batches.insertStaging(source, hash, fileNames, options.user());
			registry.put(new ImportWork(importId, source, List.copyOf(files), options.encoding(),
					options.acceptValidRows(), options.user(), userCounty, today));
			// every line the import's job logs carries the import and its source (logs' MDC)
			try (org.slf4j.MDC.MDCCloseable i = org.slf4j.MDC.putCloseable("importId", Long.toString(importId));
					org.slf4j.MDC.MDCCloseable s = org.slf4j.MDC.putCloseable("source", source.code())) {
				JobExecution execution = jobOperator.start(job, parameters(source, hash, importId, names));
				batches.setJobExecution(importId, execution.getId());
				return finish(importId, source, files, options, execution);
			}
			catch (RuntimeException e) {
				batches.finish(importId, "FAILED");
				throw e;
			}
			catch (Exception e) {
				batches.finish(importId, "FAILED");
				throw new IllegalStateException("导入无法启动：" + e.getMessage(), e);
			}
			finally {
				registry.remove(importId);
			}
		}
	}

	private ImportOutcome finish(long importId, Source source, List<Path> files, ImportOptions options,
			JobExecution execution) {
		if (execution.getStatus() == BatchStatus.COMPLETED || "REJECTED".equals(batches.get(importId).status())) {
			return outcomes.of(importId, source, execution);
		}
		Throwable failure = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
		FileRejectedException rejected = cause(failure, FileRejectedException.class);
		if (rejected != null) {
			return outcomes.fileRejected(importId, source, files, options.user(), rejected);
		}
		AccessDeniedException denied = cause(failure, AccessDeniedException.class);
		if (denied != null) {
			batches.finish(importId, "REJECTED");
			throw denied;
		}
		batches.finish(importId, "FAILED");
		log.debug("import {} failed", importId, failure);
		String why = failure == null ? execution.getExitStatus().getExitDescription() : rootMessage(failure);
		throw new IllegalStateException("导入失败：" + why, failure);
	}

	private void cleanUpLeftovers() {
		for (JobExecution stale : jobRepository.findRunningJobExecutions(job.getName())) {
			log.warn("marking the import job execution {} left running by a killed process as failed", stale.getId());
			jobOperator.recover(stale);
		}
		List<Long> ids = batches.cleanUpLeftovers();
		if (!ids.isEmpty()) {
			log.warn("cleaned up the imports {} left STAGING by a killed process", ids);
		}
	}

	private static JobParameters parameters(Source source, String hash, long importId, String names) {
		return new JobParametersBuilder().addString(RosterImportJobConfiguration.SOURCE, source.code())
			.addString(RosterImportJobConfiguration.CONTENT_HASH, hash)
			.addLong(RosterImportJobConfiguration.IMPORT_ID, importId, false)
			.addString("files", names.length() > 1000 ? names.substring(0, 1000) + "…" : names, false)
			.toJobParameters();
	}

	private static <T extends Throwable> T cause(Throwable t, Class<T> type) {
		while (t != null) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
			t = t.getCause() == t ? null : t.getCause();
		}
		return null;
	}

	private static String rootMessage(Throwable t) {
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
	}

	private static void notify(ImportOptions options, String message) {
		System.err.println(message);
	}
}
