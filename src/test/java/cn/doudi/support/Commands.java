package cn.doudi.support;

import java.util.Arrays;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

import cn.doudi.cli.Caller;
import cn.doudi.cli.DoudiCli;

/**
 * Runs a command line in a test's application context as a shell of the OS account that proves the user it
 * names: {@link TestData#user} maps each test user to an account of the same name, so {@code --user=fin2}
 * runs as the account {@code fin2} (a user that does not exist, or is not mapped, is refused as it would be
 * from a real shell). Tests of the authentication itself build their {@link Caller} explicitly.
 */
public final class Commands {

	private Commands() {
	}

	public static int run(ConfigurableApplicationContext context, String... args) {
		String user = Arrays.stream(args)
			.filter(a -> a.startsWith("--user="))
			.map(a -> a.substring("--user=".length()))
			.findFirst()
			.orElse("test-shell");
		return DoudiCli.execute(context, Caller.of(user, Map.of()), args);
	}
}
