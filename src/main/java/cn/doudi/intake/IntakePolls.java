package cn.doudi.intake;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

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

import cn.doudi.database.AdvisoryLock;
import cn.doudi.intake.folder.FeedFolder;

/**
 * One poll of a feed. It holds the feed's PostgreSQL advisory lock for the whole poll (across processes:
 * two {@code serve} processes, or {@code intake run} beside them, never take in one feed at once; the one
 * that finds the lock taken leaves the poll to the holder). Under the lock:
 * <ol>
 * <li>files still CLAIMED were left by a process that died: their poll's {@code intakeJob} is restarted
 * (its STARTED execution recovered as FAILED first), so the file is imported again — or recognised, if its
 * import had committed;</li>
 * <li>the folder is listed; the feed's files that are finished ({@code .ok}/{@code .done} marker, or size
 * and time unchanged since the last poll) are claimed under a new poll, and {@code intakeJob} runs for it.
 * A file still being written is never claimed.</li>
 * </ol>
 * A poll that finds nothing to take leaves no job instance behind (only the feed's last-poll time).
 */
@Component
class IntakePolls {

	private static final Logger log = LoggerFactory.getLogger(IntakePolls.class);

	private final DataSource dataSource;
	private final Claims claims;
	private final FeedFolders folders;
	private final JobOperator jobOperator;
	private final JobRepository jobRepository;
	private final Job job;

	IntakePolls(DataSource dataSource, Claims claims, FeedFolders folders, JobOperator jobOperator,
			JobRepository jobRepository, @Qualifier(IntakeJobConfiguration.JOB) Job job) {
		this.dataSource = dataSource;
		this.claims = claims;
		this.folders = folders;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.job = job;
	}

	PollReport poll(Intake intake, String firedBy) {
		AdvisoryLock lock;
		try {
			lock = AdvisoryLock.tryAcquire(dataSource, AdvisoryLock.INTAKE, intake.name().hashCode());
		}
		catch (SQLException e) {
			throw new IllegalStateException("无法取得接收任务 " + intake.name() + " 的锁：" + e.getMessage(), e);
		}
		if (lock == null) {
			log.info("intake {}: another process is polling it; this poll leaves it to that one", intake.name());
			return PollReport.busy(intake.name());
		}
		try (lock) {
			return pollHoldingTheLock(intake, firedBy);
		}
		catch (SQLException e) {
			throw new IllegalStateException("释放接收任务 " + intake.name() + " 的锁失败：" + e.getMessage(), e);
		}
	}

	private PollReport pollHoldingTheLock(Intake intake, String firedBy) {
		String feed = intake.name();
		List<ReceivedFile> taken = new ArrayList<>();
		for (long leftover : claims.pollsWithOpenClaims(feed)) {
			log.warn("intake {}: poll {} was left unfinished by a process that died; taking its files again", feed, leftover);
			run(feed, leftover);
			taken.addAll(claims.ofPoll(leftover));
		}
		List<FeedFolder.Entry> ready;
		List<String> waiting = new ArrayList<>();
		try (FeedFolder folder = folders.open(intake)) {
			List<FeedFolder.Entry> all = folder.list();
			Set<String> present = all.stream().map(FeedFolder.Entry::name).collect(Collectors.toSet());
			List<FeedFolder.Entry> listed = all.stream().filter(e -> intake.matches(e.name())).toList();
			ready = switch (intake.complete()) {
				case MARKER -> listed.stream().filter(e -> Intake.markersOf(e.name()).stream().anyMatch(present::contains)).toList();
				case STABLE -> claims.unchangedSinceLastPoll(feed, listed);
			};
			listed.stream().filter(e -> !ready.contains(e)).forEach(e -> waiting.add(e.name()));
		}
		catch (IOException | RuntimeException e) {
			String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
			log.warn("intake {}: cannot read {}: {}", feed, intake.location().describe(), why);
			claims.recordPoll(feed, "无法读取：" + why);
			return new PollReport(feed, false, why, List.of(), taken);
		}
		Set<String> claimed = claims.stillClaimed(feed);
		List<FeedFolder.Entry> toClaim = ready.stream().filter(e -> !claimed.contains(e.name())).toList();
		if (!toClaim.isEmpty()) {
			long poll = claims.newPoll(feed, firedBy, toClaim);
			run(feed, poll);
			taken.addAll(claims.ofPoll(poll));
		}
		PollReport report = new PollReport(feed, false, null, List.copyOf(waiting), List.copyOf(taken));
		claims.recordPoll(feed, report.summary());
		return report;
	}

	/** Runs (or, for a poll a dead process left, restarts) the poll's {@code intakeJob}. */
	private void run(String feed, long poll) {
		JobParameters parameters = new JobParametersBuilder().addString(IntakeJobConfiguration.FEED, feed)
			.addLong(IntakeJobConfiguration.POLL, poll)
			.toJobParameters();
		JobExecution last = jobRepository.getLastJobExecution(job.getName(), parameters);
		if (last != null && last.isRunning()) {
			// we hold the feed's lock: no live process runs it
			log.warn("intake {}: marking the job execution {} a killed process left running as failed", feed, last.getId());
			jobOperator.recover(last);
		}
		JobExecution execution;
		try {
			execution = jobOperator.start(job, parameters);
		}
		catch (Exception e) {
			throw new IllegalStateException("接收任务 " + feed + " 的作业无法启动：" + e.getMessage(), e);
		}
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			Throwable failure = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
			log.warn("intake {}: poll {} ended {}: {}", feed, poll, execution.getStatus(),
					failure == null ? execution.getExitStatus().getExitDescription() : failure.getMessage());
		}
	}
}
