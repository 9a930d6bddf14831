package cn.doudi.cli;

import java.util.List;
import java.util.Map;

/** The server properties of {@code serve}'s {@code --tls}, {@code --keystore} and {@code --behind-proxy} (tests use this). */
public final class ServeCommandProperties {

	private ServeCommandProperties() {
	}

	public static Map<String, Object> of(List<String> args, Map<String, String> env) {
		return ServeCommand.serverProperties(args, env);
	}
}
