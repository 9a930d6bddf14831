package cn.doudi.notices.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Amounts as notices print them: yuan with two decimals and thousands separators ({@code 1,234.50}). */
public final class Amounts {

	private Amounts() {
	}

	public static String format(BigDecimal amount) {
		return String.format(Locale.ROOT, "%,.2f", amount.setScale(2, RoundingMode.HALF_UP));
	}
}
