package cn.doudi.ingest.rows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/** Formats validated values for COPY (null stays null: SQL NULL). */
final class RowValues {

	private RowValues() {
	}

	static String of(Object v) {
		if (v == null) {
			return null;
		}
		if (v instanceof BigDecimal d) {
			return d.toPlainString();
		}
		if (v instanceof YearMonth || v instanceof LocalDate || v instanceof Boolean || v instanceof Number) {
			return v.toString();
		}
		return v.toString();
	}

	static String[] row(Object... values) {
		String[] out = new String[values.length];
		for (int i = 0; i < values.length; i++) {
			out[i] = of(values[i]);
		}
		return out;
	}

	static String blankToNull(String s) {
		return s == null || s.isEmpty() ? null : s;
	}
}
