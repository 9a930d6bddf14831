package cn.doudi.identity;

import java.text.Normalizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.Transliterator;

/**
 * Person names as CHECKS.md "Matching people" compares them. {@link #normalise} gives the display
 * form (trim, full-width → half-width, internal spaces removed, middle-dot variants unified to
 * {@code ·}); {@link #matchKey} adds traditional → simplified (ICU's Traditional-Simplified
 * transliterator: 劉 = 刘, 張 = 张); {@link #matches} also lets a placeholder for a character the
 * other system could not type ({@code * ? □ ＊}) stand for any one character (王*明 = 王喆明).
 * Every comparison is by Unicode code point, never by UTF-16 unit: a rare character outside the Basic
 * Multilingual Plane (生僻字 of CJK Extension B and later, 𠀾 U+2003E) is one character, which a placeholder
 * stands for, as it stands for 䶮 (U+4DAE, Extension A) or any other.
 */
public final class PersonName {

	private static final String DOTS = "\u00B7\u2022\u30FB\u2027\u22C5\u2219\u0387\uFF65\u2024\u16EB\u2E31";
	/** How many names' keys {@link #matchKey} remembers at most. */
	static final int CACHED_KEYS = 1 << 16;

	private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

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
		s.codePoints().forEach(cp -> {
			if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == '\uFEFF' || cp == '\u200B') {
				return;
			}
			if (DOTS.indexOf(cp) >= 0) {
				out.append('·');
			}
			else {
				out.appendCodePoint(cp);
			}
		});
		return out.toString();
	}

	/**
	 * The first character of {@code text} that must never reach a bank file or a printed notice: a control
	 * character (line breaks and tabs included), an invisible format character (U+200E, U+2060, …), a line
	 * or paragraph separator, or half of a surrogate pair without its other half; -1 when there is none.
	 * Code points are examined, so a character outside the Basic Multilingual Plane (𠀾, U+2003E) is one
	 * character, never two.
	 */
	public static int firstInvisible(String text) {
		if (text == null) {
			return -1;
		}
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			if (invisible(cp)) {
				return cp;
			}
			i += Character.charCount(cp);
		}
		return -1;
	}

	/** A control, format, line/paragraph separator or lone surrogate code point (see {@link #firstInvisible}). */
	public static boolean invisible(int cp) {
		return switch (Character.getType(cp)) {
			case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
					Character.SURROGATE -> true;
			default -> false;
		};
	}

	/** {@code U+2003E}: how messages name a code point. */
	public static String codePoint(int cp) {
		return String.format("U+%04X", cp);
	}

	/**
	 * Comparison form: {@link #normalise} then traditional → simplified, placeholders unified to {@code *}.
	 * A pure function of the text, remembered for the last names asked ({@link #CACHED_KEYS} at most, all
	 * forgotten at once when full): ICU's transliterator takes about 17 µs a name, and the checks compare the
	 * same roster and agency names again and again (each check, each month of the arrears window).
	 */
	public static String matchKey(String raw) {
		if (raw == null) {
			return "";
		}
		String key = KEYS.get(raw);
		if (key == null) {
			key = computeMatchKey(raw);
			if (KEYS.size() >= CACHED_KEYS) {
				KEYS.clear();
			}
			KEYS.put(raw, key);
		}
		return key;
	}

	/** How many keys {@link #matchKey} remembers now (at most {@link #CACHED_KEYS}). */
	static int rememberedKeys() {
		return KEYS.size();
	}

	/** {@link #matchKey} worked out afresh, never from the remembered keys. */
	static String computeMatchKey(String raw) {
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
		String key = out.toString();
		return key.equals(raw) ? raw : key;
	}

	/**
	 * True when the two names are the same after normalisation, a placeholder matching any one character
	 * (code point by code point; a name is its own key's length in code points).
	 */
	public static boolean matches(String a, String b) {
		String x = matchKey(a);
		String y = b != null && b.equals(a) ? x : matchKey(b);
		if (x.isEmpty() || y.isEmpty()) {
			return false;
		}
		int i = 0;
		int j = 0;
		while (i < x.length() && j < y.length()) {
			int p = x.codePointAt(i);
			int q = y.codePointAt(j);
			if (p != q && p != '*' && q != '*') {
				return false;
			}
			i += Character.charCount(p);
			j += Character.charCount(q);
		}
		return i == x.length() && j == y.length();
	}

	private static boolean isPlaceholder(int cp) {
		return cp == '*' || cp == '?' || cp == '□' || cp == '＊' || cp == '？';
	}
}
