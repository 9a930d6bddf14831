package cn.doudi.kernel;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Months as INPUTS.md writes them: {@code YYYY-MM}, {@code YYYY年M月}, {@code YYYYMM} (also
 * {@code YYYY/M}, {@code YYYY.M}). Stored and written everywhere as {@code YYYY-MM}.
 */
public final class Months {

	private static final Pattern DASHED = Pattern.compile("(\\d{4})[-/.](\\d{1,2})");
	private static final Pattern CHINESE = Pattern.compile("(\\d{4})年(\\d{1,2})月?");
	private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})");

	private Months() {
	}

	public static Optional<YearMonth> parse(@Nullable String text) {
		if (text == null) {
			return Optional.empty();
		}
		String s = text.strip();
		for (Pattern p : new Pattern[] { DASHED, CHINESE, COMPACT }) {
			Matcher m = p.matcher(s);
			if (m.matches()) {
				try {
					return Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
				}
				catch (DateTimeException e) {
					return Optional.empty();
				}
			}
		}
		return Optional.empty();
	}

	/** Parses or throws IllegalArgumentException (for command-line options). */
	public static YearMonth require(String text) {
		return parse(text).orElseThrow(() -> new IllegalArgumentException("不是月份（应为 YYYY-MM，如 2026-10）：" + text));
	}

	public static String format(YearMonth month) {
		return month.toString();
	}
}
