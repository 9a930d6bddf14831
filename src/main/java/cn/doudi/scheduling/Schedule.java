package cn.doudi.scheduling;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * One schedule of {@code jobs/schedules/<name>.yml}.
 *
 * @param name the file's base name (unique; Quartz's job and trigger name)
 * @param task what runs; today {@code month-end}
 * @param cron a Quartz cron expression (seconds first: {@code 0 0 2 25 * ?} is 02:00 on the 25th)
 * @param timeZone the zone the cron expression is read in (default Asia/Shanghai)
 * @param month which month a firing runs: the firing's own month ({@code current}) or the one before
 *        ({@code previous})
 * @param counties the counties to run; empty: every county with a standards row
 * @param out the output folder; {@code {month}} in it is replaced by the month (YYYY-MM)
 * @param user the acting user (a FINANCE user; city-wide for several counties)
 * @param enabled false: the file is checked and listed but never fires
 * @param file where it was read from
 */
public record Schedule(String name, String task, String cron, ZoneId timeZone, Relative month, List<String> counties,
		String out, String user, boolean enabled, Path file) {

	public static final String MONTH_END = "month-end";

	public enum Relative {
		CURRENT, PREVIOUS
	}

	/** The month a firing at {@code at} runs. */
	public YearMonth monthAt(ZonedDateTime at) {
		YearMonth m = YearMonth.from(at.withZoneSameInstant(timeZone));
		return month == Relative.PREVIOUS ? m.minusMonths(1) : m;
	}

	/** The output folder for a month. */
	public Path folderFor(YearMonth m) {
		return Path.of(out.replace("{month}", m.toString()));
	}
}
