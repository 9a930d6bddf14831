package cn.doudi.intake;

import static cn.doudi.ingest.Fixtures.BENEFICIARY_HEADER;
import static cn.doudi.ingest.Fixtures.dibao;
import static cn.doudi.ingest.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Value;

/**
 * A process killed in the middle of an intake (here: {@code doudi intake run} in a child JVM, killed while
 * the import's COPY streams rows) loses nothing: the file stays claimed where it was, and the next poll of
 * the feed restarts that poll's {@code intakeJob} instance, imports the file and moves it to done/.
 */
class KilledIntakeIntegrationTests extends IntakeTestSupport {

	static final int HOUSEHOLDS = 120_000;

	@Value("${doudi.db.url}")
	String dbUrl;

	@TempDir
	Path dir;

	@Test
	void aKilledIntakeIsImportedAgainByTheNextPoll() throws Exception {
		Path inbox = Files.createDirectories(dir.resolve("exchange"));
		feed("roster", """
				source: beneficiaries
				folder: %s
				complete: marker
				cron: "0 0 2 * * ?"
				user: intake-gongan
				""".formatted(inbox));
		bigRoster(inbox.resolve("花名册-202611.csv"));
		Files.createFile(inbox.resolve("花名册-202611.csv.ok"));

		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
				"-Ddoudi.jobs-dir=" + JOBS, "-cp", System.getProperty("java.class.path"), "cn.doudi.DoudiApplication",
				"--db-url=" + dbUrl, "--home=" + dir.resolve("home"), "intake", "run", "roster")
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("child.log").toFile())
			.start();
		try {
			waitFor(() -> copyRunning() || !child.isAlive(), Duration.ofSeconds(120));
			assertThat(child.isAlive()).as("the child is still importing: " + Files.readString(dir.resolve("child.log"))).isTrue();
			Thread.sleep(300);
		}
		finally {
			child.destroyForcibly();
			child.waitFor(30, TimeUnit.SECONDS);
		}
		waitFor(() -> !copyRunning(), Duration.ofSeconds(30));

		assertThat(jdbc.queryForList("select status from intake_file", String.class)).containsExactly("CLAIMED");
		assertThat(jdbc.queryForList("select status from batch_job_execution e join batch_job_instance i using (job_instance_id) where i.job_name = 'intakeJob'",
				String.class)).containsExactly("STARTED");
		assertThat(inbox.resolve("花名册-202611.csv")).exists();
		assertThat(count("select count(*) from current_beneficiary")).isZero();

		PollReport next = intakes.runNow("roster");

		assertThat(next.files()).singleElement().satisfies(f -> {
			assertThat(f.status()).isEqualTo("COMMITTED");
			assertThat(f.rowsAccepted()).isEqualTo(HOUSEHOLDS);
		});
		assertThat(count("select count(*) from intake_file")).as("the same claim, finished").isEqualTo(1);
		assertThat(count("select count(*) from current_beneficiary")).isEqualTo(HOUSEHOLDS);
		assertThat(jdbc.queryForList("""
				select e.status from batch_job_execution e join batch_job_instance i using (job_instance_id)
				where i.job_name = 'intakeJob' order by e.job_execution_id""", String.class))
			.as("one job instance: the killed execution recovered as FAILED, then restarted")
			.containsExactly("FAILED", "COMPLETED");
		assertThat(jdbc.queryForList("select status from import_batch order by id", String.class)).containsExactly("FAILED", "COMMITTED");
		assertThat(inbox.resolve("done").resolve(month()).resolve("花名册-202611.csv")).exists();
		assertThat(inbox.resolve("花名册-202611.csv")).doesNotExist();
	}

	boolean copyRunning() {
		return jdbc.queryForObject("select count(*) from pg_stat_activity where query ilike 'copy beneficiary%' and state = 'active'"
				+ " and datname = current_database()", Integer.class) > 0;
	}

	static void bigRoster(Path file) throws Exception {
		LocalDate base = LocalDate.of(1950, 1, 1);
		try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			w.write(BENEFICIARY_HEADER);
			w.write('\n');
			for (int i = 0; i < HOUSEHOLDS; i++) {
				w.write(dibao("B" + i, id("410102", base.plusDays(i / 1000).format(DateTimeFormatter.BASIC_ISO_DATE), i % 1000), "张三",
						"户主", "100"));
				w.write('\n');
			}
		}
	}

	static void waitFor(BooleanSupplier condition, Duration timeout) throws InterruptedException {
		long end = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > end) {
				throw new AssertionError("timed out");
			}
			Thread.sleep(50);
		}
	}
}
