package cn.doudi.identity;

import java.text.Normalizer;

import com.ibm.icu.text.Transliterator;

/**
 * Person names as CHECKS.md "Matching people" compares them. {@link #normalise} gives the display
 * form (trim, full-width → half-width, internal spaces removed, middle-dot variants unified to
 * {@code ·}); {@link #matchKey} adds traditional → simplified (ICU's Traditional-Simplified
 * transliterator: 劉 = 刘, 張 = 张); {@link #matches} also lets a placeholder for a character the
 * other system could not type ({@code * ? □ ＊}) stand for any one character (王*明 = 王喆明).
 */
public final class PersonName {

	private static final String DOTS = "\u00B7\u2022\u30FB\u2027\u22C5\u2219\u0387\uFF65\u2024\u16EB\u2E31";
	private static final ThreadLocal<Transliterator> TO_SIMPLIFIED = ThreadLocal
		.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

	private PersonName() {
	}

	/** Display form: trim, NFKC, no white space, middle dots unified. */
	public static String normalise(String raw) {
		if (raw == null) {
			return "";
		}
		String s = Normalizer.normalize(raw, Normalizer.Form.NFKC);
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B') {
				continue;
			}
			out.append(DOTS.indexOf(c) >= 0 ? '·' : c);
		}
		return out.toString();
	}

	/** Comparison form: {@link #normalise} then traditional → simplified, placeholders unified to {@code *}. */
	public static String matchKey(String raw) {
		String s = TO_SIMPLIFIED.get().transliterate(normalise(raw));
		StringBuilder out = new StringBuilder(s.length());
		s.codePoints().forEach(cp -> {
			if (isPlaceholder(cp)) {
				out.append('*');
			}
			else {
				out.appendCodePoint(cp);
			}
		});
		return out.toString();
	}

	/** True when the two names are the same after normalisation, a placeholder matching any one character. */
	public static boolean matches(String a, String b) {
		int[] x = matchKey(a).codePoints().toArray();
		int[] y = matchKey(b).codePoints().toArray();
		if (x.length != y.length || x.length == 0) {
			return false;
		}
		for (int i = 0; i < x.length; i++) {
			if (x[i] != y[i] && x[i] != '*' && y[i] != '*') {
				return false;
			}
		}
		return true;
	}

	private static boolean isPlaceholder(int cp) {
		return cp == '*' || cp == '?' || cp == '□' || cp == '＊' || cp == '？';
	}
}
