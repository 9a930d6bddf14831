package cn.doudi.identity;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A citizen ID number (公民身份号码, GB 11643-1999): 17 digits and a check digit (ISO 7064 MOD 11-2,
 * {@code 0-9} or {@code X}). Always 18 characters once parsed; a 15-digit first-generation ID is
 * converted on parsing ({@code 19} inserted before the year, the check digit computed) and the
 * original is kept in {@link ParsedId.Valid#convertedFrom()}.
 */
public final class IdNumber implements Comparable<IdNumber> {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final char[] CHECK = "10X98765432".toCharArray();

	private final String value;

	private IdNumber(String value) {
		this.value = value;
	}

	/**
	 * Normalises and validates {@code raw} as INPUTS.md says: trim, full-width → half-width, internal
	 * spaces removed, {@code x} → {@code X}; 18 characters with a valid check digit and a real birth
	 * date not after {@code today}; 15 digits converted.
	 */
	public static ParsedId parse(String raw, LocalDate today) {
		String s = normalise(raw);
		if (s.isEmpty()) {
			return new ParsedId.Invalid(s, "身份证号为空", false);
		}
		if (s.length() == 15) {
			if (!allDigits(s, 15)) {
				return new ParsedId.Invalid(s, "15位身份证号只能由数字组成", false);
			}
			String body = s.substring(0, 6) + "19" + s.substring(6);
			String converted = body + checkDigit(body);
			String dateProblem = birthDateProblem(converted, today);
			if (dateProblem != null) {
				return new ParsedId.Invalid(s, dateProblem, true);
			}
			return new ParsedId.Valid(new IdNumber(converted), s);
		}
		if (s.length() != 18) {
			return new ParsedId.Invalid(s, "身份证号应为18位（或15位），实为" + s.codePointCount(0, s.length()) + "位", false);
		}
		char last = s.charAt(17);
		if (!allDigits(s, 17) || !(last >= '0' && last <= '9' || last == 'X')) {
			return new ParsedId.Invalid(s, "身份证号含非法字符（前17位应为数字，末位为数字或X）", false);
		}
		char expected = checkDigit(s.substring(0, 17));
		if (s.charAt(17) != expected) {
			return new ParsedId.Invalid(s, "身份证号校验位错误（按前17位应为" + expected + "）", true);
		}
		String dateProblem = birthDateProblem(s, today);
		if (dateProblem != null) {
			return new ParsedId.Invalid(s, dateProblem, true);
		}
		return new ParsedId.Valid(new IdNumber(s), null);
	}

	/** Parses a value already known to be valid (from the database); throws otherwise. */
	public static IdNumber of(String normalised18) {
		if (normalised18 == null || normalised18.length() != 18 || !allDigits(normalised18, 17)
				|| checkDigit(normalised18.substring(0, 17)) != normalised18.charAt(17)) {
			throw new IllegalArgumentException("不是有效的 18 位身份证号");
		}
		return new IdNumber(normalised18);
	}

	/** Trim, NFKC (full-width → half-width), every white space removed, {@code x} → {@code X}. */
	public static String normalise(String raw) {
		if (raw == null) {
			return "";
		}
		String s = Normalizer.normalize(raw, Normalizer.Form.NFKC);
		StringBuilder out = new StringBuilder(s.length());
		s.codePoints().forEach(cp -> {
			if (!(Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == '\uFEFF')) {
				out.appendCodePoint(cp == 'x' ? 'X' : cp);
			}
		});
		return out.toString();
	}

	/** The ISO 7064 MOD 11-2 check character of a 17-digit body. */
	public static char checkDigit(String body17) {
		if (body17.length() != 17 || !allDigits(body17, 17)) {
			throw new IllegalArgumentException("身份证号本体应为 17 位数字");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	private static boolean allDigits(String s, int n) {
		for (int i = 0; i < n; i++) {
			char c = s.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static String birthDateProblem(String id18, LocalDate today) {
		LocalDate birth;
		try {
			birth = LocalDate.of(Integer.parseInt(id18.substring(6, 10)), Integer.parseInt(id18.substring(10, 12)),
					Integer.parseInt(id18.substring(12, 14)));
		}
		catch (DateTimeException e) {
			return "身份证号中的出生日期" + id18.substring(6, 14) + "不是有效日期";
		}
		if (birth.isAfter(today)) {
			return "身份证号中的出生日期" + id18.substring(6, 14) + "晚于今天";
		}
		if (birth.getYear() < 1850) {
			return "身份证号中的出生日期" + id18.substring(6, 14) + "不合理";
		}
		return null;
	}

	public String value() {
		return value;
	}

	/** The 17-digit body (check digit left out), as DEATH_PROBABLE compares it. */
	public String body() {
		return value.substring(0, 17);
	}

	public String countyCode() {
		return value.substring(0, 6);
	}

	public LocalDate birthDate() {
		return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
				Integer.parseInt(value.substring(12, 14)));
	}

	/** Sex from the 17th digit: odd male, even female. */
	public Sex sex() {
		return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
	}

	/**
	 * {@code age(M)} of RULES.md: full years between the birth date and the first day of M. Born
	 * 1946-11-15: 79 in 2026-11, 80 in 2026-12; born 1946-11-01: 80 in 2026-11.
	 */
	public int ageIn(YearMonth month) {
		return ageIn(birthDate(), month);
	}

	public static int ageIn(LocalDate birthDate, YearMonth month) {
		LocalDate first = month.atDay(1);
		if (first.isBefore(birthDate)) {
			return -1 - Period.between(first, birthDate).getYears();
		}
		return Period.between(birthDate, first).getYears();
	}

	/** {@code 410203********123X}: first 6 and last 4 visible (notices, logs, exported reports). */
	public String masked() {
		return mask(value);
	}

	/**
	 * Masks any ID-like text: first 6 and last 4 characters visible, the rest as {@code *}. Counts code
	 * points, so a character outside the Basic Multilingual Plane in a mistyped value is masked or shown
	 * whole, never cut in half.
	 */
	public static String mask(String id) {
		if (id == null) {
			return "";
		}
		int n = id.codePointCount(0, id.length());
		if (n <= 10) {
			return "*".repeat(n);
		}
		int head = id.offsetByCodePoints(0, 6);
		int tail = id.offsetByCodePoints(id.length(), -4);
		return id.substring(0, head) + "*".repeat(n - 10) + id.substring(tail);
	}

	private static final java.util.regex.Pattern NUMBER_RUN = java.util.regex.Pattern
		.compile("[0-9０-９](?:[\\s-]?[0-9０-９]){11,}[XxＸｘ]?");

	/**
	 * Masks every ID or account number quoted in free text (a note, a finding's detail, a log line): digits
	 * count even when written full-width ({@code ４１０…}) or spaced in groups ({@code 4102 0319 …}): a run
	 * of 12 or more digits, spaces and hyphens between, and an X at the end, is {@link #mask masked}; shorter
	 * codes (区划代码, 户编号, amounts) stay as they are.
	 */
	public static String maskNumbers(String text) {
		if (text == null || text.length() < 12) {
			return text;
		}
		return NUMBER_RUN.matcher(text).replaceAll(m -> {
			String digits = java.text.Normalizer.normalize(m.group(), java.text.Normalizer.Form.NFKC).replaceAll("[\\s-]", "");
			return java.util.regex.Matcher.quoteReplacement(
					digits.replaceAll("[^0-9Xx]", "").length() >= 12 ? mask(digits) : m.group());
		});
	}

	private static final java.util.regex.Pattern DIGIT_RUN = java.util.regex.Pattern.compile("[0-9０-９]{12,}[XxＸｘ]?");

	/**
	 * Masks every unbroken run of 12 or more digits (an ID, an account number; full-width digits too), as
	 * log lines need: values the code logs are normalised, so unlike {@link #maskNumbers} a county and a
	 * month side by side ({@code 410102 2026-10}) or a batch number stay readable.
	 */
	public static String maskDigitRuns(String text) {
		if (text == null || text.length() < 12) {
			return text;
		}
		return DIGIT_RUN.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(mask(m.group())));
	}

	public enum Sex {
		MALE, FEMALE
	}

	@Override
	public int compareTo(IdNumber o) {
		return value.compareTo(o.value);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof IdNumber other && other.value.equals(value);
	}

	@Override
	public int hashCode() {
		return Objects.hash(value);
	}

	/** Masked, so that an ID never lands whole in a log line by accident. */
	@Override
	public String toString() {
		return masked();
	}
}
