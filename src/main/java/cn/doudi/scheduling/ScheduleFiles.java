package cn.doudi.scheduling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.quartz.CronExpression;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads {@code <doudi.jobs-dir>/schedules/*.yml} (when the property is empty: {@code ./jobs/schedules/}; no
 * folder: no schedules). Every file is checked whole before any is used: an unknown key, a bad cron
 * expression, time zone, month or county is an error naming the file and the key, and then no schedule
 * changes (see {@code jobs/schedules/README.md} for the format).
 */
@Component
class ScheduleFiles {

	static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
	private static final Set<String> KEYS = Set.of("task", "cron", "time-zone", "month", "counties", "out", "user",
			"enabled", "description");

	private final String jobsDir;

	ScheduleFiles(@Value("${doudi.jobs-dir:}") String jobsDir) {
		this.jobsDir = jobsDir == null ? "" : jobsDir.strip();
	}

	Path folder() {
		return (jobsDir.isEmpty() ? Path.of("jobs") : Path.of(jobsDir)).resolve("schedules");
	}

	/** Every schedule, by name; throws {@link ScheduleException} listing every problem found. */
	List<Schedule> load() {
		Path dir = folder();
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		List<Path> files;
		try (Stream<Path> s = Files.list(dir)) {
			files = s.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted(Comparator.comparing(Path::toString)).toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法列出文件夹 " + dir, e);
		}
		List<Schedule> out = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (Path f : files) {
			try {
				out.add(parse(f, Files.readString(f, StandardCharsets.UTF_8)));
			}
			catch (ScheduleException e) {
				problems.add(e.getMessage());
			}
			catch (IOException e) {
				problems.add(f + ": 无法读取（" + e.getMessage() + "）");
			}
		}
		if (!problems.isEmpty()) {
			throw new ScheduleException(String.join("\n", problems));
		}
		return out;
	}

	static Schedule parse(Path file, String yaml) {
		String name = file.getFileName().toString().replaceFirst("\\.yml$", "");
		Object doc;
		try {
			doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
		}
		catch (YAMLException e) {
			throw new ScheduleException(file + ": 不是有效的 YAML（" + e.getMessage().lines().findFirst().orElse("") + "）");
		}
		if (!(doc instanceof Map<?, ?> map)) {
			throw new ScheduleException(file + ": 应为键值表（task、cron、month、counties、out、user）");
		}
		List<String> problems = new ArrayList<>();
		for (Object k : map.keySet()) {
			if (!KEYS.contains(String.valueOf(k))) {
				problems.add(file + ": 未知的键 " + k + "（可用：" + String.join("、", KEYS.stream().sorted().toList()) + "）");
			}
		}
		String task = text(map, "task", Schedule.MONTH_END);
		if (!Schedule.MONTH_END.equals(task)) {
			problems.add(file + ": task " + task + " 不支持（目前只有 month-end）");
		}
		String cron = text(map, "cron", null);
		if (cron == null) {
			problems.add(file + ": 缺少 cron（Quartz 格式，秒在前，如 \"0 0 2 25 * ?\" 为每月25日2点）");
		}
		else if (!CronExpression.isValidExpression(cron)) {
			problems.add(file + ": cron \"" + cron + "\" 不是有效的 Quartz cron 表达式（秒 分 时 日 月 周 [年]）");
		}
		ZoneId zone = DEFAULT_ZONE;
		String z = text(map, "time-zone", null);
		if (z != null) {
			try {
				zone = ZoneId.of(z);
			}
			catch (DateTimeException e) {
				problems.add(file + ": time-zone " + z + " 无法识别（如 Asia/Shanghai）");
			}
		}
		Schedule.Relative month = Schedule.Relative.CURRENT;
		String m = text(map, "month", "current");
		switch (m) {
			case "current" -> month = Schedule.Relative.CURRENT;
			case "previous" -> month = Schedule.Relative.PREVIOUS;
			default -> problems.add(file + ": month 应为 current（触发当月）或 previous（上月），而不是 " + m);
		}
		List<String> counties = new ArrayList<>();
		Object c = map.get("counties");
		if (c != null && !"all".equals(String.valueOf(c))) {
			List<?> list = c instanceof List<?> l ? l : List.of(c);
			for (Object v : list) {
				String county = String.valueOf(v).strip();
				if (!county.matches("\\d{6}")) {
					problems.add(file + ": counties 中的 " + county + " 不是6位区县代码");
				}
				counties.add(county);
			}
		}
		String out = text(map, "out", null);
		if (out == null || out.isBlank()) {
			problems.add(file + ": 缺少 out（输出目录，可含 {month}）");
		}
		String user = text(map, "user", null);
		if (user == null || user.isBlank()) {
			problems.add(file + ": 缺少 user（执行月末计算的财务用户）");
		}
		Object enabled = map.containsKey("enabled") ? map.get("enabled") : Boolean.TRUE;
		if (!(enabled instanceof Boolean)) {
			problems.add(file + ": enabled 应为 true 或 false");
		}
		if (!problems.isEmpty()) {
			throw new ScheduleException(String.join("\n", problems));
		}
		return new Schedule(name, task, cron, zone, month, List.copyOf(counties), out, user, (Boolean) enabled, file);
	}

	private static String text(Map<?, ?> map, String key, String otherwise) {
		Object v = map.get(key);
		return v == null ? otherwise : String.valueOf(v).strip();
	}
}
