package cn.doudi.intake;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/intake}: the source of each enabled feed of {@code jobs/intake/} — a local
 * exchange folder exists and can be written (files move to {@code done/}, {@code rejected/}), an SFTP
 * server answers on its port (within 3 s; its password variable set, its key readable) — and the last poll.
 * DOWN naming every feed that cannot work (and every intake file that cannot be read); disabled feeds are
 * listed and count for nothing.
 */
@Component("feedsHealthIndicator") // contributor "feeds", in the health group "intake"
class IntakeHealthIndicator extends AbstractHealthIndicator {

	static final int CONNECT_TIMEOUT_MS = 3000;

	private final IntakeFiles files;
	private final FeedFolders folders;
	private final Claims claims;

	IntakeHealthIndicator(IntakeFiles files, FeedFolders folders, Claims claims) {
		super("接收通道状态无法读取");
		this.files = files;
		this.folders = folders;
		this.claims = claims;
	}

	@Override
	protected void doHealthCheck(Health.Builder b) {
		IntakeFiles.Loaded loaded = files.load();
		Map<String, Object> feeds = new LinkedHashMap<>();
		List<String> down = new ArrayList<>();
		for (Intake i : loaded.intakes()) {
			Map<String, Object> feed = new LinkedHashMap<>();
			feed.put("source", i.source().code());
			feed.put("location", i.location().describe());
			if (!i.enabled()) {
				feed.put("status", "DISABLED");
				feeds.put(i.name(), feed);
				continue;
			}
			String problem = folders.check(i);
			if (problem == null && i.location() instanceof Intake.Sftp s) {
				problem = reachable(s.host(), s.port());
			}
			feed.put("status", problem == null ? "UP" : "DOWN");
			if (problem != null) {
				feed.put("reason", problem);
				down.add(i.name());
			}
			claims.lastPoll(i.name()).ifPresent(p -> {
				feed.put("lastPollAt", p.at().toString());
				feed.put("lastPollResult", p.result());
			});
			feeds.put(i.name(), feed);
		}
		loaded.broken().forEach((file, why) -> down.add(file));
		if (down.isEmpty()) {
			b.up();
		}
		else {
			b.down().withDetail("reason", "接收通道不可用：" + String.join("、", down));
		}
		if (!loaded.broken().isEmpty()) {
			b.withDetail("broken", loaded.broken());
		}
		b.withDetail("feeds", feeds);
	}

	/** Null when the server accepts a connection on its port; else why not. */
	static String reachable(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
			return null;
		}
		catch (IOException e) {
			return "SFTP 服务器 " + host + ":" + port + " 无法连接：" + e.getMessage();
		}
	}
}
