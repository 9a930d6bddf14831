package cn.doudi.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import cn.doudi.identity.IdNumber;
import cn.doudi.kernel.Program;
import cn.doudi.kernel.Terms;

/**
 * The words a person reads for the codes the console handles (programs, banks, finding codes, sources), amounts
 * with thousands separators ({@code #,##0.00}) and times in Beijing time. Used by the overview, the run review
 * and the users page (its own file so that it merges beside the findings list's labels).
 */
final class ReviewLabels {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private ReviewLabels() {
	}

	static String money(BigDecimal amount) {
		DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return f.format(amount == null ? BigDecimal.ZERO : amount);
	}

	static String count(long n) {
		DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return f.format(n);
	}

	static String time(Instant at) {
		return at == null ? "—" : TIME.format(at.atZone(BEIJING));
	}

	static String program(Program p) {
		return p.chineseName();
	}

	static String bank(String code) {
		return code == null || code.isBlank() ? "（无账户）" : Terms.bank(code);
	}

	/** A finding code's Chinese name, or the code when unknown. */
	static String finding(String code) {
		return Terms.finding(code);
	}

	/** A held line's reason: its ';'-joined finding codes, by their Chinese names. */
	static String reasons(String codes) {
		if (codes == null || codes.isBlank()) {
			return "—";
		}
		return Terms.findings(codes);
	}

	static String masked(String number) {
		return number == null || number.isBlank() ? "" : IdNumber.mask(number);
	}

	/** A county's name from {@code regions} with its code beside it, or the code alone. */
	static String county(Map<String, String> names, String code) {
		if (code == null) {
			return "全市";
		}
		return Terms.region(code, names.get(code));
	}
}
