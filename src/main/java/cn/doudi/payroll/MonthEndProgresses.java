package cn.doudi.payroll;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.doudi.payroll.batch.MonthEndJobLauncher;

/**
 * Reads a month-end's progress from the job repository (the Batch tables in PostgreSQL), where the job
 * commits it as it goes: the county's job execution (its parameters say which county of how many), its
 * running step, the lines its {@code computeLinesStep} has written (committed in a transaction of its own
 * every thousand lines), and, once the job completed, the run's status (RUNNING while the files are
 * written). Never from memory: every process sharing the database sees the same.
 */
@Component
public class MonthEndProgresses {

	private final JdbcTemplate jdbc;
	private final JobRepository repository;

	MonthEndProgresses(JdbcTemplate jdbc, JobRepository repository) {
		this.jdbc = jdbc;
		this.repository = repository;
	}

	/** The latest month-end job of the month, of any county. */
	public Optional<MonthEndProgress> latest(YearMonth month) {
		return latest(null, month);
	}

	/** The latest month-end job of the county and month (null county: any). */
	public Optional<MonthEndProgress> latest(String county, YearMonth month) {
		List<Long> ids = jdbc.queryForList("""
				select je.job_execution_id
				from batch_job_execution je
				join batch_job_instance ji on ji.job_instance_id = je.job_instance_id
				join batch_job_execution_params m on m.job_execution_id = je.job_execution_id
				  and m.parameter_name = 'month' and m.parameter_value = ?
				join batch_job_execution_params c on c.job_execution_id = je.job_execution_id
				  and c.parameter_name = 'county' and (c.parameter_value = ? or cast(? as varchar) is null)
				where ji.job_name = 'monthEndJob'
				order by je.job_execution_id desc limit 1
				""", Long.class, month.toString(), county, county);
		if (ids.isEmpty()) {
			return Optional.empty();
		}
		JobExecution execution = repository.getJobExecution(ids.get(0));
		return execution == null ? Optional.empty() : Optional.of(of(execution, month));
	}

	private MonthEndProgress of(JobExecution execution, YearMonth month) {
		var params = execution.getJobParameters();
		Long no = params.getLong(MonthEndJobLauncher.COUNTY_NO);
		Long count = params.getLong(MonthEndJobLauncher.COUNTY_COUNT);
		Long runId = params.getLong("runId");
		StepExecution lines = execution.getStepExecutions()
			.stream()
			.filter(s -> s.getStepName().equals("computeLinesStep"))
			.reduce((a, b) -> b)
			.orElse(null);
		long written = lines == null ? 0 : lines.getExecutionContext().getLong("doudi.linesWritten", 0);
		long total = lines == null ? 0 : lines.getExecutionContext().getLong("doudi.linesTotal", 0);
		MonthEndProgress.Step step;
		Instant ended = instant(execution.getEndTime());
		BatchStatus status = execution.getStatus();
		if (status == BatchStatus.COMPLETED) {
			String run = runId == null ? null
					: jdbc.queryForList("select status from payroll_run where id = ?", String.class, runId)
						.stream()
						.findFirst()
						.orElse(null);
			step = RunStatus.RUNNING.name().equals(run) ? MonthEndProgress.Step.FILES
					: RunStatus.FAILED.name().equals(run) ? MonthEndProgress.Step.FAILED : MonthEndProgress.Step.DONE;
			if (step == MonthEndProgress.Step.FILES) {
				ended = null;
			}
			if (step == MonthEndProgress.Step.DONE && lines != null) {
				written = lines.getWriteCount();
				total = written;
			}
		}
		else if (status.isRunning()) {
			step = lines == null ? MonthEndProgress.Step.CHECKS : MonthEndProgress.Step.LINES;
		}
		else {
			step = MonthEndProgress.Step.FAILED;
		}
		return new MonthEndProgress(runId == null ? 0 : runId, params.getString("county"), month, no == null ? 1 : no.intValue(),
				count == null ? 1 : count.intValue(), step, written, total, instant(execution.getStartTime()), ended);
	}

	/** Batch records its times as the local date-time of the process that wrote them. */
	private static Instant instant(LocalDateTime time) {
		return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant();
	}
}
