package cn.doudi.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import cn.doudi.kernel.FindingCode;

/**
 * What the console's forms and addresses may carry, checked before any façade sees it: a county is six
 * digits, a month {@code YYYY-MM}, a finding code one of CHECKS.md's, a status one the review knows, an
 * amount a number of yuan within the schema's bound. Anything else is a 400 page naming the field
 * ({@link WebErrors.BadRequest}), shown without echoing more than a short piece of the value.
 */
final class Inputs {

	private static final Set<String> STATUSES = Set.of("OPEN", "CONFIRMED", "DISMISSED", "RESOLVED", "RECOVERED", "ALL");
	private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

	private Inputs() {
	}

	static String county(String value) {
		String c = value == null ? "" : value.strip();
		if (!c.matches("\\d{6}")) {
			throw new WebErrors.BadRequest("区县代码应为6位数字：" + shown(c));
		}
		return c;
	}

	static YearMonth month(String value) {
		String m = value == null ? "" : value.strip();
		if (!m.matches("\\d{4}-\\d{2}")) {
			throw new WebErrors.BadRequest("月份应为 YYYY-MM：" + shown(m));
		}
		try {
			YearMonth ym = YearMonth.parse(m);
			if (ym.getYear() < 2000 || ym.getYear() > 2200) {
				throw new WebErrors.BadRequest("月份超出范围：" + m);
			}
			return ym;
		}
		catch (java.time.DateTimeException e) {
			throw new WebErrors.BadRequest("月份应为 YYYY-MM：" + shown(m));
		}
	}

	static String findingCode(String value) {
		String k = value.strip().toUpperCase(Locale.ROOT);
		if (Arrays.stream(FindingCode.values()).noneMatch(c -> c.name().equals(k))) {
			throw new WebErrors.BadRequest("没有这个疑点类型：" + shown(value.strip()));
		}
		return k;
	}

	static String findingStatus(String value) {
		String s = value.strip().toUpperCase(Locale.ROOT);
		if (!STATUSES.contains(s)) {
			throw new WebErrors.BadRequest("没有这个疑点状态：" + shown(value.strip()));
		}
		return s;
	}

	/** Yuan with at most two decimals and 12 digits before the point, or null. */
	static BigDecimal amount(String value) {
		String a = value == null ? "" : value.strip();
		if (!a.matches("\\d{1,12}(\\.\\d{1,2})?")) {
			return null;
		}
		BigDecimal v = new BigDecimal(a);
		return v.compareTo(MAX_AMOUNT) > 0 ? null : v;
	}

	/** A value as a page may repeat it: at most 20 characters. */
	static String shown(String value) {
		return value.length() > 20 ? value.substring(0, 20) + "…" : value;
	}
}
