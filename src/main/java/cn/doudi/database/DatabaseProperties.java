package cn.doudi.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code doudi.db.*}: with {@code url} set, an external PostgreSQL; without it, the embedded one whose
 * data lives in {@code embedded-dir} (default {@code <home>/pgdata}). {@code fresh} recreates the
 * embedded data directory (used by {@code demo}, never by the main database). {@code connection-timeout}:
 * how long work (and the health check {@code /actuator/health/database}) waits for a connection before it
 * fails (default 30 s).
 */
@ConfigurationProperties("doudi.db")
public record DatabaseProperties(String url, String user, String password, Path embeddedDir, boolean fresh,
		boolean createIfMissing, @DefaultValue("30s") Duration connectionTimeout) {
}
