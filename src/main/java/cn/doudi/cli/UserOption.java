package cn.doudi.cli;

import cn.doudi.security.CommandAuthentication;
import picocli.CommandLine.Option;

/**
 * {@code --user=U}: who acts — proved, never taken on trust ({@link CommandAuthentication}): by the OS account
 * mapped to U, U's password ({@code DOUDI_PASSWORD} or typed on a terminal), or an API token. Without
 * {@code --user}: the user mapped to the OS account (else the user named as the account).
 */
class UserOption {

	@Option(names = "--user", description = "以哪个用户操作（默认：映射到当前操作系统账户的用户）；由操作系统账户、DOUDI_PASSWORD 或输入的密码证实。")
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
