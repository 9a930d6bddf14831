package cn.doudi.intake;

import static cn.doudi.ingest.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;

/**
 * Two processes sharing the database poll one feed at the same moment (two child JVMs running {@code doudi intake
 * run}, the harshest case: the feed's Quartz trigger in a cluster of {@code serve} processes fires in one of them
 * only): every file is imported once, by one of them, and moved to done/ once; a process that finds the other
 * polling says so and leaves the feed to it.
 */
class TwoProcessesIntakeIntegrationTests extends IntakeTestSupport {

	@Value("${doudi.db.url}")
	String dbUrl;

	@TempDir
	Path dir;

	@Test
	void twoProcessesNeverImportOneFileTwice() throws Exception {
		Path inbox = Files.createDirectories(dir.resolve("exchange"));
		feed("deaths", """
				source: deaths
				folder: %s
				files: ["死亡*.csv"]
				complete: marker
				cron: "0 0 2 * * ?"
				user: intake-gongan
				""".formatted(inbox));
		for (int f = 1; f <= 6; f++) {
			write(inbox.resolve("死亡-" + f + ".csv"), deathsHeader(), id("410102", "19400101", f * 10) + ",张" + f + ",2026-10-02,公安",
					id("410102", "19400101", f * 10 + 1) + ",李" + f + ",2026-10-03,公安");
			Files.createFile(inbox.resolve("死亡-" + f + ".csv.ok"));
		}
		List<Process> children = new ArrayList<>();
		for (int c = 0; c < 2; c++) {
			children.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
					"-Ddoudi.jobs-dir=" + JOBS, "-cp", System.getProperty("java.class.path"), "cn.doudi.DoudiApplication",
					"--db-url=" + dbUrl, "--home=" + dir.resolve("home" + c), "intake", "run", "deaths")
				.redirectErrorStream(true)
				.redirectOutput(dir.resolve("child" + c + ".log").toFile())
				.start());
		}
		for (int c = 0; c < 2; c++) {
			Process child = children.get(c);
			assertThat(child.waitFor(180, TimeUnit.SECONDS)).as("child " + c + " ended").isTrue();
			String log = Files.readString(dir.resolve("child" + c + ".log"));
			// either it polled, or it found the other polling and left the feed to it (exit 1, said so)
			if (child.exitValue() != 0) {
				assertThat(log).contains("另一进程正在接收，本次跳过");
			}
		}

		assertThat(count("select count(*) from intake_file")).isEqualTo(6);
		assertThat(count("select count(*) from intake_file where status = 'COMMITTED'")).isEqualTo(6);
		assertThat(count("select count(*) from import_batch")).as("one import per file").isEqualTo(6);
		assertThat(count("select count(*) from death")).isEqualTo(12);
		assertThat(inbox.resolve("done").resolve(month()).toFile().list()).hasSize(6);
		try (var left = Files.list(inbox)) {
			assertThat(left.filter(Files::isRegularFile).toList()).isEmpty();
		}
	}
}
