package cn.doudi.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The global options ({@code --home}, {@code --db-url}, {@code --db-user}, {@code --db-password},
 * {@code --log-format}),
 * accepted anywhere on the line as {@code --name=value} or {@code --name value}, turned into
 * Spring properties so that they outrank the environment and {@code application.yml}.
 */
record GlobalOptions(Map<String, Object> properties, List<String> commandArgs) {

	private static final Map<String, String> PROPERTY = Map.of("--home", "doudi.home", "--db-url", "doudi.db.url",
			"--db-user", "doudi.db.user", "--db-password", "doudi.db.password", "--log-format", "doudi.log.format");

	/** The log file's formats ({@code logback-spring.xml}): text lines, or Spring Boot's structured JSON. */
	static final java.util.Set<String> LOG_FORMATS = java.util.Set.of("text", "ecs", "logstash", "gelf");

	static GlobalOptions extract(String[] args) {
		Map<String, Object> props = new LinkedHashMap<>();
		List<String> rest = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			String a = args[i];
			int eq = a.indexOf('=');
			String name = eq > 0 ? a.substring(0, eq) : a;
			String property = PROPERTY.get(name);
			if (property == null) {
				rest.add(a);
			}
			else if (eq > 0) {
				props.put(property, a.substring(eq + 1));
			}
			else if (i + 1 < args.length) {
				props.put(property, args[++i]);
			}
			else {
				throw new IllegalArgumentException("选项 " + name + " 需要一个值");
			}
		}
		Object format = props.get("doudi.log.format");
		if (format != null && !LOG_FORMATS.contains(format.toString())) {
			throw new IllegalArgumentException("--log-format 只能是 text、ecs、logstash 或 gelf：" + format);
		}
		return new GlobalOptions(props, rest);
	}

	/** The command's name: the first argument that is not an option. */
	String command() {
		return commandArgs.stream().filter(a -> !a.startsWith("-")).findFirst().orElse("");
	}
}
