package cn.doudi.intake;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.doudi.scheduling.CronJobs;
import cn.doudi.security.AccessControl;
import cn.doudi.security.Permission;
import cn.doudi.security.User;

/**
 * The intake façade (the command line's {@code intake list|run}, {@code serve}'s start-up, and the console's
 * 自动接收 page): the feeds of {@code jobs/intake/*.yml}, checked and listed with their next firings and
 * last poll; one poll now; the files a feed took in; and the Quartz triggers kept in step with the files
 * (group {@value #GROUP}, in the clustered JDBC store the schedules use).
 */
@Service
public class Intakes {

	static final String GROUP = "intake";
	private static final Logger log = LoggerFactory.getLogger(Intakes.class);

	/** A feed, what keeps it from working ({@code problems}, empty when none found), its next firings and last poll. */
	public record Listed(Intake intake, List<String> problems, List<ZonedDateTime> next, Instant lastPollAt,
			String lastPollResult) {
	}

	/** Every usable feed, and one message per broken intake file (naming the file and the key). */
	public record Listing(List<Listed> intakes, List<String> broken) {
	}

	private final IntakeFiles files;
	private final IntakePolls polls;
	private final Claims claims;
	private final FeedFolders folders;
	private final AccessControl access;
	private final CronJobs cronJobs;

	Intakes(IntakeFiles files, IntakePolls polls, Claims claims, FeedFolders folders, AccessControl access,
			CronJobs cronJobs) {
		this.files = files;
		this.polls = polls;
		this.claims = claims;
		this.folders = folders;
		this.access = access;
		this.cronJobs = cronJobs;
	}

	/** Every feed, checked, with its next {@code count} firings after {@code from} (none when disabled). */
	public Listing list(ZonedDateTime from, int count) {
		IntakeFiles.Loaded loaded = files.load();
		List<Listed> out = new ArrayList<>();
		for (Intake i : loaded.intakes()) {
			List<String> problems = new ArrayList<>();
			String folder = folders.check(i);
			if (folder != null) {
				problems.add(folder);
			}
			String user = checkUser(i);
			if (user != null) {
				problems.add(user);
			}
			var last = claims.lastPoll(i.name());
			out.add(new Listed(i, problems, i.enabled() ? CronJobs.next(i.cron(), i.timeZone(), from, count) : List.of(),
					last.map(Claims.LastPoll::at).orElse(null), last.map(Claims.LastPoll::result).orElse(null)));
		}
		return new Listing(out, List.copyOf(loaded.broken().values()));
	}

	/** Polls one feed now, in this process (also a disabled one); throws {@link IntakeException} for a missing or broken file. */
	public PollReport runNow(String name) {
		return polls.poll(files.require(name), "hand");
	}

	/** The files {@code feed} took in, newest first. */
	public List<ReceivedFile> received(String feed, int limit) {
		return claims.recent(feed, limit);
	}

	/**
	 * The error report of file {@code fileId} of {@code feed} on this machine (a local folder's feed), when there
	 * is one and it is still there; empty otherwise (an SFTP feed's reports stay on the agency's server, beside
	 * the file). Never a path outside the feed's archive.
	 */
	public java.util.Optional<java.nio.file.Path> localReport(String feed, long fileId) {
		Intake intake = files.load().intakes().stream().filter(i -> i.name().equals(feed)).findFirst().orElse(null);
		if (intake == null || !(intake.location() instanceof Intake.Folder folder)) {
			return java.util.Optional.empty();
		}
		return claims.recent(feed, Integer.MAX_VALUE)
			.stream()
			.filter(f -> f.id() == fileId && f.report() != null)
			.map(f -> folder.archive().resolve(f.report()).normalize())
			.filter(p -> p.startsWith(folder.archive().normalize()) && java.nio.file.Files.isRegularFile(p))
			.findFirst();
	}

	/**
	 * Brings Quartz's intake triggers in step with the files: each enabled feed fires on its cron; removed
	 * and disabled feeds stop. A broken file stops only its own feed: its trigger is left as it was (its
	 * firings read the file again and do nothing until it is mended). Returns the listing's broken files.
	 */
	public List<String> synchronise() {
		IntakeFiles.Loaded loaded = files.load();
		List<CronJobs.Wanted> wanted = loaded.intakes()
			.stream()
			.filter(Intake::enabled)
			.map(i -> new CronJobs.Wanted(i.name(), i.cron(), i.timeZone(), IntakeTask.class, Map.of(IntakeTask.FEED, i.name()),
					"intake " + i.source().code() + " from " + i.location().describe()))
			.toList();
		List<String> names = cronJobs.synchronise(GROUP, wanted, loaded.broken().keySet());
		log.info("intakes scheduled from {}: {}{}", files.folder(), names,
				loaded.broken().isEmpty() ? "" : "; broken, left as they were: " + loaded.broken().keySet());
		return List.copyOf(loaded.broken().values());
	}

	private String checkUser(Intake i) {
		User user = access.find(i.user()).orElse(null);
		if (user == null) {
			return "用户 " + i.user() + " 不存在（doudi users add --name=" + i.user() + " --role=OPERATOR）";
		}
		if (!Permission.IMPORT_ROSTERS.heldBy(user.role())) {
			return "用户 " + i.user() + "（" + user.role() + "）无权导入名册（应为 OPERATOR）";
		}
		return null;
	}
}
