package cn.doudi.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens of the system accounts (an agency's system, the province platform): {@code users token --name=U}
 * creates one for user U, shown once and never again; {@code --list} shows id, label, prefix, created and last
 * used (never the token); {@code --revoke=ID} revokes it at once. Creating, listing and revoking is an ADMIN's
 * who covers U's county (a city-wide ADMIN for a city-wide user), audited ({@code TOKEN_CREATE},
 * {@code TOKEN_REVOKE}).
 * <p>
 * A token is {@code doudi_} and 43 characters of base64url: 256 random bits from {@link SecureRandom}. Only its
 * SHA-256 is stored. A password needs a slow, salted hash (BCrypt) because people choose guessable ones; a
 * token of 256 random bits cannot be guessed or looked up in a table, so a fast hash loses nothing, and being
 * unsalted and deterministic it lets a request find its token by the hash (an index lookup) instead of
 * BCrypt-checking every token on every call. A copy of the table does not give anyone a token.
 * <p>
 * A token acts as its user, with the user's role and county as they are at each call: a disabled user's
 * tokens stop working at once, and a user whose role or county changes carries its tokens along. As the
 * {@link TokenVerifier}, it proves {@code DOUDI_TOKEN} on the command line too.
 */
@Service
public class ApiTokens implements TokenVerifier {

	static final String PREFIX = "doudi_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcTemplate jdbc;
	private final AccessControl access;
	private final AuditLog audit;
	private final Clock clock;

	ApiTokens(JdbcTemplate jdbc, AccessControl access, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** A token just created: its id and the token itself (shown once). */
	public record Created(long id, String user, String label, String token) {
	}

	/** One token as lists show it: never the token, only its first characters. */
	public record Listed(long id, String user, String label, String prefix, String createdBy, String createdAt,
			String lastUsedAt, String revokedBy, String revokedAt) {

		public boolean revoked() {
			return revokedAt != null;
		}
	}

	/** Who a token proves: its id and label, and the user it acts as (role and county as of now). */
	public record Holder(long tokenId, String label, User user) {
	}

	/** {@code users token --name=U [--label=L]}: a new token for U; by an ADMIN covering U's county. */
	@Transactional
	public Created create(String actor, String userName, String label) {
		User target = access.find(userName)
			.orElseThrow(() -> new IllegalArgumentException("用户 " + userName + " 不存在或已停用"));
		access.require(actor, Permission.MANAGE_USERS, target.county());
		String l = label == null || label.isBlank() ? userName : label.strip();
		if (l.length() > 100 || !l.matches("[\\p{L}\\p{N} ._@()（）-]+")) {
			throw new IllegalArgumentException("令牌名称只能包含文字、数字、空格和 . _ @ - ( )，长度不超过 100");
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		String prefix = token.substring(0, PREFIX.length() + 6);
		Long id = jdbc.queryForObject("""
				insert into api_token (user_name, label, prefix, token_hash, created_by, created_at)
				values (?, ?, ?, ?, ?, ?) returning id
				""", Long.class, userName, l, prefix, hash(token), actor, Timestamp.from(clock.instant()));
		audit.record(actor, "TOKEN_CREATE", target.county(), userName, "token #" + id + " " + prefix + "… label=" + l);
		return new Created(id, userName, l, token);
	}

	/** {@code users token --name=U --list}: U's tokens, revoked ones too; by an ADMIN covering U's county. */
	public List<Listed> list(String actor, String userName) {
		access.require(actor, Permission.MANAGE_USERS, countyOf(userName));
		return jdbc.query("""
				select id, user_name, label, prefix, created_by,
				       to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'),
				       to_char(last_used_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'),
				       revoked_by, to_char(revoked_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')
				from api_token where user_name = ? order by id
				""", (rs, i) -> new Listed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)), userName);
	}

	/** {@code users token --name=U --revoke=ID}: the token stops working at once; by an ADMIN covering U's county. */
	@Transactional
	public void revoke(String actor, String userName, long id) {
		String county = countyOf(userName);
		access.require(actor, Permission.MANAGE_USERS, county);
		int n = jdbc.update("update api_token set revoked_by = ?, revoked_at = ? where id = ? and user_name = ? and revoked_at is null",
				actor, Timestamp.from(clock.instant()), id, userName);
		if (n == 0) {
			throw new IllegalArgumentException("用户 " + userName + " 没有编号为 " + id + " 的有效令牌（不存在或已吊销）");
		}
		audit.record(actor, "TOKEN_REVOKE", county, userName, "token #" + id);
	}

	/**
	 * The holder of {@code token}: not revoked, of an active user; else empty. Records when it was last used
	 * (at most once a minute per token, so that a busy feed does not write a row per call).
	 */
	public Optional<Holder> verify(String token) {
		if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
			return Optional.empty();
		}
		List<Object[]> rows = jdbc.query("""
				select t.id, t.label, t.user_name from api_token t join app_user u on u.name = t.user_name
				where t.token_hash = ? and t.revoked_at is null and u.active
				""", (rs, i) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3) }, hash(token));
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		long id = (Long) rows.get(0)[0];
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.update("update api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < cast(? as timestamptz) - interval '1 minute')",
				now, id, now);
		return access.find((String) rows.get(0)[2]).map(u -> new Holder(id, (String) rows.get(0)[1], u));
	}

	@Override
	public Optional<String> userOf(String token) {
		return verify(token).map(h -> h.user().name());
	}

	private String countyOf(String userName) {
		List<String> found = jdbc.queryForList("select county from app_user where name = ?", String.class, userName);
		if (found.isEmpty()) {
			throw new IllegalArgumentException("用户 " + userName + " 不存在");
		}
		return found.get(0) == null ? null : found.get(0).trim();
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
