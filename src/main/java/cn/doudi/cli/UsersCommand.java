package cn.doudi.cli;

import java.util.concurrent.Callable;

import cn.doudi.security.AccessControl;
import cn.doudi.security.Role;
import cn.doudi.security.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code users add --name=U --role=R [--county=C]}: on an empty user table the first ADMIN bootstraps. */
@Command(name = "users", description = "Manages users.", subcommands = UsersCommand.Add.class)
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
}
