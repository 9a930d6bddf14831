package cn.doudi.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code doudi.db.*}: with {@code url} set, an external PostgreSQL; without it, the embedded one whose
 * data lives in {@code embedded-dir} (default {@code <home>/pgdata}). {@code fresh} recreates the
 * embedded data directory (used by {@code demo}, never by the main database).
 */
@ConfigurationProperties("doudi.db")
public record DatabaseProperties(String url, String user, String password, Path embeddedDir, boolean fresh,
		boolean createIfMissing) {
}
