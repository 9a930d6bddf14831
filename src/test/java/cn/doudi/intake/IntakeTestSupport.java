package cn.doudi.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import cn.doudi.ingest.Fixtures;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.JobsFolderTest;

/**
 * What the intake tests share: the jobs folder of {@link JobsFolderTest} (one application context with
 * the schedules' tests; {@code intake/} written by each test), empty tables and the feeds' system users.
 */
abstract class IntakeTestSupport extends JobsFolderTest {

	@Autowired
	Intakes intakes;

	@Autowired
	Scheduler scheduler;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void cleanTablesAndFeeds() throws IOException {
		DatabaseCleaner.clean(jdbc);
		FileSystemUtils.deleteRecursively(JOBS.resolve("intake"));
		Files.createDirectories(JOBS.resolve("intake"));
		Fixtures.user(jdbc, "intake-gongan", "OPERATOR", null);
		Fixtures.user(jdbc, "intake-fupin", "OPERATOR", null);
		Fixtures.user(jdbc, "intake-canlian", "OPERATOR", null);
	}

	@AfterEach
	void stopTheScheduler() throws SchedulerException {
		scheduler.standby();
		scheduler.clear();
	}

	static void feed(String name, String yaml) throws IOException {
		Files.writeString(JOBS.resolve("intake").resolve(name + ".yml"), yaml);
	}

	/** The month folder a file taken in now goes to (the feeds' zone). */
	static String month() {
		return YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
	}

	static String deathsHeader() {
		return "身份证号,姓名,死亡日期,来源";
	}

	static Path write(Path file, String... lines) throws IOException {
		Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
		return file;
	}

	int count(String sql, Object... args) {
		return jdbc.queryForObject(sql, Integer.class, args);
	}
}
