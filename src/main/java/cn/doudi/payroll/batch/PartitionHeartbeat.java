package cn.doudi.payroll.batch;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The heartbeat of a county's partition while it runs: every {@code doudi.workers.heartbeat} the process running it
 * saves the partition's step execution again ({@link JobRepository#update(StepExecution)}: Batch's own {@code
 * LAST_UPDATED} and {@code VERSION}), as a chunk-oriented step does at each commit. The manager's {@link LostWorkers}
 * reads the version move; a worker killed with {@code kill -9} stops beating, and its partition is failed long before
 * {@code doudi.workers.timeout}. The beats stop before the step saves its outcome (one writer of the row at a time).
 */
final class PartitionHeartbeat implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PartitionHeartbeat.class);

	private static final ScheduledExecutorService BEATS = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "partition-heartbeat");
		t.setDaemon(true);
		return t;
	});

	private final JobRepository repository;
	private final StepExecution partition;
	private final String county;
	private final ScheduledFuture<?> beating;
	private boolean stopped;

	private PartitionHeartbeat(JobRepository repository, StepExecution partition, String county, Duration every) {
		this.repository = repository;
		this.partition = partition;
		this.county = county;
		long ms = Math.max(100, every.toMillis());
		this.beating = BEATS.scheduleWithFixedDelay(this::beat, ms, ms, TimeUnit.MILLISECONDS);
	}

	static PartitionHeartbeat start(JobRepository repository, StepExecution partition, String county, Duration every) {
		return new PartitionHeartbeat(repository, partition, county, every);
	}

	private synchronized void beat() {
		if (stopped) {
			return;
		}
		try {
			repository.update(partition);
		}
		catch (OptimisticLockingFailureException e) {
			// the manager declared this partition lost (no beat seen in time): its outcome is no longer ours to save
			log.warn("区县 {} 的月结分区已被主控判定为失联（心跳超时），停止心跳：{}", county, e.getMessage());
			stopped = true;
			beating.cancel(false);
		}
		catch (RuntimeException e) {
			log.warn("区县 {} 的月结分区心跳未能写入作业库：{}", county, e.getMessage());
		}
	}

	/** Stops the beats and waits for one in flight: the step may then save the partition itself. */
	@Override
	public synchronized void close() {
		stopped = true;
		beating.cancel(false);
	}
}
