package cn.doudi.ingest.rows;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * One column of a source: its canonical Chinese header, the accepted aliases, and whether the header
 * row must name it. {@code index} is its position in the source's {@link Schema}.
 */
public record ColumnDef(int index, String header, List<String> aliases, boolean required) {

	/** True when a header cell names this column (after trimming and removing spaces). */
	public boolean matches(String normalisedHeader) {
		if (normaliseHeader(header).equals(normalisedHeader)) {
			return true;
		}
		for (String a : aliases) {
			if (normaliseHeader(a).equals(normalisedHeader)) {
				return true;
			}
		}
		return false;
	}

	/** Header cells are compared after NFKC, white space removed, lower case, required-markers (*) removed. */
	public static String normaliseHeader(String raw) {
		if (raw == null) {
			return "";
		}
		String s = Normalizer.normalize(raw, Normalizer.Form.NFKC);
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\uFEFF' && c != '*') {
				out.append(c);
			}
		}
		return out.toString().toLowerCase(Locale.ROOT);
	}
}
