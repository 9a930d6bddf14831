package cn.doudi.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money is decimal yuan with two places (fen). RULES.md "Arithmetic": every line amount is rounded
 * once, half-up, to the fen; totals are sums of rounded lines. This is the one place that rounds.
 */
public final class Money {

	public static final BigDecimal ZERO = new BigDecimal("0.00");

	private Money() {
	}

	/** Rounds half-up to the fen (two decimals). */
	public static BigDecimal fen(BigDecimal value) {
		return value.setScale(2, RoundingMode.HALF_UP);
	}

	/** Rounds half-up to whole yuan, kept with two decimals (PRICE_SUBSIDY). */
	public static BigDecimal wholeYuan(BigDecimal value) {
		return value.setScale(0, RoundingMode.HALF_UP).setScale(2, RoundingMode.UNNECESSARY);
	}

	/** Parses a yuan amount exactly ("12.5" → 12.50); more than two decimals is an error. */
	public static BigDecimal parse(String text) {
		BigDecimal v = new BigDecimal(text.trim());
		if (v.scale() > 2 && v.stripTrailingZeros().scale() > 2) {
			throw new NumberFormatException("超过两位小数：" + text);
		}
		return v.setScale(2, RoundingMode.UNNECESSARY);
	}

	/** The form used in every file: {@code 0.00}. */
	public static String format(BigDecimal value) {
		return value.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
	}
}
