package cn.doudi.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per key in PostgreSQL ({@code login_throttle}), so that every console process and
 * every command line sees the same counts, and locks a key that reaches its limit within the window
 * ({@link LoginLimits}). A success clears the user's count, not the address's: a guesser who also holds an
 * account of its own cannot reset the count of the address it guesses from.
 */
@Component
class LoginThrottle {

	private final JdbcTemplate jdbc;
	private final LoginLimits limits;
	private final Clock clock;

	LoginThrottle(JdbcTemplate jdbc, LoginLimits limits, Clock clock) {
		this.jdbc = jdbc;
		this.limits = limits;
		this.clock = clock;
	}

	static String user(String name) {
		return "user:" + (name == null ? "" : name);
	}

	static String address(String address) {
		return "address:" + address;
	}

	/** Until when the first of the keys that is locked stays locked; empty when none is. */
	Optional<Instant> lockedUntil(String... keys) {
		Timestamp now = Timestamp.from(clock.instant());
		Instant latest = null;
		for (String key : keys) {
			List<Timestamp> until = jdbc.queryForList(
					"select locked_until from login_throttle where key = ? and locked_until > ?", Timestamp.class, key, now);
			if (!until.isEmpty() && (latest == null || until.get(0).toInstant().isAfter(latest))) {
				latest = until.get(0).toInstant();
			}
		}
		return Optional.ofNullable(latest);
	}

	/** Counts a failure for the key; true when this failure locked it. */
	boolean failed(String key, boolean perUser) {
		Instant now = clock.instant();
		Timestamp windowStart = Timestamp.from(now.minus(limits.window()));
		Integer failures = jdbc.queryForObject("""
				insert into login_throttle (key, failures, window_start) values (?, 1, ?)
				on conflict (key) do update set
				  failures = case when login_throttle.window_start < ? then 1 else login_throttle.failures + 1 end,
				  window_start = case when login_throttle.window_start < ? then excluded.window_start
				                      else login_throttle.window_start end
				returning failures
				""", Integer.class, key, Timestamp.from(now), windowStart, windowStart);
		int limit = perUser ? limits.maxFailuresPerUser() : limits.maxFailuresPerAddress();
		if (failures != null && failures >= limit) {
			jdbc.update("update login_throttle set failures = 0, window_start = ?, locked_until = ? where key = ?",
					Timestamp.from(now), Timestamp.from(now.plus(limits.lockout())), key);
			return true;
		}
		return false;
	}

	/** A successful login clears the user's failures. */
	void succeeded(String key) {
		jdbc.update("delete from login_throttle where key = ?", key);
	}

	LoginLimits limits() {
		return limits;
	}
}
