package cn.doudi.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and their permissions. Every command that changes something calls {@link #require}: the user
 * must exist, hold a role with the permission, and cover the county (a user without a county works
 * city-wide). On an empty user table, the first {@code users add --role=ADMIN} bootstraps the admin.
 */
@Service
public class AccessControl {

	private final JdbcTemplate jdbc;
	private final AuditLog audit;
	private final Clock clock;

	AccessControl(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	public Optional<User> find(String name) {
		List<User> users = jdbc.query("select name, role, county from app_user where name = ? and active",
				(rs, i) -> new User(rs.getString(1), Role.valueOf(rs.getString(2)),
						rs.getString(3) == null ? null : rs.getString(3).trim()),
				name);
		return users.stream().findFirst();
	}

	/** The user, if it may use {@code permission} on {@code county} (null: city-wide work); else throws. */
	public User require(String userName, Permission permission, String county) {
		User user = find(userName).orElseThrow(() -> new AccessDeniedException(
				"用户 " + userName + " 不存在（先用 users add 添加，或用 --user= 指定）"));
		if (!permission.heldBy(user.role())) {
			throw new AccessDeniedException("用户 " + userName + "（" + user.role() + "）无权执行此操作");
		}
		if (county == null ? !user.cityWide() : !user.covers(county)) {
			throw new AccessDeniedException("用户 " + userName + " 只能操作本县区 " + user.county()
					+ (county == null ? "（此操作涉及全市）" : "，不能操作 " + county));
		}
		return user;
	}

	/** {@code users add}: by an ADMIN covering the county, or the first ADMIN on an empty table. */
	@Transactional
	public User add(String actor, String name, Role role, String county) {
		if (!name.matches("[\\p{L}\\p{N}._@-]{1,64}")) {
			throw new IllegalArgumentException("用户名只能包含字母、数字和 . _ @ -，长度 1–64");
		}
		if (county != null && !county.matches("\\d{6}")) {
			throw new IllegalArgumentException("区县代码应为6位数字: " + county);
		}
		Integer users = jdbc.queryForObject("select count(*) from app_user", Integer.class);
		boolean bootstrap = users == 0 && role == Role.ADMIN;
		if (!bootstrap) {
			require(actor, Permission.MANAGE_USERS, county);
		}
		if (find(name).isPresent()) {
			throw new IllegalArgumentException("用户 " + name + " 已存在");
		}
		jdbc.update("insert into app_user (name, role, county, created_by, created_at) values (?, ?, ?, ?, ?)", name,
				role.name(), county, bootstrap ? name : actor, Timestamp.from(clock.instant()));
		audit.record(bootstrap ? name : actor, "USER_ADD", county, name,
				"role=" + role + (bootstrap ? " (bootstrap)" : ""));
		return new User(name, role, county);
	}
}
