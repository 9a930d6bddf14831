package cn.doudi.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import cn.doudi.ingest.Fixtures;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;

/**
 * What the intake tests share (one application context): a jobs folder of their own (the bank layouts
 * copied, {@code intake/} written by each test), the SFTP password in the environment under the name the
 * SFTP feeds give, empty tables and the feeds' system users.
 */
@DoudiIntegrationTest
abstract class IntakeTestSupport {

	static final String SFTP_PASSWORD_ENV = "DOUDI_TEST_SFTP_PASSWORD";
	static final String SFTP_PASSWORD = "s3cret-for-the-test";
	static final Path JOBS;

	static {
		try {
			JOBS = Files.createTempDirectory("doudi-intake-jobs");
			Path banks = JOBS.resolve("banks");
			Files.createDirectories(banks);
			try (Stream<Path> s = Files.list(Path.of("jobs/banks"))) {
				for (Path p : s.toList()) {
					Files.copy(p, banks.resolve(p.getFileName()));
				}
			}
		}
		catch (IOException e) {
			throw new ExceptionInInitializerError(e);
		}
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("doudi.jobs-dir", JOBS::toString);
		registry.add(SFTP_PASSWORD_ENV, () -> SFTP_PASSWORD);
	}

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
