package cn.doudi.notices.render;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts as notices print them: yuan with two decimals and thousands separators ({@code 1,234.50}). */
public final class Amounts {

	private Amounts() {
	}

	/**
	 * The amount half-up to the fen, a comma between each group of three yuan digits, a leading minus when
	 * negative — what {@code String.format(Locale.ROOT, "%,.2f", amount)} prints, without the formatter's cost
	 * (a notice prints one per row).
	 */
	public static String format(BigDecimal amount) {
		BigDecimal fen = amount.setScale(2, RoundingMode.HALF_UP);
		String digits = fen.abs().toPlainString();
		int point = digits.indexOf('.');
		StringBuilder out = new StringBuilder(digits.length() + point / 3 + 1);
		if (fen.signum() < 0) {
			out.append('-');
		}
		for (int i = 0; i < point; i++) {
			if (i > 0 && (point - i) % 3 == 0) {
				out.append(',');
			}
			out.append(digits.charAt(i));
		}
		return out.append(digits, point, digits.length()).toString();
	}
}
