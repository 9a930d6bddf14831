package cn.doudi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.doudi.DoudiApplication;
import picocli.CommandLine;

/**
 * Help and argument errors answer from the picocli model alone: nothing starts. Every run points the
 * application at a home that does not exist and at a database port nobody listens on, so had the
 * application (Spring, the embedded or the external database) started, the home would exist or the
 * exit code would be 5 ("cannot start"); both are asserted not to have happened.
 */
class CommandLineWithoutStartingTests {

	@TempDir
	Path dir;

	record Answer(int exit, String out, String err) {
	}

	private Answer run(String... args) {
		Path home = dir.resolve("home");
		List<String> all = new ArrayList<>(List.of("--home=" + home, "--db-url=jdbc:postgresql://127.0.0.1:1/nobody"));
		all.addAll(List.of(args));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream oldOut = System.out;
		PrintStream oldErr = System.err;
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		int exit;
		try {
			exit = DoudiCli.run(DoudiApplication.class, all.toArray(String[]::new));
		}
		finally {
			System.setOut(oldOut);
			System.setErr(oldErr);
		}
		assertThat(Files.exists(home)).as("nothing started for %s", List.of(args)).isFalse();
		return new Answer(exit, withoutLog(out), withoutLog(err));
	}

	/** Log lines of other tests' application contexts in this JVM (Quartz, ...) are not the command's output. */
	private static String withoutLog(ByteArrayOutputStream printed) {
		return printed.toString(StandardCharsets.UTF_8)
			.lines()
			.filter(l -> !l.matches("\\d\\d:\\d\\d:\\d\\d (TRACE|DEBUG|INFO|WARN|ERROR) .*"))
			.map(l -> l + "\n")
			.collect(java.util.stream.Collectors.joining());
	}

	/** Every command and subcommand, as the words that name it ({@code users add}). */
	static List<List<String>> everyCommand() {
		List<List<String>> all = new ArrayList<>();
		collect(CommandLines.parser(), List.of(), all);
		return all;
	}

	private static void collect(CommandLine c, List<String> path, List<List<String>> all) {
		if (c.getSubcommands().isEmpty()) {
			all.add(path);
			return;
		}
		c.getSubcommands().forEach((name, sub) -> collect(sub, Stream.concat(path.stream(), Stream.of(name)).toList(), all));
	}

	private static void assertOneChineseLine(Answer a, String... contains) {
		assertThat(a.exit()).as(a.err()).isEqualTo(2);
		assertThat(a.out()).isEmpty();
		String line = a.err().strip();
		assertThat(line).doesNotContain("\n").startsWith("doudi: ").contains("--help").contains(contains)
			.doesNotContain("Exception", "Unknown", "Missing", "Invalid");
		assertThat(line.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count())
			.as(line).isGreaterThan(3);
	}

	@Test
	void everyCommandRefusesAnUnknownOptionInOneChineseLineWithExitTwo() {
		List<List<String>> commands = everyCommand();
		assertThat(commands).hasSizeGreaterThan(20).contains(List.of("month-end"), List.of("users", "add"),
				List.of("findings", "recover"), List.of("sample-data"), List.of("serve"));
		for (List<String> command : commands) {
			List<String> args = new ArrayList<>(command);
			args.add("--no-such-option=1");
			assertOneChineseLine(run(args.toArray(String[]::new)), "未知选项“--no-such-option=1”",
					"doudi " + String.join(" ", command) + " --help");
		}
	}

	@Test
	void aTypoOfACommandOrAnOptionIsAnsweredWithWhatWasMeant() {
		assertOneChineseLine(run("month-edn", "--month=2026-10"), "未知命令“month-edn”", "month-end");
		assertOneChineseLine(run("month-end", "--mont=2026-10", "--out=x"), "未知选项“--mont=2026-10”", "--month");
		assertOneChineseLine(run("users", "ad", "--name=x"), "未知命令“ad”", "add");
	}

	@Test
	void aCommandWithSubcommandsOfItsOwnRunsWithoutOne() {
		// bench (the import benchmark) has bench month-end beside it; a group (users) still asks for one
		assertThat(DoudiCli.answerWithoutStarting(List.of("bench", "--rows=1000"))).isNull();
		assertThat(DoudiCli.answerWithoutStarting(List.of("users"))).isEqualTo(CommandLines.USAGE);
	}

	@Test
	void aMissingOptionOrABadValueIsNamed() {
		assertOneChineseLine(run("month-end", "--out=x"), "缺少必填选项 --month");
		assertOneChineseLine(run("month-end", "--month=2026-13", "--out=x"), "--month", "“2026-13”", "不是月份");
		assertOneChineseLine(run("month-end", "--month=2026-10", "--out=x", "--pay-date=10/11/2026"), "--pay-date", "YYYY-MM-DD");
		assertOneChineseLine(run("release", "--month=2026-10", "--county=4101"), "--county", "6 位数字");
		assertOneChineseLine(run("users", "add", "--name=x", "--role=BOSS"), "--role", "FINANCE");
		assertOneChineseLine(run("findings", "recover", "12", "--note=n", "--amount=abc"), "--amount", "金额");
		assertOneChineseLine(run("findings", "show", "twelve"), "twelve", "整数");
		assertOneChineseLine(run("import", "beneficiaries"), "缺少参数 <file>");
		assertOneChineseLine(run("users"), "需要一个子命令", "add");
		assertOneChineseLine(run("users", "add", "--name=x", "--role=OPERATOR", "--county=中原区"), "--county", "6 位数字");
		assertOneChineseLine(run("findings", "list", "--county=4101"), "--county", "6 位数字");
		assertOneChineseLine(run("findings", "list", "--code=NAME_MISMATCHH"), "--code", "不是疑点代码");
		assertOneChineseLine(run("findings", "list", "--status=CLOSED"), "--status", "OPEN、CONFIRMED");
		assertOneChineseLine(run("findings", "list", "--codes=yes"), "--codes");
		assertOneChineseLine(run("schedules", "run", "draft", "--month=2026-13"), "--month", "不是月份");
		assertOneChineseLine(run("bench", "--rows=many"), "--rows", "整数");
		assertOneChineseLine(run("revoke", "--month=2026-10", "--county=410102"), "缺少必填选项 --reason");
		assertOneChineseLine(run("--home"), "--home");
	}

	@Test
	void whatKeepsTheApplicationFromStartingOrACommandFromFinishingIsSaidInChinese() {
		assertThat(DoudiCli.startFailure(new IllegalStateException("pool", new java.sql.SQLException(
				"Connection to 127.0.0.1:1 refused.", "08001")))).startsWith("无法连接数据库（请检查 --db-url 的主机和端口")
			.endsWith("Connection to 127.0.0.1:1 refused.");
		assertThat(DoudiCli.startFailure(new java.sql.SQLException("password authentication failed", "28P01")))
			.startsWith("数据库拒绝登录（请检查 --db-user 和 --db-password）");
		assertThat(DoudiCli.startFailure(new java.sql.SQLException("database \"x\" does not exist", "3D000")))
			.startsWith("数据库不存在");
		// a message of the product's own, already in Chinese, is said as it is; a library's English one is explained
		assertThat(DoudiCli.personMessage(new CommandFailedException("用户 x 不存在", 3))).isEqualTo("用户 x 不存在");
		assertThat(DoudiCli.personMessage(new RuntimeException(new IllegalArgumentException("No enum constant X"))))
			.isEqualTo("意外错误（IllegalArgumentException）：No enum constant X");
	}

	@Test
	void helpIsPicocliUsageInChineseOnEveryCommand() {
		for (String[] args : List.of(new String[] { "--help" }, new String[] { "help" }, new String[] { "-h" })) {
			Answer a = run(args);
			assertThat(a.exit()).isZero();
			assertThat(a.out()).startsWith("用法：doudi").contains("命令", "month-end", "月结", "退出码").doesNotContain("Usage");
			assertThat(a.err()).isEmpty();
		}
		Answer none = run();
		assertThat(none.exit()).isEqualTo(2);
		assertThat(none.out()).startsWith("用法：doudi");
		for (List<String> command : everyCommand()) {
			List<String> args = new ArrayList<>(command);
			args.add("--help");
			Answer a = run(args.toArray(String[]::new));
			assertThat(a.exit()).as("%s", args).isZero();
			assertThat(a.out()).startsWith("用法：doudi " + String.join(" ", command)).contains("-h, --help", "显示本命令的用法");
			List<String> helped = new ArrayList<>(List.of("help"));
			helped.addAll(command);
			assertThat(run(helped.toArray(String[]::new)).out()).isEqualTo(a.out());
		}
		for (String list : List.of("findings", "users", "schedules", "intake")) {
			assertThat(run(list, "list", "--help").out()).as(list).contains("--codes", "输出代码而不是中文名称");
		}
		Answer imp = run("import", "--help");
		assertThat(imp.out()).contains("<source>", "保障对象", "--accept-valid-rows", "有行被拒绝时仍导入有效行");
		assertThat(run("--version").out()).contains("doudi");
		assertThat(run("help", "nothing").exit()).isEqualTo(2);
	}
}
