package cn.doudi.ingest;

import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads an import's progress from the job repository (the Batch tables in PostgreSQL), where the import's
 * stage step commits it as it reads ({@code ingest.batch.ProgressMeter}): so every process sharing the
 * database — the command line running the import, any {@code serve} — sees the same numbers, and a restart
 * of {@code serve} loses nothing. Imports run one at a time across processes, so "the running import" is
 * one import.
 */
@Component
public class ImportProgresses {

	static final String JOB = "rosterImportJob";
	static final String STAGE_STEP = "rosterImportStageStep";

	private final JdbcTemplate jdbc;
	private final JobRepository repository;

	ImportProgresses(JdbcTemplate jdbc, JobRepository repository) {
		this.jdbc = jdbc;
		this.repository = repository;
	}

	/** The import running now, in any process, if any. */
	public Optional<ImportProgress> running() {
		return latest("and je.status in ('STARTING', 'STARTED')", List.of());
	}

	/** The latest job execution of an import (its progress, or how it ended). */
	public Optional<ImportProgress> ofImport(long importId) {
		return latest("and p.parameter_value = ?", List.of(Long.toString(importId)));
	}

	private Optional<ImportProgress> latest(String where, List<Object> args) {
		List<Long> ids = jdbc.queryForList("""
				select je.job_execution_id
				from batch_job_execution je
				join batch_job_instance ji on ji.job_instance_id = je.job_instance_id
				join batch_job_execution_params p on p.job_execution_id = je.job_execution_id and p.parameter_name = 'importId'
				where ji.job_name = ? %s
				order by je.job_execution_id desc limit 1
				""".formatted(where), Long.class, concat(JOB, args));
		if (ids.isEmpty()) {
			return Optional.empty();
		}
		JobExecution execution = repository.getJobExecution(ids.get(0));
		if (execution == null) {
			return Optional.empty();
		}
		Long importId = execution.getJobParameters().getLong("importId");
		String source = execution.getJobParameters().getString("source");
		ExecutionContext context = execution.getStepExecutions()
			.stream()
			.filter(s -> s.getStepName().equals(STAGE_STEP))
			.reduce((a, b) -> b)
			.map(StepExecution::getExecutionContext)
			.orElseGet(ExecutionContext::new);
		String user = importId == null ? null
				: jdbc.queryForList("select imported_by from import_batch where id = ?", String.class, importId)
					.stream()
					.findFirst()
					.orElse(null);
		return Optional.of(new ImportProgress(importId == null ? 0 : importId, source, user, context.getString("doudi.file", ""),
				execution.getStatus().name(), context.getLong("doudi.rowsRead", 0), context.getLong("doudi.rowsRejected", 0),
				context.getLong("doudi.bytesRead", 0), context.getLong("doudi.bytesTotal", 0)));
	}

	private static Object[] concat(Object first, List<Object> rest) {
		Object[] all = new Object[rest.size() + 1];
		all[0] = first;
		for (int i = 0; i < rest.size(); i++) {
			all[i + 1] = rest.get(i);
		}
		return all;
	}
}
