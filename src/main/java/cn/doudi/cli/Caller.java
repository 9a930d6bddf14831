package cn.doudi.cli;

import java.io.Console;
import java.util.Map;
import java.util.Optional;

import org.slf4j.LoggerFactory;

import cn.doudi.security.Credentials;

/**
 * The process that runs a command, as {@link cn.doudi.security.CommandAuthentication} is told about it: the
 * operating-system account (from the kernel — {@code getuid()} and the account database —, not from
 * {@code $USER} or {@code -Duser.name}, which anyone can set), the environment ({@code DOUDI_PASSWORD},
 * {@code DOUDI_TOKEN}, {@code DOUDI_NEW_PASSWORD}) and, when standard input is a terminal, a prompt for
 * the password. Tests and embedding code build one with {@link #of}.
 */
public final class Caller implements Credentials {

	private final String osAccount;
	private final Map<String, String> env;
	private final Console console;
	private String typed;

	private Caller(String osAccount, Map<String, String> env, Console console) {
		this.osAccount = osAccount;
		this.env = Map.copyOf(env);
		this.console = console;
	}

	/** This process: its OS account, its environment, its terminal (if any). */
	public static Caller ofProcess() {
		return new Caller(processAccount(), System.getenv(), System.console());
	}

	/** A caller of the given OS account and environment, without a terminal. */
	public static Caller of(String osAccount, Map<String, String> env) {
		return new Caller(osAccount, env, null);
	}

	@Override
	public String osAccount() {
		return osAccount;
	}

	@Override
	public Optional<String> password(String user) {
		String given = env.get("DOUDI_PASSWORD");
		if (given != null) {
			return Optional.of(given);
		}
		if (console == null) {
			return Optional.empty();
		}
		if (typed == null) {
			char[] p = console.readPassword("用户 %s 的密码：", user);
			typed = p == null ? "" : new String(p);
		}
		return typed.isEmpty() ? Optional.empty() : Optional.of(typed);
	}

	@Override
	public Optional<String> token() {
		return Optional.ofNullable(env.get("DOUDI_TOKEN")).filter(t -> !t.isBlank());
	}

	/** An environment variable of the caller. */
	Optional<String> env(String name) {
		return Optional.ofNullable(env.get(name));
	}

	Console console() {
		return console;
	}

	/**
	 * The account the process runs as: {@code UnixSystem} (getuid, getpwuid) or, on Windows, {@code NTSystem};
	 * the {@code user.name} property only where neither exists (it can be set on the java command line).
	 */
	static String processAccount() {
		try {
			String name = new com.sun.security.auth.module.UnixSystem().getUsername();
			if (name != null && !name.isBlank()) {
				return name;
			}
		}
		catch (Throwable e) {
			// not a Unix, or the module is absent
		}
		try {
			Class<?> nt = Class.forName("com.sun.security.auth.module.NTSystem");
			Object system = nt.getConstructor().newInstance();
			return (String) nt.getMethod("getName").invoke(system);
		}
		catch (Throwable e) {
			LoggerFactory.getLogger(Caller.class).warn("the OS account is taken from user.name (no UnixSystem/NTSystem)");
			return System.getProperty("user.name", "unknown");
		}
	}
}
