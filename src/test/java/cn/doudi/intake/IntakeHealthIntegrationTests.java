package cn.doudi.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The health contributor {@code feeds} ({@code /actuator/health/intake}): each enabled feed's source — a
 * local folder that exists, an SFTP server that answers — DOWN naming the feed that cannot work; a
 * disabled feed counts for nothing.
 */
class IntakeHealthIntegrationTests extends IntakeTestSupport {

	static final String PASSWORD_VARIABLE = "DOUDI_TEST_HEALTH_SFTP_PASSWORD";

	@Autowired
	IntakeHealthIndicator health;

	@TempDir
	Path exchange;

	@AfterEach
	void forgetThePassword() {
		System.clearProperty(PASSWORD_VARIABLE);
	}

	void localFeed(String name, Path folder, boolean enabled) throws Exception {
		feed(name, """
				source: deaths
				folder: %s
				files: ["死亡*.csv"]
				complete: marker
				cron: "0 0 2 * * ?"
				user: intake-gongan
				enabled: %s
				""".formatted(folder, enabled));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> feedOf(Health h, String name) {
		return (Map<String, Object>) ((Map<String, Object>) h.getDetails().get("feeds")).get(name);
	}

	@Test
	void aLocalFeedIsUpWhileItsFolderIsThereAndDownNamedWhenItIsGone() throws Exception {
		Path inbox = Files.createDirectories(exchange.resolve("gongan"));
		localFeed("deaths", inbox, true);
		localFeed("old-deaths", exchange.resolve("nowhere"), false);
		Health up = health.health();
		assertThat(up.getStatus()).isEqualTo(Status.UP);
		assertThat(feedOf(up, "deaths")).containsEntry("status", "UP").containsEntry("source", "deaths");
		assertThat(feedOf(up, "old-deaths")).containsEntry("status", "DISABLED");

		Files.delete(inbox);
		Health down = health.health();
		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		assertThat(down.getDetails().get("reason")).isEqualTo("接收通道不可用：deaths");
		assertThat((String) feedOf(down, "deaths").get("reason")).contains(inbox.toString(), "不存在");
	}

	@Test
	void anSftpFeedWhoseServerDoesNotAnswerIsDownNamed() throws Exception {
		int closedPort;
		try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = s.getLocalPort();
		}
		System.setProperty(PASSWORD_VARIABLE, "secret-1"); // the secret is set: only the server is missing
		feed("disability", """
				source: disability
				sftp:
				  host: 127.0.0.1
				  port: %d
				  user: minzheng
				  folder: /outbox
				  password-env: %s
				  host-key: "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
				files: ["残疾人*.csv"]
				complete: stable
				cron: "0 0 2 * * ?"
				user: intake-canlian
				""".formatted(closedPort, PASSWORD_VARIABLE));
		Health h = health.health();
		assertThat(h.getStatus()).isEqualTo(Status.DOWN);
		assertThat(h.getDetails().get("reason")).isEqualTo("接收通道不可用：disability");
		assertThat((String) feedOf(h, "disability").get("reason")).contains("SFTP 服务器 127.0.0.1:" + closedPort, "无法连接");

		try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			feed("disability", Files.readString(JOBS.resolve("intake").resolve("disability.yml"))
				.replace("port: " + closedPort, "port: " + listening.getLocalPort()));
			assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		}
	}
}
