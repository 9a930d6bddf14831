package cn.doudi.security;

import java.time.Clock;
import java.sql.Timestamp;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The audit trail: who did what, when, in which county. Details never hold full ID or account numbers. */
@Component
public class AuditLog {

	private final JdbcTemplate jdbc;
	private final Clock clock;

	AuditLog(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public void record(String actor, String action, String county, String subject, String detail) {
		jdbc.update("insert into audit_event (at, actor, action, county, subject, detail) values (?, ?, ?, ?, ?, ?)",
				Timestamp.from(clock.instant()), actor, action, county, subject, detail);
	}
}
