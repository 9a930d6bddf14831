package cn.doudi.cli;

import java.lang.reflect.Constructor;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.objenesis.Objenesis;
import org.springframework.objenesis.ObjenesisStd;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The picocli model of every command, in Chinese (headings, {@code -h/--help} on each command), and what
 * the command line says when it is wrong: one Chinese line naming the option, the value and why, with a
 * "did you mean" for a typo and the command's {@code --help} to read. {@link #parser()} builds the model
 * without Spring (commands instantiated without their constructors, only to hold the parsed values), so that
 * help and argument errors answer before the application — and its database — start.
 */
final class CommandLines {

	/** The exit codes of every command (README "Exit codes"). */
	static final int OK = 0;
	static final int REFUSED = 1;
	static final int USAGE = 2;
	static final int ACCESS = 3;
	static final int DATA = 4;
	static final int ENVIRONMENT = 5;

	private CommandLines() {
	}

	/** The model of every command without Spring: to parse and to print help, never to execute. */
	static CommandLine parser() {
		return chinese(new CommandLine(new DoudiCommand(), new ParseOnlyFactory()));
	}

	/** Chinese headings and a {@code -h/--help} option on this command and every subcommand. */
	static CommandLine chinese(CommandLine cli) {
		cli.setCaseInsensitiveEnumValuesAllowed(true);
		cli.setAbbreviatedOptionsAllowed(false);
		apply(cli, true);
		return cli;
	}

	private static void apply(CommandLine cli, boolean root) {
		CommandSpec spec = cli.getCommandSpec();
		UsageMessageSpec u = spec.usageMessage();
		u.synopsisHeading("用法：").optionListHeading("%n选项：%n").parameterListHeading("%n参数：%n")
			.commandListHeading("%n命令（doudi help <命令> 查看各命令的用法）：%n")
			.requiredOptionMarker('*')
			.footerHeading("%n")
			.footer(root ? new String[] { "* 为必填选项。全局选项（放在任何位置）：--home=DIR  --db-url=URL  --db-user=U  --db-password=P。",
					"退出码：0 成功；1 被规则或检查拒绝；2 命令行有误；3 身份未证实或无权；4 数据有问题（如导入被拒绝）；5 环境问题（如数据库无法连接）。" }
					: new String[] { "* 为必填选项。" });
		if (spec.findOption("--help") == null) {
			spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("显示本命令的用法并退出").build());
		}
		if (root && spec.findOption("--version") == null) {
			spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).description("显示版本并退出").build());
		}
		for (CommandLine sub : cli.getSubcommands().values()) {
			apply(sub, false);
		}
	}

	/** The command that {@code doudi help a b} names, or null. */
	static CommandLine find(CommandLine root, List<String> path) {
		CommandLine c = root;
		for (String name : path) {
			c = c.getSubcommands().get(name);
			if (c == null) {
				return null;
			}
		}
		return c;
	}

	/** The full name of a command, e.g. {@code doudi users add}. */
	static String qualified(CommandLine c) {
		return c.getCommandSpec().qualifiedName(" ");
	}

	/**
	 * picocli names a missing required option before an unknown one; a typo ({@code --mont=…}) is what the
	 * person must read about, so an unknown option of the failing command comes first.
	 */
	static ParameterException unknownOptionFirst(ParameterException e, List<String> args) {
		if (!(e instanceof CommandLine.MissingParameterException)) {
			return e;
		}
		CommandLine c = e.getCommandLine();
		for (String a : args) {
			if (!a.startsWith("-") || a.equals("-") || a.equals("--")) {
				continue;
			}
			int eq = a.indexOf('=');
			String name = eq > 0 ? a.substring(0, eq) : a;
			boolean known = false;
			for (CommandLine k = c; k != null; k = k.getParent()) {
				known |= k.getCommandSpec().findOption(name) != null;
			}
			if (!known) {
				return new UnmatchedArgumentException(c, List.of(a));
			}
		}
		return e;
	}

	/** One Chinese line for a command line picocli could not parse, ending with where to read the usage. */
	static String message(ParameterException e) {
		CommandLine c = e.getCommandLine();
		String help = "（" + qualified(c) + " --help 查看用法）";
		if (e instanceof UnmatchedArgumentException u) {
			List<String> unmatched = u.getUnmatched();
			String first = unmatched.isEmpty() ? "" : unmatched.get(0);
			List<String> suggestions = u.getSuggestions();
			String mean = suggestions.isEmpty() ? "" : "，是不是想用 " + suggestions.get(0) + "？";
			if (first.startsWith("-")) {
				return "未知选项“" + first + "”" + mean + help;
			}
			if (!c.getSubcommands().isEmpty() && c.getCommandSpec().positionalParameters().isEmpty()) {
				return "未知命令“" + first + "”" + mean + help;
			}
			return "多余的参数“" + String.join(" ", unmatched) + "”" + help;
		}
		if (e instanceof CommandLine.MissingParameterException m) {
			String missing = m.getMissing().stream().map(CommandLines::name).collect(Collectors.joining("、"));
			boolean options = m.getMissing().stream().allMatch(ArgSpec::isOption);
			return (options ? "缺少必填选项 " : "缺少参数 ") + missing + help;
		}
		if (e instanceof CommandLine.OverwrittenOptionException o) {
			return "选项 " + name(o.getOverwritten()) + " 只能给一次" + help;
		}
		if (e instanceof CommandLine.MaxValuesExceededException) {
			return "参数太多" + help;
		}
		ArgSpec arg = e.getArgSpec();
		if (arg != null && e.getValue() != null) {
			String why = e.getCause() instanceof CommandLine.TypeConversionException t && isChinese(t.getMessage())
					? t.getMessage() : expected(arg);
			return (arg.isOption() ? "选项 " : "参数 ") + name(arg) + " 的值“" + e.getValue() + "”无效：" + why + help;
		}
		if (arg != null) {
			return (arg.isOption() ? "选项 " : "参数 ") + name(arg) + " 需要一个值" + help;
		}
		return "命令行有误" + help;
	}

	private static String expected(ArgSpec arg) {
		Class<?> type = arg.type();
		if (type.isEnum()) {
			return "应为 " + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining("、")) + " 之一";
		}
		if (type == java.time.LocalDate.class) {
			return "应为日期 YYYY-MM-DD";
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return "应为整数";
		}
		if (type == java.math.BigDecimal.class) {
			return "应为金额（元），如 120.50";
		}
		return "格式不对";
	}

	private static boolean isChinese(String s) {
		return s != null && s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
	}

	private static String name(ArgSpec a) {
		if (a instanceof OptionSpec o) {
			return o.longestName();
		}
		return ((PositionalParamSpec) a).paramLabel();
	}

	/**
	 * Creates the commands (and their mixins) for parsing only: without their constructors, so without the
	 * Spring beans those take; their fields get the parsed values and their defaults from the annotations.
	 */
	private static final class ParseOnlyFactory implements CommandLine.IFactory {

		private final Objenesis objenesis = new ObjenesisStd();

		@Override
		public <K> K create(Class<K> cls) throws Exception {
			if (!cls.getPackageName().startsWith("cn.doudi")) {
				return CommandLine.defaultFactory().create(cls);
			}
			try {
				Constructor<K> c = cls.getDeclaredConstructor();
				c.setAccessible(true);
				return c.newInstance();
			}
			catch (NoSuchMethodException e) {
				return objenesis.newInstance(cls);
			}
		}
	}
}
