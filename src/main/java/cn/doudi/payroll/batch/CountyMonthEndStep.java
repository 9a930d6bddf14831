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
 * doudi.workers.heartbeat}), so a remote manager sees a worker that died ({@link LostWorkers}). In a {@code doudi worker} it also records, in the
 * partition's ExecutionContext, the worker ({@value #WORKER}: pid@host), the peak of its heap pools while it ran
 * ({@value #PEAK_HEAP}, bytes; as {@code bench} measures it) and, for the bench's workers ({@code
 * doudi.workers.measure-heap}), the live heap after a full collection before it ({@value #LIVE_HEAP_BEFORE}), also
 * logged: {@code bench month-end --workers=W}
 * reads them from the job repository.
 */
class CountyMonthEndStep extends AbstractStep {

	private static final Logger log = LoggerFactory.getLogger(CountyMonthEndStep.class);

	/** The partition's ExecutionContext keys written by a {@code doudi worker}. */
	static final String PEAK_HEAP = "peakHeapBytes";

	/**
	 * With {@code doudi.workers.measure-heap} (the bench's workers): the heap in use after a full collection just
	 * before the partition started, bytes — what the worker still holds of the partitions it ran before.
	 */
	static final String LIVE_HEAP_BEFORE = "liveHeapBeforeBytes";

	/** With {@code doudi.workers.measure-heap}: how long that collection took, ms (the bench leaves it out of the partition's time). */
	static final String HEAP_COLLECTION_MS = "heapCollectionMs";

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
	/** {@code doudi.workers.measure-heap}: a full collection before each partition of a worker (bench only). */
	private final boolean measureHeap;

	CountyMonthEndStep(String name, JobRepository repository, MonthEndJobLauncher launcher, MonthEndFiles files,
			RunReader runs, Duration heartbeat, boolean worker, int configuredThreads, boolean measureHeap) {
		super(repository);
		setName(name);
		this.launcher = launcher;
		this.files = files;
		this.runs = runs;
		this.heartbeat = heartbeat;
		this.worker = worker;
		this.configuredThreads = configuredThreads;
		this.measureHeap = measureHeap;
	}

	@Override
	protected void doExecute(StepExecution partition) {
		ExecutionContext context = partition.getExecutionContext();
		String county = context.getString(CountyPartitioner.COUNTY);
		YearMonth month = YearMonth.parse(context.getString(CountyPartitioner.MONTH));
		long runId = context.getLong(CountyPartitioner.RUN_ID);
		int revision = context.getInt(CountyPartitioner.RUN_REVISION);
		JobExecution manager = getJobRepository().getJobExecution(partition.getJobExecutionId());
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
				if (measureHeap) {
					// the bench's workers: the peak measured from the live heap, and the live heap recorded
					long collecting = System.nanoTime();
					System.gc();
					context.putLong(HEAP_COLLECTION_MS, (System.nanoTime() - collecting) / 1_000_000);
					context.putLong(LIVE_HEAP_BEFORE, heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum());
				}
				heap.forEach(MemoryPoolMXBean::resetPeakUsage);
			}
			// only a worker's partitions beat: a manager's LostWorkers reads the beats; a partition running in the
			// manager's own process dies with it (its beats were a commit to the job repository every heartbeat, read
			// by nobody)
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
			if (worker) {
				long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
				context.putLong(PEAK_HEAP, peak);
				context.putString(WORKER, ManagementFactory.getRuntimeMXBean().getName());
				if (context.containsKey(LIVE_HEAP_BEFORE)) {
					log.info("区县 {} {} 月结分区完成（本工作进程堆峰值 {} MiB；开始前完全回收后 {} MiB）", county, month, peak >> 20,
							context.getLong(LIVE_HEAP_BEFORE) >> 20);
				}
				else {
					log.info("区县 {} {} 月结分区完成（本工作进程堆峰值 {} MiB）", county, month, peak >> 20);
				}
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

	private static List<MemoryPoolMXBean> heapPools() {
		return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
	}
}
