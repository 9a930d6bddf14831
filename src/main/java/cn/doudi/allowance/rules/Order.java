package cn.doudi.allowance.rules;

import java.time.YearMonth;
import java.util.Comparator;

import cn.doudi.allowance.ComputedLine;
import cn.doudi.allowance.EnrollmentEnded;
import cn.doudi.allowance.RuleFinding;

/**
 * The sort orders of OUTPUTS.md, comparing strings by Unicode code point (not UTF-16 unit), so that
 * nothing ever leaves in hash or input order.
 */
public final class Order {

	/**
	 * Code-point order of two strings; null sorts as "". UTF-16 units compare as code points unless both
	 * differing units are at or above U+D800 (where a surrogate may meet a unit of U+E000–U+FFFF): only then
	 * are the code points decoded — so the common case is one pass over the units (the rules sort and key
	 * tens of thousands of rows by it).
	 */
	public static final Comparator<String> CODE_POINT = Order::compareCodePoints;

	private static int compareCodePoints(String a, String b) {
		String x = a == null ? "" : a;
		String y = b == null ? "" : b;
		int n = Math.min(x.length(), y.length());
		for (int i = 0; i < n; i++) {
			char cx = x.charAt(i);
			char cy = y.charAt(i);
			if (cx != cy) {
				return cx >= 0xD800 && cy >= 0xD800 ? byCodePoints(x, y) : cx - cy;
			}
		}
		return Integer.compare(x.length(), y.length());
	}

	private static int byCodePoints(String x, String y) {
		int i = 0;
		int j = 0;
		while (i < x.length() && j < y.length()) {
			int cx = x.codePointAt(i);
			int cy = y.codePointAt(j);
			if (cx != cy) {
				return Integer.compare(cx, cy);
			}
			i += Character.charCount(cx);
			j += Character.charCount(cy);
		}
		return Integer.compare(x.length() - i, y.length() - j);
	}

	/** payments.csv: county, program code, household_id, id_number, pay_month. */
	public static final Comparator<ComputedLine> LINES = Comparator.comparing(ComputedLine::county, CODE_POINT)
		.thenComparing(l -> l.program().name(), CODE_POINT)
		.thenComparing(ComputedLine::householdId, CODE_POINT)
		.thenComparing(ComputedLine::idNumber, CODE_POINT)
		.thenComparing(ComputedLine::payMonth, Order::compareMonths);

	/** findings.csv: county, code, id_number (then household, for a total order). */
	static final Comparator<RuleFinding> FINDINGS = Comparator.comparing(RuleFinding::county, CODE_POINT)
		.thenComparing(f -> f.code().name(), CODE_POINT)
		.thenComparing(RuleFinding::idNumber, CODE_POINT)
		.thenComparing(RuleFinding::householdId, CODE_POINT);

	static final Comparator<EnrollmentEnded> ENDS = Comparator.comparing(EnrollmentEnded::county, CODE_POINT)
		.thenComparing(e -> e.program().name(), CODE_POINT)
		.thenComparing(EnrollmentEnded::householdId, CODE_POINT)
		.thenComparing(EnrollmentEnded::idNumber, CODE_POINT);

	/**
	 * Pay months as their text ({@code 2026-10}) sorts by code point: in time order for years 0–9999 (four
	 * digits, no sign); other years by their text, as {@link YearMonth#toString} writes them.
	 */
	private static int compareMonths(YearMonth a, YearMonth b) {
		if (a.getYear() >= 0 && a.getYear() <= 9999 && b.getYear() >= 0 && b.getYear() <= 9999) {
			return a.compareTo(b);
		}
		return CODE_POINT.compare(a.toString(), b.toString());
	}

	private Order() {
	}
}
