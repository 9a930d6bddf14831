package cn.doudi.ingest.rows;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import cn.doudi.ingest.read.ReadLimits;

/**
 * Amounts, percentages, counts and yes/no. Amounts accept {@code 1,234.50}, {@code ¥} and {@code 元};
 * a number cell is taken to ten decimals first, so that a binary artefact such as
 * {@code 900.49999999999994} reads as the 900.50 Excel shows.
 */
public final class NumberFields {

	private static final Map<String, Boolean> YES_NO = Map.ofEntries(Map.entry("是", true), Map.entry("否", false),
			Map.entry("有", true), Map.entry("无", false), Map.entry("Y", true), Map.entry("N", false),
			Map.entry("y", true), Map.entry("n", false), Map.entry("1", true), Map.entry("0", false),
			Map.entry("true", true), Map.entry("false", false), Map.entry("TRUE", true), Map.entry("FALSE", false));

	/**
	 * The largest amount a money column holds: the schema's {@code numeric(14, 2)}. A larger value is
	 * refused here, by the row, rather than by the database (which would fail the whole import).
	 */
	public static final BigDecimal MAX_MONEY = new BigDecimal("999999999999.99");

	private NumberFields() {
	}

	/**
	 * The decimal in a cell, or null when it is not a number — also when it has more digits than
	 * {@code doudi.import.limits.max-number-digits} allows, before or after the decimal point, or an exponent
	 * that makes it so ({@code 1E999999999}): such a text is refused before it is parsed or scaled, since
	 * both take time and memory that grow with the number's size.
	 */
	public static BigDecimal decimal(RowContext ctx, ColumnDef c) {
		String s = TextFields.compact(ctx.raw(c)).replace(",", "").replace("，", "");
		if (s.startsWith("¥") || s.startsWith("￥")) {
			s = s.substring(1);
		}
		if (s.endsWith("元")) {
			s = s.substring(0, s.length() - 1);
		}
		if (s.endsWith("%")) {
			s = s.substring(0, s.length() - 1);
		}
		int maxDigits = ReadLimits.current().maxNumberDigits();
		if (s.length() > maxDigits + 8) {
			return null;
		}
		try {
			BigDecimal v = new BigDecimal(s);
			if (v.precision() - v.scale() > maxDigits || v.scale() > maxDigits) {
				return null;
			}
			if (ctx.numeric(c)) {
				v = v.setScale(10, RoundingMode.HALF_UP);
			}
			return v.stripTrailingZeros();
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	/** Yuan with at most two decimals, at least {@code min}; null (no problem) when blank and optional. */
	public static BigDecimal money(RowContext ctx, ColumnDef c, boolean required, BigDecimal min, boolean strict) {
		if (ctx.blank(c)) {
			if (required) {
				ctx.reject(c, c.header() + "不能为空");
			}
			return null;
		}
		BigDecimal v = decimal(ctx, c);
		if (v == null) {
			ctx.reject(c, c.header() + "不是数字");
			return null;
		}
		if (v.scale() > 2) {
			ctx.reject(c, c.header() + "最多两位小数（分）");
			return null;
		}
		int cmp = v.compareTo(min);
		if (cmp < 0 || strict && cmp == 0) {
			ctx.reject(c, c.header() + (strict ? "应大于" : "不能小于") + min.toPlainString());
			return null;
		}
		if (v.compareTo(MAX_MONEY) > 0) {
			ctx.reject(c, c.header() + "超出允许的范围（最多 " + MAX_MONEY.toPlainString() + " 元）");
			return null;
		}
		return v.setScale(2, RoundingMode.UNNECESSARY);
	}

	/**
	 * {@link #money} as canonical text with two decimals ({@code 900.00}; null when blank or rejected), for
	 * {@code min} 0. The fast path takes a text cell of plain digits without a leading zero and with at
	 * most two decimals, the form a roster writes.
	 */
	public static String moneyText(RowContext ctx, ColumnDef c, boolean required, boolean strict) {
		String raw = ctx.raw(c);
		if (raw != null && !ctx.numeric(c)) {
			String fast = plainAmount(raw, strict);
			if (fast != null) {
				return fast;
			}
		}
		BigDecimal v = money(ctx, c, required, BigDecimal.ZERO, strict);
		return v == null ? null : v.toPlainString();
	}

	/** {@code 0}, {@code 900}, {@code 900.5}, {@code 900.50} → {@code 900.50}; null for anything else (or 0 when strict). */
	static String plainAmount(String s, boolean strict) {
		int n = s.length();
		int dot = s.indexOf('.');
		int whole = dot < 0 ? n : dot;
		int decimals = dot < 0 ? 0 : n - dot - 1;
		if (whole == 0 || whole > 12 || decimals > 2 || dot >= 0 && decimals == 0 || whole > 1 && s.charAt(0) == '0'
				|| !TextFields.allDigits(s, 0, whole) || !TextFields.allDigits(s, whole + (dot < 0 ? 0 : 1), n)) {
			return null;
		}
		String text = decimals == 2 ? s : decimals == 1 ? s + "0" : s + ".00";
		if (strict && isZero(text)) {
			return null;
		}
		return text;
	}

	private static boolean isZero(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c != '0' && c != '.') {
				return false;
			}
		}
		return true;
	}

	/** A whole number ≥ 0. */
	public static Integer count(RowContext ctx, ColumnDef c) {
		BigDecimal v = ctx.blank(c) ? null : decimal(ctx, c);
		if (v == null || v.scale() > 0 || v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100000)) > 0) {
			ctx.reject(c, ctx.blank(c) ? c.header() + "不能为空" : c.header() + "应为不小于0的整数");
			return null;
		}
		return v.intValueExact();
	}

	/** 是/否 (also 有/无, Y/N, 1/0, true/false). */
	public static Boolean yesNo(RowContext ctx, ColumnDef c) {
		Boolean b = YES_NO.get(TextFields.compact(ctx.raw(c)));
		if (b == null) {
			ctx.reject(c, ctx.blank(c) ? c.header() + "不能为空" : c.header() + "应为“是”或“否”");
		}
		return b;
	}
}
