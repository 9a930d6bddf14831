package cn.doudi.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

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
@Command(name = "users", description = "Manages users.", subcommands = { UsersCommand.Add.class, UsersCommand.Password.class,
		UsersCommand.ListUsers.class, UsersCommand.Disable.class, UsersCommand.Map.class, UsersCommand.Token.class })
class UsersCommand implements Runnable {

	@Override
	public void run() {
		new picocli.CommandLine(this).usage(System.out);
	}

	@Command(name = "add", description = "Adds a user (roles: OPERATOR, MONITOR, FINANCE, AUDITOR, ADMIN).")
	static class Add implements Callable<Integer> {

		@Option(names = "--name", required = true)
		String name;

		@Option(names = "--role", required = true)
		Role role;

		@Option(names = "--county", description = "The user's county (6 digits); none = city-wide.")
		String county;

		@Option(names = "--os-account", description = "The operating-system account that proves this user on the command line (one user per account).")
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
			System.out.printf("user %s added: %s, %s%n", u.name(), u.role(), u.cityWide() ? "city-wide" : u.county());
			return 0;
		}
	}

	/**
	 * {@code users password --name=U}: sets U's password (console and command line), read from
	 * {@code DOUDI_NEW_PASSWORD} if set, else from the terminal (asked twice) or the first line of standard
	 * input; never an option, so that it stays out of the shell history and the process list
	 * ({@code DOUDI_PASSWORD} is the acting user's own, which proves it). By U itself or an ADMIN of U's county.
	 */
	@Command(name = "password", description = "Sets a user's password (from DOUDI_NEW_PASSWORD, the terminal or standard input).")
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
			System.out.printf("password of %s set%n", name);
			return 0;
		}
	}

	@Command(name = "list", description = "Lists the users (ADMIN or AUDITOR; a county's own users for a county's).")
	static class ListUsers implements Callable<Integer> {

		@Mixin
		UserOption user;

		private final AccessControl access;

		ListUsers(AccessControl access) {
			this.access = access;
		}

		@Override
		public Integer call() {
			List<AccessControl.Listed> all = access.list(user.name());
			System.out.println("name\trole\tcounty\tstatus\tos_account\tpassword\tcreated_by\tcreated_at\tdisabled_by\tdisabled_at");
			for (AccessControl.Listed u : all) {
				System.out.println(String.join("\t", u.name(), u.role().name(), u.county() == null ? "city-wide" : u.county(),
						u.active() ? "active" : "disabled", nz(u.osAccount()), u.passwordSet() ? "set" : "-", u.createdBy(),
						u.createdAt(), nz(u.disabledBy()), nz(u.disabledAt())));
			}
			System.out.printf("%d users%n", all.size());
			return 0;
		}

		private static String nz(String s) {
			return s == null ? "" : s;
		}
	}

	@Command(name = "disable", description = "Disables a user at once (kept for the audit trail).")
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
			System.out.printf("user %s disabled%n", name);
			return 0;
		}
	}

	@Command(name = "map", description = "Maps a user to an operating-system account (--os-account= removes the mapping).")
	static class Map implements Callable<Integer> {

		@Option(names = "--name", required = true)
		String name;

		@Option(names = "--os-account", required = true)
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
			System.out.printf(osAccount.isBlank() ? "user %s unmapped%n" : "user %s mapped to %s%n", name, osAccount);
			return 0;
		}
	}

	/**
	 * {@code users token --name=U [--label=L]}: creates an API token for U (printed once: only its hash is
	 * kept); {@code --list}: U's tokens (id, label, prefix, created, last used, revoked); {@code --revoke=ID}:
	 * revokes one. By an ADMIN covering U's county ({@link ApiTokens}).
	 */
	@Command(name = "token", description = "Creates (printed once), lists (--list) or revokes (--revoke=ID) a user's API tokens.")
	static class Token implements Callable<Integer> {

		@Option(names = "--name", required = true)
		String name;

		@Option(names = "--label", description = "What the token is for (e.g. the agency's system); default: the user's name.")
		String label;

		@Option(names = "--list")
		boolean list;

		@Option(names = "--revoke", description = "The id of the token to revoke.")
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
					System.out.println("id\tlabel\tprefix\tcreated_by\tcreated_at\tlast_used\tstatus");
					for (ApiTokens.Listed t : all) {
						System.out.println(String.join("\t", Long.toString(t.id()), t.label(), t.prefix() + "…", t.createdBy(),
								t.createdAt(), t.lastUsedAt() == null ? "-" : t.lastUsedAt(),
								t.revoked() ? "revoked " + t.revokedAt() + " by " + t.revokedBy() : "active"));
					}
					System.out.printf("%d tokens%n", all.size());
				}
				else if (revoke != null) {
					tokens.revoke(user.name(), name, revoke);
					System.out.printf("token %d of %s revoked%n", revoke, name);
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
