package cn.doudi.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import cn.doudi.ingest.Regions;
import cn.doudi.security.AccessControl;
import cn.doudi.security.ApiTokens;
import cn.doudi.security.Passwords;
import cn.doudi.security.Role;
import cn.doudi.security.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code users add|password|list|disable|map}: the users, managed by an ADMIN (proved as every command's user
 * is, {@link UserOption}). On an empty user table the first {@code users add --role=ADMIN} bootstraps the
 * admin, with no one to prove: it is mapped to the OS account that ran it (or {@code --os-account}).
 */
@Command(name = "users", description = "管理用户：add 添加、password 设密码、list 列出、disable 停用、map 映射操作系统账户、token 系统账户的 API 令牌。", subcommands = { UsersCommand.Add.class, UsersCommand.Password.class,
		UsersCommand.ListUsers.class, UsersCommand.Disable.class, UsersCommand.Map.class, UsersCommand.Token.class })
class UsersCommand implements Runnable {

	@Override
	public void run() {
		CommandLines.parser().getSubcommands().get("users").usage(System.out);
	}

	@Command(name = "add", description = "添加用户（角色：OPERATOR 经办、MONITOR 监督核查、FINANCE 财务、AUDITOR 审计、ADMIN 系统管理员）。")
	static class Add implements Callable<Integer> {

		@Option(names = "--name", required = true, description = "用户名。")
		String name;

		@Option(names = "--role", required = true, description = "角色：OPERATOR、MONITOR、FINANCE、AUDITOR、ADMIN。")
		Role role;

		@Option(names = "--county", converter = CountyText.class, description = "用户所属区县（6 位代码）；不给则为全市。")
		String county;

		@Option(names = "--os-account", description = "在命令行证实该用户的操作系统账户（一个账户对应一个用户）。")
		String osAccount;

		@Mixin
		UserOption user;

		private final AccessControl access;

		Add(AccessControl access) {
			this.access = access;
		}

		@Override
		public Integer call() {
			User u;
			try {
				if (access.bootstraps(role)) {
					// the first admin: nobody to prove; mapped to the account that created it
					u = access.add(name, name, role, county, osAccount != null ? osAccount : user.caller().osAccount());
				}
				else {
					u = access.add(user.name(), name, role, county, osAccount);
				}
			}
			catch (IllegalArgumentException e) {
				throw new CommandFailedException(e.getMessage(), 2);
			}
			System.out.printf("已添加用户 %s：%s，%s%n", u.name(), u.role().chineseName(), u.cityWide() ? "全市" : u.county());
			return 0;
		}
	}

	/**
	 * {@code users password --name=U}: sets U's password (console and command line), read from
	 * {@code DOUDI_NEW_PASSWORD} if set, else from the terminal (asked twice) or the first line of standard
	 * input; never an option, so that it stays out of the shell history and the process list
	 * ({@code DOUDI_PASSWORD} is the acting user's own, which proves it). By U itself or an ADMIN of U's county.
	 */
	@Command(name = "password", description = "设置用户密码（读自 DOUDI_NEW_PASSWORD、终端或标准输入）。")
	static class Password implements Callable<Integer> {

		@Option(names = "--name", required = true)
		String name;

		@Mixin
		UserOption user;

		private final Passwords passwords;

		Password(Passwords passwords) {
			this.passwords = passwords;
		}

		@Override
		public Integer call() throws IOException {
			String actor = user.name();
			String password = user.caller().env("DOUDI_NEW_PASSWORD").orElse(null);
			Console console = user.caller().console();
			if (password == null && console != null) {
				char[] first = console.readPassword("%s 的新密码: ", name);
				char[] again = console.readPassword("再输入一次: ");
				if (first == null || again == null || !new String(first).equals(new String(again))) {
					throw new CommandFailedException("两次输入的密码不一致", 2);
				}
				password = new String(first);
			}
			else if (password == null) {
				password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
			}
			if (password == null) {
				throw new CommandFailedException("没有读到新密码（用 DOUDI_NEW_PASSWORD、终端或标准输入给出）", 2);
			}
			try {
				passwords.set(actor, name, password);
			}
			catch (IllegalArgumentException e) {
				throw new CommandFailedException(e.getMessage(), 2);
			}
			System.out.printf("已设置 %s 的密码%n", name);
			return 0;
		}
	}

	@Command(name = "list", description = "列出用户（系统管理员或审计人员；区县的只列本区县）。")
	static class ListUsers implements Callable<Integer> {

		@Mixin
		UserOption user;

		@Mixin
		CodesOption format;

		private final AccessControl access;
		private final Regions regions;

		ListUsers(AccessControl access, Regions regions) {
			this.access = access;
			this.regions = regions;
		}

		@Override
		public Integer call() {
			List<AccessControl.Listed> all = access.list(user.name());
			if (format.codes) {
				System.out.println("name\trole\tcounty\tactive\tos_account\tpassword_set\tcreated_by\tcreated_at\tdisabled_by\tdisabled_at");
				for (AccessControl.Listed u : all) {
					System.out.println(String.join("\t", u.name(), u.role().name(), nz(u.county()), Boolean.toString(u.active()),
							nz(u.osAccount()), Boolean.toString(u.passwordSet()), u.createdBy(), u.createdAt(), nz(u.disabledBy()),
							nz(u.disabledAt())));
				}
			}
			else {
				CountyNames counties = new CountyNames(regions);
				System.out.println("用户名\t角色\t区县\t状态\t操作系统账户\t密码\t创建人\t创建时间\t停用人\t停用时间");
				for (AccessControl.Listed u : all) {
					System.out.println(String.join("\t", u.name(), u.role().chineseName(), counties.of(u.county()),
							u.active() ? "启用" : "已停用", nz(u.osAccount()), u.passwordSet() ? "已设" : "-", u.createdBy(),
							u.createdAt(), nz(u.disabledBy()), nz(u.disabledAt())));
				}
			}
			System.out.printf("共 %d 个用户%n", all.size());
			return 0;
		}

		private static String nz(String s) {
			return s == null ? "" : s;
		}
	}

	@Command(name = "disable", description = "立即停用用户（保留以备审计）。")
	static class Disable implements Callable<Integer> {

		@Option(names = "--name", required = true)
		String name;

		@Mixin
		UserOption user;

		private final AccessControl access;

		Disable(AccessControl access) {
			this.access = access;
		}

		@Override
		public Integer call() {
			try {
				access.disable(user.name(), name);
			}
			catch (IllegalArgumentException e) {
				throw new CommandFailedException(e.getMessage(), 2);
			}
			System.out.printf("已停用用户 %s%n", name);
			return 0;
		}
	}

	@Command(name = "map", description = "把用户映射到操作系统账户（--os-account= 留空则取消映射）。")
	static class Map implements Callable<Integer> {

		@Option(names = "--name", required = true)
		String name;

		@Option(names = "--os-account", required = true, description = "操作系统账户；留空取消映射。")
		String osAccount;

		@Mixin
		UserOption user;

		private final AccessControl access;

		Map(AccessControl access) {
			this.access = access;
		}

		@Override
		public Integer call() {
			try {
				access.map(user.name(), name, osAccount);
			}
			catch (IllegalArgumentException e) {
				throw new CommandFailedException(e.getMessage(), 2);
			}
			System.out.printf(osAccount.isBlank() ? "已取消用户 %s 的映射%n" : "已把用户 %s 映射到操作系统账户 %s%n", name, osAccount);
			return 0;
		}
	}

	/**
	 * {@code users token --name=U [--label=L]}: creates an API token for U (printed once: only its hash is
	 * kept); {@code --list}: U's tokens (id, label, prefix, created, last used, revoked); {@code --revoke=ID}:
	 * revokes one. By an ADMIN covering U's county ({@link ApiTokens}).
	 */
	@Command(name = "token", description = "系统账户的 API 令牌：创建（只显示一次）、列出（--list）或吊销（--revoke=编号）。")
	static class Token implements Callable<Integer> {

		@Option(names = "--name", required = true, description = "令牌所属用户（系统账户）。")
		String name;

		@Option(names = "--label", description = "令牌用途（如对接的部门系统）；默认为用户名。")
		String label;

		@Option(names = "--list", description = "列出该用户的令牌（不显示令牌本身）。")
		boolean list;

		@Option(names = "--revoke", description = "要吊销的令牌编号。")
		Long revoke;

		@Mixin
		UserOption user;

		private final ApiTokens tokens;

		Token(ApiTokens tokens) {
			this.tokens = tokens;
		}

		@Override
		public Integer call() {
			try {
				if (list) {
					List<ApiTokens.Listed> all = tokens.list(user.name(), name);
					System.out.println("编号\t用途\t前缀\t创建人\t创建时间\t最近使用\t状态");
					for (ApiTokens.Listed t : all) {
						System.out.println(String.join("\t", Long.toString(t.id()), t.label(), t.prefix() + "…", t.createdBy(),
								t.createdAt(), t.lastUsedAt() == null ? "-" : t.lastUsedAt(),
								t.revoked() ? "已吊销（" + t.revokedAt() + "，" + t.revokedBy() + "）" : "有效"));
					}
					System.out.printf("共 %d 个令牌%n", all.size());
				}
				else if (revoke != null) {
					tokens.revoke(user.name(), name, revoke);
					System.out.printf("用户 %s 的令牌 %d 已吊销%n", name, revoke);
				}
				else {
					ApiTokens.Created t = tokens.create(user.name(), name, label);
					System.out.println(t.token());
					System.err.printf("令牌 %d（%s）已为用户 %s 创建；上面一行是令牌本身，只显示这一次，请立即妥善保存%n", t.id(), t.label(), name);
				}
			}
			catch (IllegalArgumentException e) {
				throw new CommandFailedException(e.getMessage(), 2);
			}
			return 0;
		}
	}
}
