package cn.doudi.cli;

import cn.doudi.security.CommandAuthentication;
import picocli.CommandLine.Option;

/**
 * {@code --user=U}: who acts — proved, never taken on trust ({@link CommandAuthentication}): by the OS account
 * mapped to U, U's password ({@code DOUDI_PASSWORD} or typed on a terminal), or an API token. Without
 * {@code --user}: the user mapped to the OS account (else the user named as the account).
 */
class UserOption {

	@Option(names = "--user", description = "The user who acts (default: the user mapped to your OS account); proved by the OS account, DOUDI_PASSWORD or a typed password.")
	String user;

	private final CommandAuthentication authentication;
	private final Caller caller;
	private String proved;

	UserOption(CommandAuthentication authentication, Caller caller) {
		this.authentication = authentication;
		this.caller = caller;
	}

	/** The name of the proved user (asked once per command); throws AccessDeniedException when not proved. */
	String name() {
		if (proved == null) {
			proved = authentication.authenticate(user == null || user.isBlank() ? null : user.strip(), caller);
		}
		return proved;
	}

	Caller caller() {
		return caller;
	}
}
