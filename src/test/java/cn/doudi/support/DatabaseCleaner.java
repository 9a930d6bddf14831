package cn.doudi.support;

import java.util.List;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Empties every Doudi table (not Flyway's history), so that an integration test starts from nothing.
 *
 * <p>
 * The truncate takes every table's exclusive lock, one after another. A clustered Quartz scheduler of a cached test
 * context checks in meanwhile (it locks {@code qrtz_locks}, then reads {@code qrtz_scheduler_state}), so PostgreSQL
 * may find a deadlock and cancel the truncate: it is tried again, the check-in having ended.
 */
public final class DatabaseCleaner {

	private static final int ATTEMPTS = 10;

	private DatabaseCleaner() {
	}

	public static void clean(JdbcTemplate jdbc) {
		List<String> tables = jdbc.queryForList("""
				select tablename from pg_tables
				where schemaname = current_schema() and tablename <> 'flyway_schema_history'
				""", String.class);
		if (tables.isEmpty()) {
			return;
		}
		String truncate = "truncate " + String.join(", ", tables) + " restart identity cascade";
		for (int attempt = 1;; attempt++) {
			try {
				jdbc.execute(truncate);
				return;
			}
			catch (PessimisticLockingFailureException e) {
				if (attempt == ATTEMPTS) {
					throw e;
				}
				pause(100L * attempt);
			}
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while emptying the tables", e);
		}
	}
}
