package cn.doudi.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A base for the integration tests that write their own {@code jobs/} files (schedules, intakes): one
 * temporary jobs folder ({@code doudi.jobs-dir}, the bank layouts copied into it) for all of them, so that
 * they share one application context (each context holds its own connection pool and Quartz scheduler).
 * Each test writes and clears its own sub-folder. The SFTP test's password is in the environment under the
 * name its feed gives ({@value #SFTP_PASSWORD_ENV}), as an operator's would be.
 */
@DoudiIntegrationTest
public abstract class JobsFolderTest {

	public static final String SFTP_PASSWORD_ENV = "DOUDI_TEST_SFTP_PASSWORD";
	public static final String SFTP_PASSWORD = "s3cret-for-the-test";
	public static final Path JOBS;

	static {
		try {
			JOBS = Files.createTempDirectory("doudi-jobs");
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
	static void jobsFolder(DynamicPropertyRegistry registry) {
		registry.add("doudi.jobs-dir", JOBS::toString);
		registry.add(SFTP_PASSWORD_ENV, () -> SFTP_PASSWORD);
		// Quartz keeps each scheduler's DataSource in a JVM-wide registry under the scheduler's name: an
		// application run in the same JVM under the default name (DemoEndToEndTests runs `demo` in-process)
		// would replace it with its own and close it on exit, leaving this context's scheduler without one
		registry.add("spring.quartz.scheduler-name", () -> "doudi-jobs-test");
	}
}
