package cn.doudi.allowance.rules;

import java.util.Comparator;

import cn.doudi.allowance.ComputedLine;
import cn.doudi.allowance.EnrollmentEnded;
import cn.doudi.allowance.RuleFinding;

/**
 * The sort orders of OUTPUTS.md, comparing strings by Unicode code point (not UTF-16 unit), so that
 * nothing ever leaves in hash or input order.
 */
public final class Order {

	/** Code-point order of two strings; null sorts as "". */
	public static final Comparator<String> CODE_POINT = (a, b) -> {
		String x = a == null ? "" : a;
		String y = b == null ? "" : b;
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
	};

	/** payments.csv: county, program code, household_id, id_number, pay_month. */
	public static final Comparator<ComputedLine> LINES = Comparator.comparing(ComputedLine::county, CODE_POINT)
		.thenComparing(l -> l.program().name(), CODE_POINT)
		.thenComparing(ComputedLine::householdId, CODE_POINT)
		.thenComparing(ComputedLine::idNumber, CODE_POINT)
		.thenComparing(l -> l.payMonth().toString(), CODE_POINT);

	/** findings.csv: county, code, id_number (then household, for a total order). */
	static final Comparator<RuleFinding> FINDINGS = Comparator.comparing(RuleFinding::county, CODE_POINT)
		.thenComparing(f -> f.code().name(), CODE_POINT)
		.thenComparing(RuleFinding::idNumber, CODE_POINT)
		.thenComparing(RuleFinding::householdId, CODE_POINT);

	static final Comparator<EnrollmentEnded> ENDS = Comparator.comparing(EnrollmentEnded::county, CODE_POINT)
		.thenComparing(e -> e.program().name(), CODE_POINT)
		.thenComparing(EnrollmentEnded::householdId, CODE_POINT)
		.thenComparing(EnrollmentEnded::idNumber, CODE_POINT);

	private Order() {
	}
}
