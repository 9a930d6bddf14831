package cn.doudi.scheduling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.quartz.CronExpression;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * One YAML file of {@code jobs/<kind>/*.yml} (the schedules, the intakes) being checked: the checks both kinds
 * share, each problem in Chinese naming the file and the key ({@code jobs/schedules/x.yml: cron "…" 不是有效的
 * Quartz cron 表达式…}), gathered in {@link #problems()} so that one reading reports them all. What a kind checks
 * on its own it adds with {@link #problem}.
 */
public final class JobFile {

	/** The time zone of a file without {@code time-zone}. */
	public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

	private final Path file;
	private final Map<?, ?> map;
	private final List<String> problems = new ArrayList<>();

	private JobFile(Path file, Map<?, ?> map) {
		this.file = file;
		this.map = map;
	}

	/** {@code <jobsDir>/<kind>}, or {@code ./jobs/<kind>} when {@code jobsDir} is empty. */
	public static Path folder(String jobsDir, String kind) {
		return (jobsDir.isEmpty() ? Path.of("jobs") : Path.of(jobsDir)).resolve(kind);
	}

	/** The {@code .yml} files of the folder in name order; none when there is no folder. */
	public static List<Path> files(Path folder) {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> s = Files.list(folder)) {
			return s.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted(Comparator.comparing(Path::toString)).toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法列出 " + folder + " 中的文件：" + e.getMessage(), e);
		}
	}

	/** A file's name without {@code .yml}: the schedule's or intake's name. */
	public static String name(Path file) {
		return file.getFileName().toString().replaceFirst("\\.yml$", "");
	}

	/**
	 * The file's text as a table of {@code keys}; an unknown key is a problem. Text that is no YAML, or no table
	 * (its expected keys named in {@code shape}), is refused at once with {@code refusal} of the message.
	 */
	public static JobFile read(Path file, String yaml, Set<String> keys, String shape,
			Function<String, ? extends RuntimeException> refusal) {
		Object doc;
		try {
			doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
		}
		catch (YAMLException e) {
			throw refusal.apply(file + ": 不是有效的 YAML（" + e.getMessage().lines().findFirst().orElse("") + "）");
		}
		if (!(doc instanceof Map<?, ?> map)) {
			throw refusal.apply(file + ": 应为键值表（" + shape + "）");
		}
		JobFile read = new JobFile(file, map);
		for (Object k : map.keySet()) {
			if (!keys.contains(String.valueOf(k))) {
				read.problem("未知的键 " + k + "（可用：" + String.join("、", keys.stream().sorted().toList()) + "）");
			}
		}
		return read;
	}

	public Path file() {
		return file;
	}

	/** The table as read. */
	public Map<?, ?> map() {
		return map;
	}

	/** The problems found so far, one a line, each naming the file; more may be added to it. */
	public List<String> problems() {
		return problems;
	}

	/** Adds a problem: {@code what} after the file's name. */
	public void problem(String what) {
		problems.add(file + ": " + what);
	}

	/** The key's value as stripped text, or {@code otherwise} when the key is absent. */
	public String text(String key, String otherwise) {
		return text(map, key, otherwise);
	}

	/** A value of {@code table} (the file's or one nested in it) as stripped text, {@code otherwise} when absent. */
	public static String text(Map<?, ?> table, String key, String otherwise) {
		Object v = table.get(key);
		return v == null ? otherwise : String.valueOf(v).strip();
	}

	/** {@code cron}, which must be there and be a Quartz cron expression ({@code example}: one with its meaning). */
	public String cron(String example) {
		String cron = text("cron", null);
		if (cron == null) {
			problem("缺少 cron（Quartz 格式，秒在前，如 " + example + "）");
		}
		else if (!CronExpression.isValidExpression(cron)) {
			problem("cron \"" + cron + "\" 不是有效的 Quartz cron 表达式（秒 分 时 日 月 周 [年]）");
		}
		return cron;
	}

	/** {@code time-zone}, {@link #DEFAULT_ZONE} when absent (or not known: a problem). */
	public ZoneId zone() {
		String z = text("time-zone", null);
		if (z == null) {
			return DEFAULT_ZONE;
		}
		try {
			return ZoneId.of(z);
		}
		catch (DateTimeException e) {
			problem("time-zone " + z + " 无法识别（如 Asia/Shanghai）");
			return DEFAULT_ZONE;
		}
	}

	/** {@code user}, which must be there ({@code who}: which user it is, for the problem's words). */
	public String user(String who) {
		String user = text("user", null);
		if (user == null || user.isBlank()) {
			problem("缺少 user（" + who + "）");
		}
		return user;
	}

	/** {@code enabled}, true when absent (anything but true or false: a problem). */
	public boolean enabled() {
		Object enabled = map.containsKey("enabled") ? map.get("enabled") : Boolean.TRUE;
		if (!(enabled instanceof Boolean b)) {
			problem("enabled 应为 true 或 false");
			return false;
		}
		return b;
	}

	/** Throws {@code refusal} of all the problems, one a line, when there are any. */
	public void refuseIfProblems(Function<String, ? extends RuntimeException> refusal) {
		if (!problems.isEmpty()) {
			throw refusal.apply(String.join("\n", problems));
		}
	}
}
