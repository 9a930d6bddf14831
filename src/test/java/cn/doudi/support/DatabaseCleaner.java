package cn.doudi.support;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Empties every Doudi table (not Flyway's history), so that an integration test starts from nothing. */
public final class DatabaseCleaner {

	private DatabaseCleaner() {
	}

	public static void clean(JdbcTemplate jdbc) {
		List<String> tables = jdbc.queryForList("""
				select tablename from pg_tables
				where schemaname = current_schema() and tablename <> 'flyway_schema_history'
				""", String.class);
		if (!tables.isEmpty()) {
			jdbc.execute("truncate " + String.join(", ", tables) + " restart identity cascade");
		}
	}
}
