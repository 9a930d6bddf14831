package cn.doudi.intake;

import static cn.doudi.ingest.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.FileSystemUtils;

import cn.doudi.ingest.Fixtures;

/**
 * A feed on an agency's SFTP server: a real SSH server (Apache MINA SSHD with its SFTP subsystem, a
 * virtual file system on a temporary folder) started on 127.0.0.1 by the test, never a mock.
 */
class SftpIntakeIntegrationTests extends IntakeTestSupport {

	static SshServer server;
	static Path serverRoot;
	static String fingerprint;
	static Path clientKey;

	@Value("${doudi.home}")
	Path home;

	Path outbox;

	@BeforeAll
	static void startTheServer() throws Exception {
		serverRoot = Files.createTempDirectory("doudi-sftp-root");
		server = SshServer.setUpDefaultServer();
		server.setHost("127.0.0.1");
		server.setPort(0);
		server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(Files.createTempDirectory("doudi-sftp-key").resolve("host.ser")));
		server.setPasswordAuthenticator((user, password, session) -> "minzheng".equals(user) && SFTP_PASSWORD.equals(password));
		// the key of the bureau's service account, in OpenSSH's format as ssh-keygen writes it
		java.security.KeyPair key = KeyUtils.generateKeyPair("ssh-rsa", 2048);
		clientKey = Files.createTempDirectory("doudi-sftp-client").resolve("id_rsa");
		try (var out = Files.newOutputStream(clientKey)) {
			org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "doudi",
					(org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext) null, out);
		}
		server.setPublickeyAuthenticator((user, offered, session) -> "minzheng".equals(user) && KeyUtils.compareKeys(offered, key.getPublic()));
		server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
		server.setFileSystemFactory(new VirtualFileSystemFactory(serverRoot));
		server.start();
		fingerprint = KeyUtils.getFingerPrint(server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic());
	}

	@AfterAll
	static void stopTheServer() throws Exception {
		server.stop(true);
		FileSystemUtils.deleteRecursively(serverRoot);
	}

	@BeforeEach
	void outbox() throws Exception {
		FileSystemUtils.deleteRecursively(serverRoot.resolve("outbox"));
		outbox = Files.createDirectories(serverRoot.resolve("outbox/disability"));
		FileSystemUtils.deleteRecursively(home.resolve("intake/canlian"));
	}

	void canlianFeed(String hostKey) throws Exception {
		feed("canlian", """
				source: disability
				sftp:
				  host: 127.0.0.1
				  port: %d
				  user: minzheng
				  folder: /outbox/disability
				  password-env: %s
				  host-key: "%s"
				files: ["残疾人*.csv"]
				complete: marker
				cron: "0 0 2 * * ?"
				user: intake-canlian
				""".formatted(server.getPort(), SFTP_PASSWORD_ENV, hostKey));
	}

	static String disabilityRow(int serial, String certificateStatus) {
		String id = id("410102", "19700101", serial);
		return id + ",残" + serial + "," + id + "41,肢体,一级," + certificateStatus;
	}

	static final String HEADER = "身份证号,姓名,残疾证号,残疾类别,残疾等级,证件状态";

	@Test
	void aFilePlacedOnTheServerIsDownloadedImportedAndMovedToDoneOnTheServer() throws Exception {
		canlianFeed(fingerprint);
		write(outbox.resolve("残疾人-202611.csv"), HEADER, disabilityRow(1, "有效"), disabilityRow(2, "有效"));
		Files.createFile(outbox.resolve("残疾人-202611.csv.ok"));
		write(outbox.resolve("残疾人-202612.csv"), HEADER, disabilityRow(3, "有效"));

		PollReport report = intakes.runNow("canlian");

		assertThat(report.problem()).isNull();
		assertThat(report.waiting()).as("no marker yet").containsExactly("残疾人-202612.csv");
		assertThat(report.files()).singleElement().satisfies(f -> {
			assertThat(f.status()).isEqualTo("COMMITTED");
			assertThat(f.rowsAccepted()).isEqualTo(2);
			assertThat(f.archivedAs()).isEqualTo("done/" + month() + "/残疾人-202611.csv");
		});
		assertThat(count("select count(*) from current_disability")).isEqualTo(2);
		assertThat(outbox.resolve("done").resolve(month()).resolve("残疾人-202611.csv")).as("moved on the server").exists();
		assertThat(outbox.resolve("残疾人-202611.csv")).doesNotExist();
		assertThat(outbox.resolve("残疾人-202611.csv.ok")).doesNotExist();
		assertThat(outbox.resolve("残疾人-202612.csv")).exists();
		Path local = home.resolve("intake/canlian");
		assertThat(local.resolve("done").resolve(month()).resolve("残疾人-202611.csv")).as("the bureau's own copy").exists();
		assertThat(local.resolve("staging").toFile().list()).isEmpty();
		assertThat(jdbc.queryForObject("select detail from audit_event where action = 'INTAKE'", String.class))
			.contains("feed=canlian", "from=sftp://minzheng@127.0.0.1:" + server.getPort() + "/outbox/disability");
	}

	@Test
	void aBadFileIsRejectedOnTheServerWithItsReportBesideIt() throws Exception {
		canlianFeed(fingerprint);
		write(outbox.resolve("残疾人-1.csv"), HEADER, disabilityRow(1, "有效"));
		Files.createFile(outbox.resolve("残疾人-1.csv.ok"));
		intakes.runNow("canlian");
		write(outbox.resolve("残疾人-2.csv"), HEADER, disabilityRow(2, "有效"), Fixtures.badCheck(id("410102", "19700101", 3))
				+ ",残3,x,肢体,一级,有效");
		Files.createFile(outbox.resolve("残疾人-2.csv.ok"));

		ReceivedFile bad = intakes.runNow("canlian").files().get(0);

		assertThat(bad.status()).isEqualTo("REJECTED");
		Path rejected = outbox.resolve("rejected").resolve(month());
		assertThat(rejected.resolve("残疾人-2.csv")).exists();
		assertThat(rejected.resolve("残疾人-2.csv.errors.xlsx")).as("the agency sees why").exists();
		assertThat(home.resolve("intake/canlian/rejected").resolve(month()).resolve("残疾人-2.csv.errors.xlsx")).exists();
		assertThat(count("select count(*) from current_disability")).as("the previous roster stays").isEqualTo(1);
	}

	@Test
	void aFeedMayLogInWithAPrivateKeyInstead() throws Exception {
		feed("canlian", """
				source: disability
				sftp:
				  host: 127.0.0.1
				  port: %d
				  user: minzheng
				  folder: /outbox/disability
				  private-key: %s
				  host-key: "%s"
				complete: stable
				cron: "0 0 2 * * ?"
				user: intake-canlian
				""".formatted(server.getPort(), clientKey, fingerprint));
		write(outbox.resolve("残疾人-1.csv"), HEADER, disabilityRow(1, "有效"));

		assertThat(intakes.runNow("canlian").waiting()).as("first seen: not known to be finished yet").containsExactly("残疾人-1.csv");
		PollReport report = intakes.runNow("canlian");

		assertThat(report.problem()).isNull();
		assertThat(report.files()).extracting(ReceivedFile::status).containsExactly("COMMITTED");
		assertThat(outbox.resolve("done").resolve(month()).resolve("残疾人-1.csv")).exists();
	}

	@Test
	void aServerShowingAnotherHostKeyIsNotLoggedInto() throws Exception {
		canlianFeed("SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
		write(outbox.resolve("残疾人-1.csv"), HEADER, disabilityRow(1, "有效"));
		Files.createFile(outbox.resolve("残疾人-1.csv.ok"));

		PollReport report = intakes.runNow("canlian");

		assertThat(report.problem()).contains("服务器主机公钥指纹为 " + fingerprint + "，与 host-key 不符");
		assertThat(report.files()).isEmpty();
		assertThat(outbox.resolve("残疾人-1.csv")).exists();
		assertThat(count("select count(*) from import_batch")).isZero();
	}
}
