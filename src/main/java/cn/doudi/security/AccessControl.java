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
 * must exist and be active, hold a role with the permission, and cover the county (a user without a county
 * works city-wide). On an empty user table, the first {@code users add --role=ADMIN} bootstraps the admin.
 * A user may be mapped to one operating-system account ({@code os_account}), which proves it on the command
 * line ({@link CommandAuthentication}); {@code users disable} stops a user at once and keeps it for the
 * audit trail.
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

	/** The active user mapped to the operating-system account, if any. */
	public Optional<User> findByOsAccount(String osAccount) {
		if (osAccount == null || osAccount.isBlank()) {
			return Optional.empty();
		}
		List<String> names = jdbc.queryForList("select name from app_user where os_account = ? and active", String.class,
				osAccount);
		return names.isEmpty() ? Optional.empty() : find(names.get(0));
	}

	/** The user, if it may use {@code permission} on {@code county} (null: city-wide work); else throws. */
	public User require(String userName, Permission permission, String county) {
		User user = find(userName).orElseThrow(() -> new AccessDeniedException(
				"用户 " + userName + " 不存在或已停用（先用 users add 添加，或用 --user= 指定）"));
		if (!permission.heldBy(user.role())) {
			throw new AccessDeniedException("用户 " + userName + "（" + user.role() + "）无权执行此操作");
		}
		if (county == null ? !user.cityWide() : !user.covers(county)) {
			throw new AccessDeniedException("用户 " + userName + " 只能操作本县区 " + user.county()
					+ (county == null ? "（此操作涉及全市）" : "，不能操作 " + county));
		}
		return user;
	}

	/** True when {@code users add --role=role} would bootstrap the first admin (an empty user table). */
	public boolean bootstraps(Role role) {
		return role == Role.ADMIN && jdbc.queryForObject("select count(*) from app_user", Integer.class) == 0;
	}

	/** {@code users add}: by an ADMIN covering the county, or the first ADMIN on an empty table. */
	@Transactional
	public User add(String actor, String name, Role role, String county) {
		return add(actor, name, role, county, null);
	}

	/**
	 * {@code users add … [--os-account=A]}: as {@link #add(String, String, Role, String)}, the user mapped to
	 * the operating-system account {@code osAccount} (one active user per account, so that one shell is one
	 * person and maker–checker holds).
	 */
	@Transactional
	public User add(String actor, String name, Role role, String county, String osAccount) {
		if (!name.matches("[\\p{L}\\p{N}._@-]{1,64}")) {
			throw new IllegalArgumentException("用户名只能包含字母、数字和 . _ @ -，长度 1–64");
		}
		if (county != null && !county.matches("\\d{6}")) {
			throw new IllegalArgumentException("区县代码应为6位数字: " + county);
		}
		boolean bootstrap = bootstraps(role);
		if (!bootstrap) {
			require(actor, Permission.MANAGE_USERS, county);
		}
		Integer existing = jdbc.queryForObject("select count(*) from app_user where name = ?", Integer.class, name);
		if (existing > 0) {
			throw new IllegalArgumentException("用户 " + name + " 已存在");
		}
		checkOsAccount(osAccount);
		jdbc.update("insert into app_user (name, role, county, created_by, created_at, os_account) values (?, ?, ?, ?, ?, ?)",
				name, role.name(), county, bootstrap ? name : actor, Timestamp.from(clock.instant()), blankToNull(osAccount));
		audit.record(bootstrap ? name : actor, "USER_ADD", county, name, "role=" + role + (bootstrap ? " (bootstrap)" : "")
				+ (blankToNull(osAccount) == null ? "" : " os_account=" + osAccount.strip()));
		return new User(name, role, county);
	}

	/** {@code users map --name=U --os-account=A}: maps U to A (empty: unmaps); by an ADMIN covering U's county. */
	@Transactional
	public void map(String actor, String name, String osAccount) {
		User target = find(name).orElseThrow(() -> new IllegalArgumentException("用户 " + name + " 不存在或已停用"));
		require(actor, Permission.MANAGE_USERS, target.county());
		checkOsAccount(osAccount);
		jdbc.update("update app_user set os_account = ? where name = ?", blankToNull(osAccount), name);
		audit.record(actor, "USER_MAP", target.county(), name,
				blankToNull(osAccount) == null ? "os_account removed" : "os_account=" + osAccount.strip());
	}

	private void checkOsAccount(String osAccount) {
		String a = blankToNull(osAccount);
		if (a == null) {
			return;
		}
		if (!a.matches("[\\p{L}\\p{N}._@$-]{1,64}")) {
			throw new IllegalArgumentException("操作系统账户名只能包含字母、数字和 . _ @ $ -，长度 1–64");
		}
		findByOsAccount(a).ifPresent(u -> {
			throw new IllegalArgumentException("操作系统账户 " + a + " 已对应用户 " + u.name() + "（一个账户只能对应一个用户）");
		});
	}

	/** One row of {@code users list} (never a password hash: only whether one is set). */
	public record Listed(String name, Role role, String county, boolean active, String osAccount, boolean passwordSet,
			String createdBy, String createdAt, String disabledBy, String disabledAt) {
	}

	/**
	 * {@code users list}: the users an ADMIN or AUDITOR may see — every user for a city-wide one, the users of
	 * its county for a county's — disabled ones too.
	 */
	public List<Listed> list(String actor) {
		User me = find(actor).orElseThrow(() -> new AccessDeniedException("用户 " + actor + " 不存在或已停用"));
		if (me.role() != Role.ADMIN && me.role() != Role.AUDITOR) {
			throw new AccessDeniedException("用户 " + actor + "（" + me.role() + "）无权查看用户列表");
		}
		return jdbc.query("""
				select name, role, county, active, os_account, password_hash is not null,
				       created_by, to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'),
				       disabled_by, to_char(disabled_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')
				from app_user where cast(? as text) is null or county = ? order by name
				""", (rs, i) -> new Listed(rs.getString(1), Role.valueOf(rs.getString(2)),
				rs.getString(3) == null ? null : rs.getString(3).trim(), rs.getBoolean(4), rs.getString(5), rs.getBoolean(6),
				rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)), me.county(), me.county());
	}

	/**
	 * {@code users disable --name=U}: U can no longer log in or act, at once (every action reads the user
	 * afresh); kept, with who disabled it and when, for the audit trail. By an ADMIN covering U's county;
	 * the last active city-wide ADMIN cannot be disabled.
	 */
	@Transactional
	public void disable(String actor, String name) {
		User target = find(name).orElseThrow(() -> new IllegalArgumentException("用户 " + name + " 不存在或已停用"));
		require(actor, Permission.MANAGE_USERS, target.county());
		if (target.role() == Role.ADMIN && target.cityWide()) {
			Integer admins = jdbc.queryForObject(
					"select count(*) from app_user where role = 'ADMIN' and county is null and active", Integer.class);
			if (admins <= 1) {
				throw new IllegalArgumentException("不能停用最后一个全市系统管理员");
			}
		}
		jdbc.update("update app_user set active = false, disabled_by = ?, disabled_at = ? where name = ?", actor,
				Timestamp.from(clock.instant()), name);
		audit.record(actor, "USER_DISABLE", target.county(), name, "role=" + target.role());
	}

	/**
	 * Sets U's role and county (null: city-wide), by an ADMIN covering both U's county and the new one (a county's
	 * ADMIN cannot move a user out of or into another county, nor make one city-wide); the last active city-wide
	 * ADMIN keeps its role. Audited {@code USER_ROLE} with the old and the new role and county.
	 */
	@Transactional
	public User setRole(String actor, String name, Role role, String county) {
		User target = find(name).orElseThrow(() -> new IllegalArgumentException("用户 " + name + " 不存在或已停用"));
		if (county != null && !county.matches("\\d{6}")) {
			throw new IllegalArgumentException("区县代码应为6位数字: " + county);
		}
		require(actor, Permission.MANAGE_USERS, target.county());
		require(actor, Permission.MANAGE_USERS, county);
		if (target.role() == Role.ADMIN && target.cityWide() && (role != Role.ADMIN || county != null)) {
			Integer admins = jdbc.queryForObject(
					"select count(*) from app_user where role = 'ADMIN' and county is null and active", Integer.class);
			if (admins <= 1) {
				throw new IllegalArgumentException("不能更改最后一个全市系统管理员的角色或范围");
			}
		}
		jdbc.update("update app_user set role = ?, county = ? where name = ?", role.name(), county, name);
		audit.record(actor, "USER_ROLE", county == null ? target.county() : county, name,
				"role=" + target.role() + "->" + role + " county=" + (target.county() == null ? "city" : target.county()) + "->"
						+ (county == null ? "city" : county));
		return new User(name, role, county);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
