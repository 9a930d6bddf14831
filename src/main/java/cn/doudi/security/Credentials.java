package cn.doudi.security;

import java.util.Optional;

/**
 * What a command line offers to prove who runs it (OUTPUTS.md "Command line"): the operating-system
 * account the process runs as (as the kernel says, not an environment variable or {@code -Duser.name}),
 * a password ({@code DOUDI_PASSWORD}, or typed on a terminal when asked), an API token ({@code DOUDI_TOKEN}).
 */
public interface Credentials {

	/** The operating-system account of the process. */
	String osAccount();

	/** The password for {@code user}, when one is given (or can be asked for on a terminal). */
	Optional<String> password(String user);

	/** An API token, when one is given. */
	Optional<String> token();
}
