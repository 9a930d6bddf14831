package cn.doudi.payroll.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.time.YearMonth;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.doudi.ingest.Regions;
import cn.doudi.payroll.MonthEndFiles;

/**
 * Computes the month of several counties at once: starts (or restarts) the partitioned job
 * {@code monthEndCountiesJob} for the runs the caller prepared under their counties' locks, and says, county
 * by county, whether its lines are computed — a county whose partition failed, or that no worker finished
 * within {@code doudi.workers.timeout}, is named with the reason and the others are unaffected. Whether a
 * county is computed is read from its own month-end job ({@link MonthEndJobLauncher#completed}), the unit of
 * restart: a partition run twice finds it complete. Each partition also writes its county's files into the
 * month's folder and records them: a county whose files this process cannot find there (a worker writing to a
 * folder that is not shared) is named too.
 */
@Component
public class CountyPartitions {

	private static final Logger log = LoggerFactory.getLogger(CountyPartitions.class);

	private final JobOperator jobOperator;
	private final JobRepository jobRepository;
	private final Job job;
	private final MonthEndJobLauncher launcher;
	private final Regions regions;
	private final Duration timeout;
	private final MonthEndFiles files;

	CountyPartitions(JobOperator jobOperator, JobRepository jobRepository,
			@Qualifier("monthEndCountiesJob") Job job, MonthEndJobLauncher launcher, Regions regions,
			@Value("${doudi.workers.timeout:2h}") Duration timeout, MonthEndFiles files) {
		this.files = files;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.job = job;
		this.launcher = launcher;
		this.regions = regions;
		this.timeout = timeout;
	}

	/**
	 * What the partitions did: in county order, each county that was not computed (or whose files are not in
	 * the folder) with the reason, in Chinese, naming the county, empty when all were; and the warnings of the
	 * counties' files, output by output ({@link MonthEndFiles#writeCounty}), county by county in code order.
	 */
	public record Outcome(Map<String, String> failed, List<String> warnings) {
	}

	/**
	 * Runs the counties' partitions (the caller holds their locks): each computes its county and writes the
	 * county's files into {@code folder}. {@code threads}: the in-process pool's size (0: {@code
	 * doudi.workers.threads}, or the cores).
	 */
	public Outcome compute(YearMonth month, List<CountyRun> runs, Path folder, int threads) {
		Map<String, String> failed = new LinkedHashMap<>();
		if (runs.isEmpty()) {
			return new Outcome(failed, List.of());
		}
		Path out = folder.toAbsolutePath().normalize();
		JobParameters params = new JobParametersBuilder().addString("month", month.toString())
			.addString("runs", CountyRun.encode(runs))
			.addString("out", out.toString())
			.addLong("threads", (long) threads, false)
			.toJobParameters();
		recoverLeftovers(params);
		JobExecution execution = null;
		String failure = null;
		try {
			execution = jobOperator.start(job, params);
		}
		catch (JobInstanceAlreadyCompleteException e) {
			// every county's partition completed before (a month-end killed after its partitions): nothing to run
		}
		catch (Exception e) {
			failure = e.getMessage();
			log.error("{}: the counties' month-end job could not start", month, e);
		}
		Map<String, StepExecution> partitions = new LinkedHashMap<>();
		if (execution != null) {
			JobExecution fresh = jobRepository.getJobExecution(execution.getId());
			for (StepExecution step : (fresh != null ? fresh : execution).getStepExecutions()) {
				partitions.put(step.getStepName(), step);
			}
		}
		Map<String, String> names = regions.names();
		for (CountyRun run : runs) {
			if (launcher.completed(run.runId(), run.county(), month, run.revision())) {
				continue;
			}
			StepExecution partition = partitions.get(CountyPartitionsConfiguration.WORKER_STEP + ":"
					+ CountyPartitioner.name(run.county()));
			String county = describe(run.county(), names);
			String reason;
			StepExecution manager = partitions.get(CountyPartitionsConfiguration.MANAGER_STEP);
			String managerFailure = manager == null ? "" : manager.getExitStatus().getExitDescription();
			if (partition != null && partition.getStatus().isRunning() && !managerFailure.contains("TimeoutException")) {
				// the partition was never taken on (e.g. the broker could not be reached): said as it is
				reason = county + " " + month + " 的月结分区未能执行（"
						+ managerFailure.lines().findFirst().orElse("") + "）：本区县未计算；可重新执行 month-end 从断点继续";
				giveUp(partition);
			}
			else if (partition != null && partition.getStatus().isRunning()) {
				// no worker finished it in time: the partition is marked failed, so that a restart sends it again
				reason = county + " " + month + " 的月结分区在 " + text(timeout)
						+ "内没有工作进程完成（doudi.workers.timeout）：本区县未计算，其他区县不受影响；确认 doudi worker 在运行后重新执行 month-end";
				giveUp(partition);
			}
			else if (partition != null && !partition.getFailureExceptions().isEmpty()) {
				reason = county + " " + month + " 的月结分区失败（" + root(partition.getFailureExceptions().get(0))
						+ "）：可重新执行 month-end 从断点继续";
			}
			else if (partition != null && !partition.getExitStatus().getExitDescription().isBlank()) {
				// read back from the job repository (a remote worker's failure): the first line of its description
				reason = county + " " + month + " 的月结分区失败（"
						+ partition.getExitStatus().getExitDescription().lines().findFirst().orElse("")
						+ "）：可重新执行 month-end 从断点继续";
			}
			else {
				reason = county + " " + month + " 月结作业失败" + (failure != null ? "（" + failure + "）" : "")
						+ "：可重新执行 month-end 从断点继续";
			}
			failed.put(run.county(), reason);
		}
		return new Outcome(failed, filesOf(runs, params, out, names, failed));
	}

	/**
	 * The county's files each computed county's partition (the last that completed, maybe in an earlier
	 * execution) wrote: a county whose files are not in the folder (a worker that writes to a folder of its
	 * own) joins {@code failed}; the warnings of the others, output by output, county by county.
	 */
	private List<String> filesOf(List<CountyRun> runs, JobParameters params, Path out, Map<String, String> names,
			Map<String, String> failed) {
		JobInstance instance = jobRepository.getJobInstance(job.getName(), params);
		List<List<String>> warnings = new ArrayList<>();
		for (int i = 0; i < files.outputs(); i++) {
			warnings.add(new ArrayList<>());
		}
		for (CountyRun run : runs) {
			if (failed.containsKey(run.county())) {
				continue;
			}
			StepExecution partition = instance == null ? null : jobRepository.getLastStepExecution(instance,
					CountyPartitionsConfiguration.WORKER_STEP + ":" + CountyPartitioner.name(run.county()));
			ExecutionContext context = partition == null ? new ExecutionContext() : partition.getExecutionContext();
			String county = describe(run.county(), names);
			if (partition != null && partition.getStatus() != BatchStatus.COMPLETED) {
				// computed, but its files could not be written (a line without a valid bank account, a full disk, …)
				failed.put(run.county(), county + " 的月结文件未能写出（"
						+ partition.getExitStatus().getExitDescription().lines().findFirst().orElse("") + "）");
				continue;
			}
			if (!context.containsKey(CountyMonthEndStep.FILES)) {
				failed.put(run.county(), county + " 的月结分区没有记下写出的文件（" + out + "）：本区县未完成；可重新执行 month-end");
				continue;
			}
			String missing = lines(context.getString(CountyMonthEndStep.FILES)).stream()
				.filter(f -> !Files.exists(out.resolve(f)))
				.findFirst()
				.orElse(null);
			if (missing != null) {
				String worker = context.containsKey(CountyMonthEndStep.WORKER)
						? "工作进程 " + context.getString(CountyMonthEndStep.WORKER) : "工作进程";
				failed.put(run.county(), county + " 的文件由" + worker + "写出，但本机在输出目录 " + out + " 中找不到 " + missing
						+ "：工作进程写不到输出目录，--out 是否为各工作进程在同一路径可达的共享目录？本区县未完成");
				continue;
			}
			for (int i = 0; i < warnings.size(); i++) {
				warnings.get(i).addAll(lines(context.getString(CountyMonthEndStep.WARNINGS + i, "")));
			}
		}
		return warnings.stream().flatMap(List::stream).toList();
	}

	private static List<String> lines(String joined) {
		return joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
	}

	/**
	 * A STARTED execution of the same counties' runs, while the caller holds their locks, was left by a killed
	 * manager: marked failed (Batch's recover) so that the same job instance restarts from its partitions.
	 */
	private void recoverLeftovers(JobParameters params) {
		for (JobExecution stale : jobRepository.findRunningJobExecutions(job.getName())) {
			// the same counties' runs, whatever the folder (a killed month-end run again into another folder)
			if (params.getString("month").equals(stale.getJobParameters().getString("month"))
					&& params.getString("runs").equals(stale.getJobParameters().getString("runs"))) {
				log.warn("marking the counties' month-end execution {} left running by a killed process as failed",
						stale.getId());
				try {
					jobOperator.recover(stale);
				}
				catch (RuntimeException e) {
					log.warn("recovering execution {}: {}", stale.getId(), e.getMessage());
				}
			}
		}
	}

	private void giveUp(StepExecution partition) {
		partition.setStatus(BatchStatus.FAILED);
		partition.setExitStatus(ExitStatus.FAILED.addExitDescription("no worker finished the partition within "
				+ timeout));
		partition.setEndTime(LocalDateTime.now());
		try {
			jobRepository.update(partition);
		}
		catch (RuntimeException e) {
			// a worker updated it meanwhile (it is alive after all): its own outcome stands
			log.warn("partition {}: {}", partition.getStepName(), e.getMessage());
		}
	}

	static String describe(String county, Map<String, String> names) {
		String name = names.get(county);
		return name == null ? "区县 " + county : "区县 " + name + "（" + county + "）";
	}

	static String text(Duration d) {
		if (d.toMillis() % 3_600_000 == 0) {
			return d.toHours() + " 小时";
		}
		if (d.toMillis() % 60_000 == 0) {
			return d.toMinutes() + " 分钟";
		}
		return d.toMillis() % 1000 == 0 ? d.toSeconds() + " 秒" : d.toMillis() + " 毫秒";
	}

	private static String root(Throwable t) {
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
	}

}
