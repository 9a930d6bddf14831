package cn.doudi.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import picocli.CommandLine;

/**
 * Runs one command: reads the global options, starts the application (on the embedded database, an
 * external one, or — for {@code demo} — a fresh embedded one of its own), executes the command through
 * picocli and returns its exit code. Errors end with one line on standard error.
 */
public final class DoudiCli {

	private DoudiCli() {
	}

	public static int run(Class<?> application, String[] args) {
		GlobalOptions options;
		try {
			options = GlobalOptions.extract(args);
		}
		catch (IllegalArgumentException e) {
			System.err.println("doudi: " + e.getMessage() + "（doudi --help 查看用法）");
			return CommandLines.USAGE;
		}
		String command = options.command();
		// the whole command line is parsed, and help printed, before anything starts (no Spring, no database)
		Integer answered = answerWithoutStarting(options.commandArgs());
		if (answered != null) {
			return answered;
		}
		if (command.equals("sample-data")) {
			// needs no database: runs without starting the application
			List<String> rest = new ArrayList<>(options.commandArgs());
			rest.remove(command);
			return configure(new CommandLine(new SampleDataCommand())).execute(rest.toArray(String[]::new));
		}
		Map<String, Object> props = new LinkedHashMap<>(options.properties());
		if (command.equals("demo")) {
			// demo never touches the main database: a fresh embedded one under <home>/demo
			String home = (String) props.getOrDefault("doudi.home",
					System.getenv().getOrDefault("DOUDI_HOME", System.getProperty("user.home") + "/.doudi"));
			props.put("doudi.home", home);
			props.put("doudi.db.url", "");
			props.put("doudi.db.embedded-dir", Path.of(home, "demo", "pgdata").toString());
			props.put("doudi.db.fresh", "true");
		}
		if (command.equals("serve")) {
			// the server binds while the application starts: its options become properties first
			// application.yml says none for every other command; the property outranks setWebApplicationType
			props.put("spring.main.web-application-type", "servlet");
			props.putIfAbsent("server.address", "127.0.0.1");
			for (String a : options.commandArgs()) {
				if (a.startsWith("--port=")) {
					props.put("server.port", a.substring("--port=".length()));
				}
				else if (a.startsWith("--address=")) {
					props.put("server.address", a.substring("--address=".length()));
				}
			}
			try {
				props.putAll(ServeCommand.serverProperties(options.commandArgs(), System.getenv()));
			}
			catch (IllegalArgumentException e) {
				System.err.println("doudi: " + e.getMessage());
				return 2;
			}
		}
		props.putAll(workerProperties(command, options.commandArgs()));
		SpringApplication app = new SpringApplication(application);
		app.setAddCommandLineProperties(false);
		app.setWebApplicationType(command.equals("serve") ? WebApplicationType.SERVLET : WebApplicationType.NONE);
		// added once the environment is prepared, before it is bound to the application (spring.main.*, as
		// serve's web-application-type, must outrank application.yml) and before any bean reads it
		// ordered before Boot's LoggingApplicationListener: the log file lives under --home (logging.file.name)
		app.addListeners(new CommandLineProperties(props));
		ConfigurableApplicationContext context;
		try {
			context = app.run();
		}
		catch (RuntimeException e) {
			System.err.println("doudi: 无法启动（数据库或配置有问题）：" + startFailure(e));
			return CommandLines.ENVIRONMENT;
		}
		try (context) {
			return execute(context, Caller.ofProcess(), options.commandArgs().toArray(String[]::new));
		}
	}

	/**
	 * {@code month-end --threads=N --workers=remote} and {@code worker --threads=N} as {@code doudi.workers.*}: read
	 * before the application starts, since only a remote month-end or a worker creates the AMQP beans.
	 */
	static Map<String, Object> workerProperties(String command, List<String> args) {
		Map<String, Object> props = new LinkedHashMap<>();
		if (!command.equals("month-end") && !command.equals("worker")) {
			return props;
		}
		if (command.equals("worker")) {
			props.put("doudi.workers.mode", "remote");
			props.put("doudi.workers.listen", "true");
		}
		for (int i = 0; i < args.size(); i++) {
			String a = args.get(i);
			String value = i + 1 < args.size() ? args.get(i + 1) : "";
			if (a.startsWith("--threads=")) {
				props.put("doudi.workers.threads", a.substring("--threads=".length()));
			}
			else if (a.equals("--threads")) {
				props.put("doudi.workers.threads", value);
			}
			else if (a.equals("--workers=remote") || a.equals("--workers") && value.equals("remote")) {
				props.put("doudi.workers.mode", "remote");
			}
		}
		return props;
	}

	/**
	 * Help ({@code doudi}, {@code doudi help [command]}, {@code --help} anywhere) and argument errors, answered
	 * from the picocli model alone; null when the command line is valid and the command must run.
	 */
	static Integer answerWithoutStarting(List<String> args) {
		CommandLine parser = CommandLines.parser();
		if (args.isEmpty()) {
			parser.usage(System.out);
			return CommandLines.USAGE;
		}
		if (args.get(0).equals("help")) {
			CommandLine target = CommandLines.find(parser, args.subList(1, args.size()));
			if (target == null) {
				System.err.println("doudi: 没有命令“" + String.join(" ", args.subList(1, args.size())) + "”（doudi --help 列出所有命令）");
				return CommandLines.USAGE;
			}
			target.usage(System.out);
			return CommandLines.OK;
		}
		CommandLine.ParseResult parsed;
		try {
			parsed = parser.parseArgs(args.toArray(String[]::new));
		}
		catch (CommandLine.ParameterException e) {
			System.err.println("doudi: " + CommandLines.message(CommandLines.unknownOptionFirst(e, args)));
			return CommandLines.USAGE;
		}
		if (CommandLine.printHelpIfRequested(parsed)) {
			return CommandLines.OK;
		}
		CommandLine.ParseResult leaf = parsed;
		while (leaf.subcommand() != null) {
			leaf = leaf.subcommand();
		}
		if (!leaf.commandSpec().subcommands().isEmpty() && !(leaf.commandSpec().userObject() instanceof java.util.concurrent.Callable<?>)) {
			// a group (users, findings, schedules, intake) without its subcommand
			System.err.println("doudi: " + CommandLines.qualified(leaf.commandSpec().commandLine()) + " 需要一个子命令："
					+ String.join("、", leaf.commandSpec().subcommands().keySet()) + "（"
					+ CommandLines.qualified(leaf.commandSpec().commandLine()) + " --help 查看用法）");
			return CommandLines.USAGE;
		}
		return null;
	}

	/** Executes a command in a running application context, as this process's OS account and environment. */
	public static int execute(ConfigurableApplicationContext context, String... args) {
		return execute(context, Caller.ofProcess(), args);
	}

	/** Executes a command in a running application context as {@code caller} (tests use this). */
	public static int execute(ConfigurableApplicationContext context, Caller caller, String... args) {
		return configure(new CommandLine(new DoudiCommand(), new SpringFactory(context, caller))).execute(args);
	}

	private static CommandLine configure(CommandLine cli) {
		CommandLines.chinese(cli);
		cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
			PrintWriter err = commandLine.getErr();
			err.println("doudi: " + personMessage(ex));
			err.flush();
			if (!(ex instanceof CommandFailedException)) {
				org.slf4j.LoggerFactory.getLogger(DoudiCli.class).debug("command failed", ex);
			}
			return exitCode(ex);
		});
		cli.setParameterExceptionHandler((ex, a) -> {
			ex.getCommandLine().getErr().println("doudi: " + CommandLines.message(ex));
			return CommandLines.USAGE;
		});
		return cli;
	}

	/**
	 * The exit code of a command that failed (README "Exit codes"): the same for the same cause in every
	 * command — a user not proved, unknown or without the right is 3 wherever it happens.
	 */
	static int exitCode(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof CommandFailedException f) {
				return f.exitCode();
			}
			if (t instanceof cn.doudi.security.AccessDeniedException) {
				return CommandLines.ACCESS;
			}
			if (t instanceof org.springframework.dao.DataAccessResourceFailureException
					|| t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException || t instanceof java.io.IOException
					|| t instanceof java.io.UncheckedIOException) {
				return CommandLines.ENVIRONMENT;
			}
		}
		return CommandLines.REFUSED;
	}

	/**
	 * Why the application could not start, in Chinese: the database's refusals by their SQL state (cannot connect,
	 * login refused, no such database), Flyway's by name; a message without Chinese (a library's own) is kept as
	 * the detail of a Chinese sentence.
	 */
	static String startFailure(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof java.sql.SQLException s && s.getSQLState() != null) {
				String state = s.getSQLState();
				if (state.startsWith("08")) {
					return "无法连接数据库（请检查 --db-url 的主机和端口，以及数据库服务是否在运行）：" + s.getMessage();
				}
				if (state.startsWith("28")) {
					return "数据库拒绝登录（请检查 --db-user 和 --db-password）：" + s.getMessage();
				}
				if (state.equals("3D000")) {
					return "数据库不存在（请检查 --db-url 中的数据库名）：" + s.getMessage();
				}
			}
			if (t.getClass().getName().startsWith("org.flywaydb")) {
				return "数据库结构迁移（Flyway）失败：" + rootMessage(t);
			}
		}
		return personMessage(e);
	}

	/** A failure's message for a person: the root cause's, in a Chinese sentence when the message has no Chinese. */
	static String personMessage(Throwable e) {
		String m = rootMessage(e);
		if (m.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
			return m;
		}
		return "意外错误（" + rootClass(e) + "）：" + m;
	}

	private static String rootClass(Throwable e) {
		Throwable t = e;
		while (t.getCause() != null && t.getCause() != t && !(t instanceof CommandFailedException)) {
			t = t.getCause();
		}
		return t.getClass().getSimpleName();
	}

	static String rootMessage(Throwable e) {
		Throwable t = e;
		while (t.getCause() != null && t.getCause() != t && !(t instanceof CommandFailedException)) {
			t = t.getCause();
		}
		String m = t.getMessage();
		return (m == null ? t.getClass().getSimpleName() : m).replace('\n', ' ');
	}

	/** The command line's properties, first of all property sources, before the logging system starts. */
	private record CommandLineProperties(Map<String, Object> props)
			implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, org.springframework.core.Ordered {

		@Override
		public void onApplicationEvent(ApplicationEnvironmentPreparedEvent e) {
			e.getEnvironment().getPropertySources().addFirst(new MapPropertySource("doudiCommandLine", props));
		}

		@Override
		public int getOrder() {
			// after EnvironmentPostProcessorApplicationListener (application.yml), before LoggingApplicationListener
			return org.springframework.boot.context.logging.LoggingApplicationListener.DEFAULT_ORDER - 1;
		}
	}

	private record SpringFactory(ConfigurableApplicationContext context, Caller caller) implements CommandLine.IFactory {
		@Override
		public <K> K create(Class<K> cls) throws Exception {
			if (cls == UserOption.class) {
				return cls.cast(new UserOption(context.getBean(cn.doudi.security.CommandAuthentication.class), caller));
			}
			if (cls == Caller.class) {
				return cls.cast(caller);
			}
			if (cls.getPackageName().startsWith("cn.doudi")) {
				return context.getAutowireCapableBeanFactory().createBean(cls);
			}
			return CommandLine.defaultFactory().create(cls);
		}
	}
}
