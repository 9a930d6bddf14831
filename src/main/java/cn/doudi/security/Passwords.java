package cn.doudi.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Passwords, for the web console's login and for the command line ({@code DOUDI_PASSWORD} or typed on a
 * terminal). Only BCrypt hashes are stored ({@code app_user.password_hash}); a user without a password
 * cannot log in. A password is set by the user itself or by an ADMIN covering the user's county
 * ({@code users password}), must pass {@link PasswordPolicy}, and is audited without the password.
 * <p>
 * Every check goes through {@link LoginThrottle}: the user name and the address it comes from (a browser's
 * IP; {@code os:<account>} for a shell) are each locked after too many failures, then no password is
 * checked for them, not even the right one, until the lockout ends (a check takes as long either way). A
 * failed login is audited as {@code LOGIN_FAILED} naming the user only when it exists (a mistyped name may
 * be a password), a lock as {@code LOGIN_LOCKED}, a refusal while locked as {@code LOGIN_REFUSED_LOCKED}.
 */
@Service
public class Passwords {

	private static final Logger log = LoggerFactory.getLogger(Passwords.class);

	/** Shortest accepted password. */
	public static final int MIN_LENGTH = PasswordPolicy.MIN_LENGTH;

	/** How a check ended. */
	public enum Outcome {
		OK, WRONG, LOCKED
	}

	/** A check's outcome, the user on success, and until when the lock holds when locked. */
	public record Check(Outcome outcome, User user, Instant lockedUntil) {

		public Optional<User> ok() {
			return outcome == Outcome.OK ? Optional.of(user) : Optional.empty();
		}

		/** "请 N 分钟后再试" for a lock; empty otherwise. */
		public String retryIn(Clock clock) {
			if (lockedUntil == null) {
				return "";
			}
			long minutes = Math.max(1, (Duration.between(clock.instant(), lockedUntil).toSeconds() + 59) / 60);
			return "请 " + minutes + " 分钟后再试";
		}
	}

	private final JdbcTemplate jdbc;
	private final AccessControl access;
	private final AuditLog audit;
	private final LoginThrottle throttle;
	private final Clock clock;
	private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
	/** Compared against when the user is unknown or locked, so that a login takes as long either way. */
	private final String dummyHash = encoder.encode("doudi-no-such-user");

	Passwords(JdbcTemplate jdbc, AccessControl access, AuditLog audit, LoginThrottle throttle, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.throttle = throttle;
		this.clock = clock;
	}

	/** Sets {@code name}'s password: by the user itself, or by an ADMIN covering the user's county. */
	public void set(String actor, String name, String password) {
		User target = access.find(name).orElseThrow(() -> new IllegalArgumentException("用户 " + name + " 不存在"));
		if (!actor.equals(name)) {
			access.require(actor, Permission.MANAGE_USERS, target.county());
		}
		PasswordPolicy.check(name, password);
		jdbc.update("update app_user set password_hash = ?, password_set_at = ? where name = ?", encoder.encode(password),
				Timestamp.from(clock.instant()), name);
		audit.record(actor, "PASSWORD_SET", target.county(), name, null);
	}

	/** A check for callers that have no address (tools, tests): counted under the address {@code unknown}. */
	public Optional<User> authenticate(String name, String password) {
		return check(name, password, "unknown").ok();
	}

	/**
	 * Checks {@code name}'s password, as asked from {@code address} ({@code 192.0.2.7}, or
	 * {@code os:alice} for a command line): throttled, audited.
	 */
	public Check check(String name, String password, String address) {
		String userKey = LoginThrottle.user(name);
		String addressKey = LoginThrottle.address(address);
		List<String> hashes = jdbc.queryForList("select password_hash from app_user where name = ? and active",
				String.class, name == null ? "" : name);
		boolean known = !hashes.isEmpty();
		Optional<Instant> locked = throttle.lockedUntil(userKey, addressKey);
		if (locked.isPresent()) {
			encoder.matches(password == null ? "" : password, dummyHash);
			audit.record(known ? name : "(unknown)", "LOGIN_REFUSED_LOCKED", null, known ? name : null,
					"from " + address + ", locked until " + locked.get());
			log.warn("login refused: locked");
			return new Check(Outcome.LOCKED, null, locked.get());
		}
		String hash = known ? hashes.get(0) : null;
		boolean ok = encoder.matches(password == null ? "" : password, hash == null ? dummyHash : hash) && hash != null;
		if (ok) {
			User user = access.find(name).orElseThrow();
			throttle.succeeded(userKey);
			audit.record(name, "LOGIN", user.county(), name, "from " + address);
			return new Check(Outcome.OK, user, null);
		}
		audit.record(known ? name : "(unknown)", "LOGIN_FAILED", null, known ? name : null,
				(known ? (hash == null ? "no password set" : "wrong password") : "unknown user") + ", from " + address);
		log.warn("login failed ({})", known ? (hash == null ? "user without a password" : "wrong password") : "unknown user");
		Instant until = null;
		if (throttle.failed(userKey, true)) {
			audit.record(known ? name : "(unknown)", "LOGIN_LOCKED", null, known ? name : null,
					"user locked for " + throttle.limits().lockout() + " after " + throttle.limits().maxFailuresPerUser()
							+ " failures");
			until = throttle.lockedUntil(userKey).orElse(null);
		}
		if (throttle.failed(addressKey, false)) {
			audit.record("(unknown)", "LOGIN_LOCKED", null, null, "address " + address + " locked for "
					+ throttle.limits().lockout() + " after " + throttle.limits().maxFailuresPerAddress() + " failures");
			until = throttle.lockedUntil(addressKey).orElse(until);
		}
		return new Check(Outcome.WRONG, null, until);
	}
}
