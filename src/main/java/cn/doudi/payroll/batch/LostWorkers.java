package cn.doudi.payroll.batch;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The remote manager step's watch over its workers (a listener of {@code countiesManagerStep}, alongside Batch's own
 * poller of the job repository): a county's partition a worker has started ({@code STARTED}) whose step execution has
 * not moved ({@link PartitionHeartbeat}: its version) for {@code doudi.workers.heartbeat-timeout}, by this process's
 * clock, is marked {@code FAILED} with the reason in Chinese — the worker died (kill -9, a machine lost) or lost the
 * database. Batch's poller then sees the partition finished, the manager step fails, and {@code month-end} names the
 * county; the next {@code month-end} restarts it. A partition still waiting in the queue ({@code STARTING}) is
 * left to {@code doudi.workers.timeout}. Version moves are compared, not timestamps: the workers' clocks do not matter.
 */
final class LostWorkers implements StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(LostWorkers.class);

	private final JobRepository repository;
	private final Duration timeout;
	private final Duration every;
	private final Map<Long, Seen> seen = new HashMap<>();
	private ScheduledExecutorService watch;

	private record Seen(int version, long sinceNanos) {
	}

	LostWorkers(JobRepository repository, Duration timeout, Duration every) {
		this.repository = repository;
		this.timeout = timeout;
		this.every = every;
	}

	@Override
	public void beforeStep(StepExecution manager) {
		long jobExecutionId = manager.getJobExecutionId();
		watch = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "lost-workers");
			t.setDaemon(true);
			return t;
		});
		long ms = Math.max(100, every.toMillis());
		watch.scheduleWithFixedDelay(() -> {
			try {
				check(jobExecutionId, System.nanoTime());
			}
			catch (RuntimeException e) {
				log.warn("checking the partitions' heartbeats: {}", e.getMessage());
			}
		}, ms, ms, TimeUnit.MILLISECONDS);
	}

	@Override
	public ExitStatus afterStep(StepExecution manager) {
		if (watch != null) {
			watch.shutdownNow();
		}
		return null;
	}

	/** One look at the job's partitions: the ones whose beat stopped for the timeout are failed. */
	synchronized void check(long jobExecutionId, long nowNanos) {
		JobExecution job = repository.getJobExecution(jobExecutionId);
		if (job == null) {
			return;
		}
		for (StepExecution partition : job.getStepExecutions()) {
			if (!partition.getStepName().startsWith(CountyPartitionsConfiguration.WORKER_STEP + ":")
					|| partition.getStatus() != BatchStatus.STARTED) {
				seen.remove(partition.getId());
				continue;
			}
			Seen last = seen.get(partition.getId());
			if (last == null || last.version() != partition.getVersion()) {
				seen.put(partition.getId(), new Seen(partition.getVersion(), nowNanos));
			}
			else if (nowNanos - last.sinceNanos() >= timeout.toNanos()) {
				fail(partition);
				seen.remove(partition.getId());
			}
		}
	}

	private void fail(StepExecution partition) {
		String name = partition.getStepName();
		String county = name.substring(name.lastIndexOf(":c") + 2);
		String reason = "执行它的工作进程已失联：" + CountyPartitions.text(timeout)
				+ "没有心跳（doudi.workers.heartbeat-timeout），可能已被终止或与数据库断开";
		partition.setStatus(BatchStatus.FAILED);
		partition.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
		partition.setEndTime(LocalDateTime.now());
		try {
			repository.update(partition);
			log.warn("区县 {} 的月结分区：{}", county, reason);
		}
		catch (OptimisticLockingFailureException e) {
			// it beat meanwhile: alive after all
			log.info("区县 {} 的月结分区刚有心跳，未判定失联", county);
		}
	}
}
