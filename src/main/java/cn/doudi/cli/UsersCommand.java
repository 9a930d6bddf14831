package cn.doudi.cli;

import java.util.concurrent.Callable;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import cn.doudi.security.AccessControl;
import cn.doudi.security.Passwords;
import cn.doudi.security.Role;
import cn.doudi.security.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code users add --name=U --role=R [--county=C]}: on an empty user table the first ADMIN bootstraps. */
@Command(name = "users", description = "Manages users.", subcommands = { UsersCommand.Add.class, UsersCommand.Password.class })
class UsersCommand {

	@Command(name = "add", description = "Adds a user (roles: OPERATOR, MONITOR, FINANCE, AUDITOR, ADMIN).")
	static class Add implements Callable<Integer> {

		@Option(names = "--name", required = true)
		String name;

		@Option(names = "--role", required = true)
		Role role;

		@Option(names = "--county", description = "The user's county (6 digits); none = city-wide.")
		String county;

		@Mixin
		UserOption user;

		private final AccessControl access;

		Add(AccessControl access) {
			this.access = access;
		}

		@Override
		public Integer call() {
			User u = access.add(user.user, name, role, county);
			System.out.printf("user %s added: %s, %s%n", u.name(), u.role(), u.cityWide() ? "city-wide" : u.county());
			return 0;
		}
	}

	/**
	 * {@code users password --name=U}: sets U's web-console password, read from {@code DOUDI_PASSWORD} if
	 * set, else from the terminal (asked twice) or the first line of standard input; never an option,
	 * so that it stays out of the shell history and the process list. By U itself or an ADMIN of U's county.
	 */
	@Command(name = "password", description = "Sets a user's web-console password (from DOUDI_PASSWORD or standard input).")
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
			String password = System.getenv("DOUDI_PASSWORD");
			Console console = System.console();
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
				throw new CommandFailedException("没有读到密码（用 DOUDI_PASSWORD 或标准输入给出）", 2);
			}
			try {
				passwords.set(user.user, name, password);
			}
			catch (IllegalArgumentException e) {
				throw new CommandFailedException(e.getMessage(), 2);
			}
			System.out.printf("password of %s set%n", name);
			return 0;
		}
	}
}
