package cn.doudi.ingest.rows;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.doudi.kernel.Months;

/**
 * Dates and months in every form INPUTS.md lists: Excel serial numbers (number cells, or 5-digit
 * text), {@code 2020/1/5}, {@code 2020-01-05}, {@code 2020.1.5}, {@code 2020年1月5日}, {@code 20200105},
 * optionally followed by a time; months as {@code YYYY-MM}, {@code YYYY年M月}, {@code YYYYMM}, or a
 * full date (its month).
 */
public final class DateFields {

	private static final Pattern DASHED = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
	private static final Pattern CHINESE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日?");
	private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
	private static final Pattern SERIAL = Pattern.compile("\\d{5}(\\.\\d+)?");
	private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
	private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);

	private DateFields() {
	}

	/** Parses a date; null when the text is none of the accepted forms. */
	public static LocalDate parseDate(String raw, boolean numericCell, boolean date1904) {
		String s = TextFields.plain(raw);
		int space = s.indexOf(' ');
		if (space > 0) {
			s = s.substring(0, space); // "2020-01-05 00:00:00"
		}
		int t = s.indexOf('T');
		if (t == 10) {
			s = s.substring(0, t);
		}
		if (s.length() > 40) {
			return null; // no date form is longer; a long number is not parsed
		}
		try {
			if (numericCell || SERIAL.matcher(s).matches()) {
				BigDecimal v = new BigDecimal(s);
				if (v.compareTo(BigDecimal.valueOf(19000101)) >= 0 && v.stripTrailingZeros().scale() <= 0) {
					return compact(v.toBigInteger().toString());
				}
				return serial(v.intValue(), date1904);
			}
			Matcher m = DASHED.matcher(s);
			if (m.matches() || (m = CHINESE.matcher(s)).matches() || (m = COMPACT.matcher(s)).matches()) {
				return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
						Integer.parseInt(m.group(3)));
			}
		}
		catch (DateTimeException | NumberFormatException e) {
			return null;
		}
		return null;
	}

	private static LocalDate compact(String s) {
		Matcher m = COMPACT.matcher(s);
		return m.matches() ? LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
				Integer.parseInt(m.group(3))) : null;
	}

	/** Excel serial day number: 1900 system (with Excel's phantom 1900-02-29) or 1904 system. */
	static LocalDate serial(int days, boolean date1904) {
		if (days < 1 || days > 2958465) {
			return null;
		}
		if (date1904) {
			return EPOCH_1904.plusDays(days);
		}
		return days < 61 ? EPOCH_1900.plusDays(days + 1L) : EPOCH_1900.plusDays(days);
	}

	/** Parses a month; null when the text is none of the accepted forms. */
	public static YearMonth parseMonth(String raw, boolean numericCell, boolean date1904) {
		String s = TextFields.compact(raw);
		if (s.isEmpty()) {
			return null;
		}
		if (!numericCell || s.length() == 6) {
			var month = Months.parse(s);
			if (month.isPresent()) {
				return month.get();
			}
		}
		LocalDate d = parseDate(raw, numericCell, date1904);
		return d == null ? null : YearMonth.from(d);
	}

	/** A required date not after today. */
	public static LocalDate date(RowContext ctx, ColumnDef c) {
		if (ctx.blank(c)) {
			ctx.reject(c, c.header() + "不能为空");
			return null;
		}
		LocalDate d = parseDate(ctx.raw(c), ctx.numeric(c), ctx.date1904());
		if (d == null || d.getYear() < 1900) {
			ctx.reject(c, c.header() + "不是可识别的日期（可用2020-01-05、2020/1/5、2020年1月5日、20200105）");
			return null;
		}
		if (d.isAfter(ctx.today())) {
			ctx.reject(c, c.header() + "晚于今天");
			return null;
		}
		return d;
	}

	/**
	 * {@link #month} as {@code YYYY-MM} text (null when blank or rejected), with the fast path of a text
	 * cell that is already {@code YYYY-MM}.
	 */
	public static String monthText(RowContext ctx, ColumnDef c, boolean required) {
		String raw = ctx.raw(c);
		if (raw != null && raw.length() == 7 && raw.charAt(4) == '-' && !ctx.numeric(c) && TextFields.allDigits(raw, 0, 4)
				&& TextFields.allDigits(raw, 5, 7)) {
			int year = TextFields.number(raw, 0, 4);
			int month = TextFields.number(raw, 5, 7);
			if (year >= 1950 && year <= 2200 && month >= 1 && month <= 12) {
				return raw;
			}
		}
		YearMonth m = month(ctx, c, required);
		return m == null ? null : m.toString();
	}

	/** A month; null (without a problem) when blank and not required. */
	public static YearMonth month(RowContext ctx, ColumnDef c, boolean required) {
		if (ctx.blank(c)) {
			if (required) {
				ctx.reject(c, c.header() + "不能为空");
			}
			return null;
		}
		YearMonth m = parseMonth(ctx.raw(c), ctx.numeric(c), ctx.date1904());
		if (m == null || m.getYear() < 1950 || m.getYear() > 2200) {
			ctx.reject(c, c.header() + "不是可识别的月份（可用2026-11、2026年11月、202611）");
			return null;
		}
		return m;
	}
}
