package cn.doudi.scheduling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads {@code <doudi.jobs-dir>/schedules/*.yml} (when the property is empty: {@code ./jobs/schedules/}; no
 * folder: no schedules). Every file is checked whole before any is used: an unknown key, a bad cron
 * expression, time zone, month or county is an error naming the file and the key, and then no schedule
 * changes (see {@code jobs/schedules/README.md} for the format).
 */
@Component
class ScheduleFiles {

	private static final Set<String> KEYS = Set.of("task", "cron", "time-zone", "month", "counties", "out", "user",
			"enabled", "description");

	private final String jobsDir;

	ScheduleFiles(@Value("${doudi.jobs-dir:}") String jobsDir) {
		this.jobsDir = jobsDir == null ? "" : jobsDir.strip();
	}

	Path folder() {
		return JobFile.folder(jobsDir, "schedules");
	}

	/** Every schedule, by name; throws {@link ScheduleException} listing every problem found. */
	List<Schedule> load() {
		List<Path> files = JobFile.files(folder());
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
		String name = JobFile.name(file);
		JobFile read = JobFile.read(file, yaml, KEYS, "task、cron、month、counties、out、user", ScheduleException::new);
		Map<?, ?> map = read.map();
		String task = text(map, "task", Schedule.MONTH_END);
		if (!Schedule.MONTH_END.equals(task)) {
			read.problem("task " + task + " 不支持（目前只有 month-end）");
		}
		String cron = read.cron("\"0 0 2 25 * ?\" 为每月25日2点");
		ZoneId zone = read.zone();
		Schedule.Relative month = Schedule.Relative.CURRENT;
		String m = text(map, "month", "current");
		switch (m) {
			case "current" -> month = Schedule.Relative.CURRENT;
			case "previous" -> month = Schedule.Relative.PREVIOUS;
			default -> read.problem("month 应为 current（触发当月）或 previous（上月），而不是 " + m);
		}
		List<String> counties = new ArrayList<>();
		Object c = map.get("counties");
		if (c != null && !"all".equals(String.valueOf(c))) {
			List<?> list = c instanceof List<?> l ? l : List.of(c);
			for (Object v : list) {
				String county = String.valueOf(v).strip();
				if (!county.matches("\\d{6}")) {
					read.problem("counties 中的 " + county + " 不是6位区县代码");
				}
				counties.add(county);
			}
		}
		String out = text(map, "out", null);
		if (out == null || out.isBlank()) {
			read.problem("缺少 out（输出目录，可含 {month}）");
		}
		String user = read.user("执行月末计算的财务用户");
		boolean enabled = read.enabled();
		read.refuseIfProblems(ScheduleException::new);
		return new Schedule(name, task, cron, zone, month, List.copyOf(counties), out, user, enabled, file);
	}

	private static String text(Map<?, ?> map, String key, String otherwise) {
		return JobFile.text(map, key, otherwise);
	}
}
