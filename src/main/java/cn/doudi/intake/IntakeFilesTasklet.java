package cn.doudi.intake;

import java.io.IOException;
import java.util.Optional;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import cn.doudi.intake.folder.FeedFolder;

/**
 * One claimed file per call ({@link FileIntake}), until the poll has none left; the feed's folder stays
 * open (one SFTP session) for the whole step. The intake's file is read again when the step starts: what
 * it says now is what runs.
 */
class IntakeFilesTasklet implements Tasklet {

	private final String feed;
	private final long poll;
	private final IntakeFiles files;
	private final FeedFolders folders;
	private final Claims claims;
	private final FileIntake fileIntake;
	private Intake intake;
	private FeedFolder folder;

	IntakeFilesTasklet(String feed, long poll, IntakeFiles files, FeedFolders folders, Claims claims, FileIntake fileIntake) {
		this.feed = feed;
		this.poll = poll;
		this.files = files;
		this.folders = folders;
		this.claims = claims;
		this.fileIntake = fileIntake;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		Optional<Claims.Claim> next = claims.nextOpen(feed, poll);
		if (next.isEmpty()) {
			close();
			return RepeatStatus.FINISHED;
		}
		try {
			if (folder == null) {
				intake = files.require(feed);
				folder = folders.open(intake);
			}
			String status = fileIntake.take(intake, folder, next.get(), folders.staging(intake));
			contribution.incrementReadCount();
			switch (status) {
				case "COMMITTED" -> contribution.incrementWriteCount(1);
				case "DUPLICATE" -> contribution.incrementFilterCount(1);
				default -> contribution.incrementProcessSkipCount();
			}
			return RepeatStatus.CONTINUABLE;
		}
		catch (IOException | RuntimeException e) {
			close();
			throw e;
		}
	}

	private void close() throws IOException {
		if (folder != null) {
			FeedFolder f = folder;
			folder = null;
			f.close();
		}
	}
}
