package cn.doudi.ingest.read;

/**
 * One row as read: its number as Excel or a text editor shows it (1-based), the cell texts (null or
 * empty for an empty cell) and, for XLSX, which cells were number cells (their text is then the
 * number as stored, e.g. {@code 4.10203199001011E+17}, or an Excel date serial).
 */
public record RawRow(int rowNo, String[] values, boolean[] numeric) {

	public String value(int index) {
		return index >= 0 && index < values.length ? values[index] : null;
	}

	public boolean isNumeric(int index) {
		return numeric != null && index >= 0 && index < numeric.length && numeric[index];
	}

	/** True when every cell is empty or white space. */
	public boolean isBlank() {
		for (String v : values) {
			if (v != null && !v.isBlank()) {
				return false;
			}
		}
		return true;
	}

	/** The first non-empty cell, stripped; "" when none. */
	public String firstNonEmpty() {
		for (String v : values) {
			if (v != null && !v.isBlank()) {
				return v.strip();
			}
		}
		return "";
	}
}
