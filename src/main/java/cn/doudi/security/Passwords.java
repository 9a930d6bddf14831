package cn.doudi.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Passwords for the web console's login. Only BCrypt hashes are stored ({@code app_user.password_hash});
 * a user without a password cannot log in. A password is set by the user itself or by an ADMIN covering
 * the user's county ({@code users password}), and audited without the password. A failed login is
 * audited as {@code LOGIN_FAILED} naming the user only when it exists (a mistyped name may be a password).
 */
@Service
public class Passwords {

	private static final Logger log = LoggerFactory.getLogger(Passwords.class);

	/** Shortest accepted password. */
	public static final int MIN_LENGTH = 8;

	private final JdbcTemplate jdbc;
	private final AccessControl access;
	private final AuditLog audit;
	private final Clock clock;
	private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
	/** Compared against when the user is unknown, so that a login takes as long either way. */
	private final String dummyHash = encoder.encode("doudi-no-such-user");

	Passwords(JdbcTemplate jdbc, AccessControl access, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** Sets {@code name}'s password: by the user itself, or by an ADMIN covering the user's county. */
	public void set(String actor, String name, String password) {
		User target = access.find(name).orElseThrow(() -> new IllegalArgumentException("用户 " + name + " 不存在"));
		if (!actor.equals(name)) {
			access.require(actor, Permission.MANAGE_USERS, target.county());
		}
		if (password == null || password.length() < MIN_LENGTH) {
			throw new IllegalArgumentException("密码至少 " + MIN_LENGTH + " 个字符");
		}
		if (password.length() > 72) {
			throw new IllegalArgumentException("密码最多 72 个字符");
		}
		jdbc.update("update app_user set password_hash = ?, password_set_at = ? where name = ?", encoder.encode(password),
				Timestamp.from(clock.instant()), name);
		audit.record(actor, "PASSWORD_SET", target.county(), name, null);
	}

	/** The active user whose password this is; empty (and audited) otherwise. */
	public Optional<User> authenticate(String name, String password) {
		List<String> hashes = jdbc.queryForList("select password_hash from app_user where name = ? and active",
				String.class, name == null ? "" : name);
		String hash = hashes.isEmpty() ? null : hashes.get(0);
		boolean ok = encoder.matches(password == null ? "" : password, hash == null ? dummyHash : hash) && hash != null;
		if (ok) {
			User user = access.find(name).orElseThrow();
			audit.record(name, "LOGIN", user.county(), name, null);
			return Optional.of(user);
		}
		boolean known = !hashes.isEmpty();
		audit.record(known ? name : "(unknown)", "LOGIN_FAILED", null, known ? name : null,
				known ? (hash == null ? "no password set" : "wrong password") : "unknown user");
		log.warn("login failed ({})", known ? (hash == null ? "user without a password" : "wrong password") : "unknown user");
		return Optional.empty();
	}
}
