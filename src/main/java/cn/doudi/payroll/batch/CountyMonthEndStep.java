package cn.doudi.payroll.batch;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import cn.doudi.kernel.FailPoint;
import cn.doudi.payroll.MonthEndFiles;
import cn.doudi.payroll.MonthEndOutput;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.payroll.RunReader;

/**
 * A county's partition, wherever it runs (a thread of the manager, or a {@code doudi worker}): the county's
 * month-end job (checks, then lines) against the shared database, then the county's files (bank files,
 * notices: {@link MonthEndFiles#writeCounty}) into the month's folder, whose absolute path the partition carries
 * (for remote workers a folder every worker reaches at that path, e.g. an NFS mount) — a step that runs a job, as Batch's
 * {@code JobStep} does (outside any chunk transaction), but started or restarted through {@link
 * MonthEndJobLauncher}, so a partition run again (a worker killed, the manager restarted, a message delivered
 * twice) finds the county's job where it stopped, or complete, and writes no line twice. The county's lock
 * stays with the manager, which sent the partition only while holding it; a partition whose manager no longer
 * waits (it gave up after {@code doudi.workers.timeout}, or died) is not run.
 * <p>
 * While it runs in a {@code doudi worker}, the partition beats ({@link PartitionHeartbeat}, every {@code
 * doudi.workers.heartbeat}), so a remote manager sees a worker that died ({@link LostWorkers}); a partition in the
 * manager's own process dies with it and does not beat. Wherever it runs it records, in the partition's
 * ExecutionContext, the CPU time it cost: its JVM's ({@value #PROCESS_CPU_MS}) and its own thread's ({@value
 * #THREAD_CPU_MS}), so that {@code bench month-end} compares a line's CPU in process and in a worker on the same
 * footing. In a {@code doudi worker} it also records the worker ({@value #WORKER}: pid@host) and the peak of its heap
 * pools while it ran ({@value #PEAK_HEAP}, bytes; as {@code bench} measures it), also logged: {@code bench month-end
 * --workers=W} reads them from the job repository.
 */
class CountyMonthEndStep extends AbstractStep {

	private static final Logger log = LoggerFactory.getLogger(CountyMonthEndStep.class);

	/** The partition's ExecutionContext keys written by a {@code doudi worker}. */
	static final String PEAK_HEAP = "peakHeapBytes";

	/**
	 * The CPU time of the whole JVM while the partition ran, ms: its thread's, the notices' renderers', the
	 * collector's and the compiler's — a line's cost where one partition runs at a time (a {@code --threads=1}
	 * worker, month-end on one thread); with several at once their windows overlap.
	 */
	static final String PROCESS_CPU_MS = "processCpuMs";

	/** The CPU time of the partition's own thread, ms (its checks, lines and files, not the renderers' notices). */
	static final String THREAD_CPU_MS = "threadCpuMs";

	static final String WORKER = "worker";

	/** Partitions running in this JVM: the heap pools' peaks are reset only when the first of them starts. */
	private static final AtomicInteger RUNNING = new AtomicInteger();

	/**
	 * The partition's ExecutionContext keys of the county's files ({@link MonthEndFiles#writeCounty}): the files
	 * written, relative to the folder, one a line; and each output's warnings, one a line ({@value #WARNINGS}0, 1, …).
	 */
	static final String FILES = "files";

	static final String WARNINGS = "warnings.";

	private final MonthEndJobLauncher launcher;
	private final MonthEndFiles files;
	private final RunReader runs;
	private final Duration heartbeat;
	private final boolean worker;
	/** {@code doudi.workers.threads} (0: the cores). */
	private final int configuredThreads;

	CountyMonthEndStep(String name, JobRepository repository, MonthEndJobLauncher launcher, MonthEndFiles files,
			RunReader runs, Duration heartbeat, boolean worker, int configuredThreads) {
		super(repository);
		setName(name);
		this.launcher = launcher;
		this.files = files;
		this.runs = runs;
		this.heartbeat = heartbeat;
		this.worker = worker;
		this.configuredThreads = configuredThreads;
	}

	@Override
	protected void doExecute(StepExecution partition) {
		ExecutionContext context = partition.getExecutionContext();
		String county = context.getString(CountyPartitioner.COUNTY);
		YearMonth month = YearMonth.parse(context.getString(CountyPartitioner.MONTH));
		long runId = context.getLong(CountyPartitioner.RUN_ID);
		int revision = context.getInt(CountyPartitioner.RUN_REVISION);
		// the manager's job as the partition came with it: in a worker read from the job repository when the request
		// arrived (StepExecutionRequestHandler), in process the running job itself — not reloaded with every
		// partition's step execution and context (JobRepository.getJobExecution), a read per partition growing with
		// the counties
		JobExecution manager = partition.getJobExecution();
		if (manager == null || !manager.getStatus().isRunning()) {
			throw new IllegalStateException("区县 " + county + " " + month + " 的月结分区已无人等待（主控已结束或超时）：未执行");
		}
		try (MDC.MDCCloseable c = MDC.putCloseable("county", county);
				MDC.MDCCloseable m = MDC.putCloseable("month", month.toString())) {
			log.info("区县 {} {} 月结分区开始（第 {}/{} 个区县，发放批次编号 {}）", county, month, context.getInt(CountyPartitioner.COUNTY_NO),
					context.getInt(CountyPartitioner.COUNTY_COUNT), runId);
			boolean completed;
			List<MemoryPoolMXBean> heap = heapPools();
			if (worker && RUNNING.getAndIncrement() == 0) {
				heap.forEach(MemoryPoolMXBean::resetPeakUsage);
			}
			// only a worker's partitions beat: a manager's LostWorkers reads the beats; a partition running in the
			// manager's own process dies with it (its beats were a commit to the job repository every heartbeat, read
			// by nobody)
			Cpu cpu = Cpu.now();
			try (PartitionHeartbeat beating = worker
					? PartitionHeartbeat.start(getJobRepository(), partition, county, heartbeat) : null) {
				FailPoint.reach("partition.started." + county);
				completed = launcher.run(runId, county, month, revision, context.getInt(CountyPartitioner.COUNTY_NO),
						context.getInt(CountyPartitioner.COUNTY_COUNT));
				if (completed) {
					writeFiles(context, runId, Path.of(context.getString(CountyPartitioner.OUT)), threads(partition));
				}
			}
			catch (RuntimeException e) {
				log.error("区县 {} {} 月结分区失败", county, month, e);
				throw e;
			}
			finally {
				if (worker) {
					RUNNING.decrementAndGet();
				}
			}
			if (!completed) {
				throw new IllegalStateException("区县 " + county + " " + month + " 的月结作业失败");
			}
			cpu.since(context);
			if (worker) {
				long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
				context.putLong(PEAK_HEAP, peak);
				context.putString(WORKER, ManagementFactory.getRuntimeMXBean().getName());
				log.info("区县 {} {} 月结分区完成（本工作进程堆峰值 {} MiB）", county, month, peak >> 20);
			}
			else {
				log.info("区县 {} {} 月结分区完成", county, month);
			}
		}
	}

	/**
	 * The county's files (bank files, notices) into the month's folder, recorded in the partition's context for
	 * the manager: it checks they are where it looks and reports the warnings. Written again, byte for byte,
	 * when the partition runs again.
	 */
	private void writeFiles(ExecutionContext context, long runId, Path folder, int threads) {
		PayrollRun run = runs.run(runId).orElseThrow(() -> new IllegalStateException("run " + runId + " not found"));
		List<MonthEndOutput.CountyFiles> written = files.writeCounty(run, folder, threads);
		context.putString(FILES, String.join("\n", written.stream().flatMap(w -> w.files().stream()).toList()));
		for (int i = 0; i < written.size(); i++) {
			context.putString(WARNINGS + i, String.join("\n", written.get(i).warnings()));
		}
	}

	/**
	 * The partition's bound on its parallelism (the notices' renderers: {@link MonthEndFiles#writeCounty}): in a
	 * {@code doudi worker} its {@code --threads}; in-process the month-end's {@code --threads} (the job's
	 * non-identifying {@code threads}, as the partitions' pool), else {@code doudi.workers.threads}; 0: the cores.
	 */
	private int threads(StepExecution partition) {
		if (!worker) {
			Long threads = partition.getJobExecution().getJobParameters().getLong("threads");
			if (threads != null && threads > 0) {
				return threads.intValue();
			}
		}
		return CountyPartitionsConfiguration.threads(configuredThreads);
	}

	/** The JVM's and the current thread's CPU time at a moment, ns. */
	private record Cpu(long process, long thread) {

		static Cpu now() {
			return new Cpu(processCpuNanos(), ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
		}

		/** Records the CPU spent since this moment in the partition's context (the JVM's and the thread's). */
		void since(ExecutionContext context) {
			Cpu end = now();
			context.putLong(PROCESS_CPU_MS, (end.process() - process) / 1_000_000);
			context.putLong(THREAD_CPU_MS, (end.thread() - thread) / 1_000_000);
		}

		private static long processCpuNanos() {
			return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
					? os.getProcessCpuTime() : 0;
		}
	}

	private static List<MemoryPoolMXBean> heapPools() {
		return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
	}
}
