package cn.doudi.ingest;

import static cn.doudi.ingest.Fixtures.BENEFICIARY_HEADER;
import static cn.doudi.ingest.Fixtures.dibao;
import static cn.doudi.ingest.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;

/**
 * A process killed in the middle of an import (here: while its COPY is streaming rows) leaves the
 * previous snapshot as it was; the next import cleans up what it left and can import the same file.
 */
@DoudiIntegrationTest
class KilledImportIntegrationTests {

	@Autowired
	RosterImports imports;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${doudi.db.url}")
	String dbUrl;

	@TempDir
	Path dir;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(jdbc);
		Fixtures.users(jdbc);
	}

	@Test
	void aKilledImportLeavesThePreviousSnapshotAndIsCleanedUpByTheNext() throws Exception {
		Path small = Fixtures.csv(dir, "small.csv", BENEFICIARY_HEADER, dibao("OLD", id("410102", "19500101", 1), "甲", "户主", "1"));
		ImportOutcome before = imports.importFiles(Source.BENEFICIARIES, List.of(small), ImportOptions.by("tester"));
		Path big = bigRoster(dir.resolve("big.csv"), 150_000);
		// the child is a real command line: it proves --user=killed by the OS account it runs as
		jdbc.update("update app_user set os_account = ? where name = 'killed'", cn.doudi.cli.Caller.ofProcess().osAccount());

		Process child = new ProcessBuilder(javaBin(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
				"cn.doudi.DoudiApplication", "--db-url=" + dbUrl, "--home=" + dir.resolve("home"), "import", "beneficiaries",
				big.toString(), "--user=killed")
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("child.log").toFile())
			.start();
		try {
			waitFor(() -> copyRunning() || !child.isAlive(), Duration.ofSeconds(90));
			assertThat(child.isAlive()).as("the child is still importing: " + log()).isTrue();
			Thread.sleep(300);
		}
		finally {
			child.destroyForcibly();
			child.waitFor(30, TimeUnit.SECONDS);
		}
		waitFor(() -> !copyRunning(), Duration.ofSeconds(30));

		assertThat(jdbc.queryForList("select household_id from current_beneficiary", String.class)).containsExactly("OLD");
		assertThat(jdbc.queryForObject("select count(*) from beneficiary", Integer.class)).isEqualTo(1);
		Long leftover = jdbc.queryForObject("select id from import_batch where status = 'STAGING'", Long.class);

		ImportOutcome after = imports.importFiles(Source.BENEFICIARIES, List.of(big), ImportOptions.by("tester"));

		assertThat(after.status()).as(after.problems().toString()).isEqualTo(ImportOutcome.Status.COMMITTED);
		assertThat(after.rowsAccepted()).isEqualTo(150_000);
		assertThat(jdbc.queryForObject("select status from import_batch where id = ?", String.class, leftover))
			.isEqualTo("FAILED");
		assertThat(jdbc.queryForObject("select count(*) from current_beneficiary", Integer.class)).isEqualTo(150_000);
		assertThat(jdbc.queryForObject("select import_id from snapshot where source = 'beneficiaries' and county = '410102'",
				Long.class)).isEqualTo(after.importId());
		assertThat(jdbc.queryForObject("select count(*) from beneficiary where import_id = ?", Integer.class,
				before.importId())).as("the replaced snapshot is kept").isEqualTo(1);
	}

	boolean copyRunning() {
		return jdbc.queryForObject("select count(*) from pg_stat_activity where query ilike 'copy beneficiary%' and state = 'active'"
				+ " and datname = current_database()",
				Integer.class) > 0;
	}

	String log() throws Exception {
		return Files.readString(dir.resolve("child.log"));
	}

	static Path bigRoster(Path file, int households) throws Exception {
		java.time.LocalDate base = java.time.LocalDate.of(1950, 1, 1);
		var yyyymmdd = java.time.format.DateTimeFormatter.BASIC_ISO_DATE;
		try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			w.write(BENEFICIARY_HEADER);
			w.write('\n');
			for (int i = 0; i < households; i++) {
				String id = id("410102", base.plusDays(i / 1000).format(yyyymmdd), i % 1000);
				w.write(dibao("B" + i, id, "张三", "户主", "100"));
				w.write('\n');
			}
		}
		return file;
	}

	static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
		long end = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > end) {
				throw new AssertionError("timed out");
			}
			Thread.sleep(50);
		}
	}

	static String javaBin() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}
}
