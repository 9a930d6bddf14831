package cn.doudi.intake;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A feed's Quartz firing: its file is read again (what it says now is what runs; a broken or disabled file
 * does nothing and says why in the log), then one poll. One firing of a feed at a time in the cluster
 * ({@link DisallowConcurrentExecution}); created by Quartz through Spring (constructor injection).
 */
@DisallowConcurrentExecution
@Component
class IntakeTask implements Job {

	static final String FEED = "feed";
	private static final Logger log = LoggerFactory.getLogger(IntakeTask.class);

	private final IntakeFiles files;
	private final IntakePolls polls;

	IntakeTask(IntakeFiles files, IntakePolls polls) {
		this.files = files;
		this.polls = polls;
	}

	@Override
	public void execute(JobExecutionContext context) {
		String name = context.getMergedJobDataMap().getString(FEED);
		Intake intake;
		try {
			intake = files.require(name);
		}
		catch (IntakeException e) {
			log.error("intake {} not polled: {}", name, e.getMessage().replace('\n', ' '));
			return;
		}
		if (!intake.enabled()) {
			log.info("intake {} is disabled; not polled", name);
			return;
		}
		try {
			PollReport report = polls.poll(intake, "quartz");
			if (!report.files().isEmpty() || report.problem() != null) {
				log.info("intake {}: {}", name, report.summary());
			}
		}
		catch (RuntimeException e) {
			log.error("intake {}: poll failed: {}", name, e.getMessage(), e);
		}
	}
}
