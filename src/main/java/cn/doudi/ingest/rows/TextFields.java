package cn.doudi.ingest.rows;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Map;

import cn.doudi.identity.IdNumber;
import cn.doudi.identity.ParsedId;
import cn.doudi.identity.PersonName;
import cn.doudi.identity.RegionCode;

/**
 * Text-like fields: ID numbers, names, codes and account numbers, with the Excel number-cell trap: a
 * number cell of more than 15 digits has lost its last digits (Excel keeps 15 significant digits),
 * so the row is rejected and nothing is guessed; a shorter number cell round-trips exactly and is
 * read as its digits.
 */
public final class TextFields {

	private TextFields() {
	}

	/**
	 * True when every character is printable ASCII (no space) or a CJK unified ideograph (U+4E00–U+9FFF):
	 * such text is already NFKC, has no white space and no middle-dot variant, so that {@link #compact},
	 * {@link #plain} and {@link #personName} return it as it is. The fast path of the common cell.
	 */
	static boolean isPlain(String s) {
		for (int i = 0, n = s.length(); i < n; i++) {
			char c = s.charAt(i);
			if ((c <= ' ' || c >= 0x7F) && (c < 0x4E00 || c > 0x9FFF)) {
				return false;
			}
		}
		return true;
	}

	/** NFKC (full-width → half-width), all white space removed; "" for null. */
	public static String compact(String raw) {
		if (raw == null) {
			return "";
		}
		if (isPlain(raw)) {
			return raw;
		}
		String s = Normalizer.normalize(raw, Normalizer.Form.NFKC);
		StringBuilder out = null;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
			if (space && out == null) {
				out = new StringBuilder(s.length()).append(s, 0, i);
			}
			else if (!space && out != null) {
				out.append(c);
			}
		}
		return out == null ? s : out.toString();
	}

	/** NFKC and stripped (inner spaces kept); "" for null. */
	public static String plain(String raw) {
		return raw == null ? "" : isPlain(raw) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
	}

	/** {@link PersonName#normalise}, with the fast path of plain text. */
	public static String personName(String raw) {
		return raw != null && isPlain(raw) ? raw : PersonName.normalise(raw);
	}

	/**
	 * The cell's code text (digits of a number cell), or null after rejecting a number cell that lost
	 * digits with "<列>被存为数字，末位已丢失".
	 */
	public static String codeText(RowContext ctx, ColumnDef c) {
		String raw = ctx.raw(c);
		if (raw != null && ctx.numeric(c) && raw.length() > 40) {
			ctx.reject(c, c.header() + "不是有效的数字或文字（数字单元格过长）");
			return null;
		}
		if (raw != null && ctx.numeric(c)) {
			BigDecimal v;
			try {
				v = new BigDecimal(raw.strip());
			}
			catch (NumberFormatException e) {
				return compact(raw);
			}
			BigDecimal stripped = v.stripTrailingZeros();
			if (stripped.scale() <= 0) {
				String digits = stripped.toBigInteger().abs().toString();
				if (digits.length() > 15) {
					ctx.reject(c, c.header() + "被存为数字，末位已丢失（Excel只保留15位有效数字），请将该列设为文本格式后重新填写");
					return null;
				}
				return stripped.toBigInteger().toString();
			}
			return stripped.toPlainString();
		}
		return compact(raw);
	}

	/** A required code-like text (户编号, 审批编号). */
	public static String requiredCode(RowContext ctx, ColumnDef c) {
		String s = codeText(ctx, c);
		if (s == null) {
			return null;
		}
		if (s.isEmpty()) {
			ctx.reject(c, c.header() + "不能为空");
			return null;
		}
		return s;
	}

	/** The ID number (IdNumber.parse), or null after rejecting with the reason. */
	public static ParsedId id(RowContext ctx, ColumnDef c) {
		String s = codeText(ctx, c);
		if (s == null) {
			return null;
		}
		if (isValid18(s, ctx.todayNumber())) {
			return new ParsedId.Valid(IdNumber.of(s), null);
		}
		return IdNumber.parse(s, ctx.today());
	}

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final char[] CHECK = "10X98765432".toCharArray();

	/**
	 * The fast path of {@link IdNumber#parse}: true for an 18-character ID, already normalised (17
	 * digits, then a digit or upper-case X), with the right check digit and a real birth date from 1850
	 * to {@code today} (yyyymmdd). Anything else goes to {@link IdNumber#parse}, which says why.
	 */
	static boolean isValid18(String s, int today) {
		if (s.length() != 18) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int d = s.charAt(i) - '0';
			if (d < 0 || d > 9) {
				return false;
			}
			sum += d * WEIGHTS[i];
		}
		if (s.charAt(17) != CHECK[sum % 11]) {
			return false;
		}
		int year = number(s, 6, 10);
		int month = number(s, 10, 12);
		int day = number(s, 12, 14);
		if (year < 1850 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
			return false;
		}
		return year * 10000 + month * 100 + day <= today;
	}

	static int number(String s, int from, int to) {
		int v = 0;
		for (int i = from; i < to; i++) {
			v = v * 10 + (s.charAt(i) - '0');
		}
		return v;
	}

	private static int daysIn(int year, int month) {
		return switch (month) {
			case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
			case 4, 6, 9, 11 -> 30;
			default -> 31;
		};
	}

	/** A valid ID as text: the 18 characters, and the 15-digit original when it was converted (else null). */
	public record IdText(String value, String convertedFrom) {
	}

	/** {@link #validId} as text, without building an {@link IdNumber} on the fast path. */
	public static IdText validIdText(RowContext ctx, ColumnDef c) {
		String s = codeText(ctx, c);
		if (s == null) {
			return null;
		}
		if (isValid18(s, ctx.todayNumber())) {
			return new IdText(s, null);
		}
		ParsedId p = IdNumber.parse(s, ctx.today());
		if (p instanceof ParsedId.Valid v) {
			return new IdText(v.id().value(), v.convertedFrom());
		}
		ctx.reject(c, ((ParsedId.Invalid) p).reason());
		return null;
	}

	/** A valid ID (15 digits converted); rejects otherwise. */
	public static ParsedId.Valid validId(RowContext ctx, ColumnDef c) {
		ParsedId p = id(ctx, c);
		if (p instanceof ParsedId.Valid v) {
			return v;
		}
		if (p instanceof ParsedId.Invalid inv) {
			ctx.reject(c, inv.reason());
		}
		return null;
	}

	/** A person name: normalised (PersonName), 1–30 characters. */
	public static String name(RowContext ctx, ColumnDef c) {
		String s = personName(ctx.raw(c));
		int n = s.codePointCount(0, s.length());
		if (n == 0) {
			ctx.reject(c, c.header() + "不能为空");
			return null;
		}
		if (n > 30) {
			ctx.reject(c, c.header() + "超过30个字");
			return null;
		}
		return s;
	}

	/**
	 * The separator of the default bank layout (OUTPUTS.md: {@code |}-separated). A name holding it could
	 * only be written to a bank file with a substitute, so the row is refused here, where the operator can
	 * correct it. Layouts with another separator neutralise it themselves (jobs/banks/README.md).
	 */
	static final char BANK_SEPARATOR = '|';

	/**
	 * A name that goes into the bank files (姓名 and 账户名 of the rosters that pay): {@link #name} plus the
	 * checks that keep one person's record from ever stopping a county's bank file — a line break inside
	 * the text, a control or invisible character (U+0007, U+200E, …) or the separator {@code |} (also typed
	 * full-width, {@code ｜}) refuses the row with the reason, in Chinese. Null after rejecting.
	 */
	public static String bankName(RowContext ctx, ColumnDef c) {
		String s = name(ctx, c);
		return s == null || !bankText(ctx, c, s) ? null : s;
	}

	/**
	 * True when {@code normalised} (the cell's normalised text) can go into a bank file; otherwise rejects
	 * the row naming the problem. Line breaks are looked for in the raw cell (normalisation removes white
	 * space, so an Alt+Enter inside a cell would otherwise silently join two lines).
	 */
	static boolean bankText(RowContext ctx, ColumnDef c, String normalised) {
		String raw = ctx.raw(c);
		if (raw != null && !isPlain(raw)) {
			String inner = raw.strip();
			for (int i = 0; i < inner.length(); i++) {
				char ch = inner.charAt(i);
				if (ch == '\n' || ch == '\r' || ch == '\u2028' || ch == '\u2029' || ch == '\u0085' || ch == '\u000B'
						|| ch == '\u000C') {
					ctx.reject(c, c.header() + "含换行，银行代发文件中一笔只占一行，请删去换行后重新导入");
					return false;
				}
			}
			int invisible = PersonName.firstInvisible(normalised);
			if (invisible >= 0) {
				ctx.reject(c, c.header() + "含控制字符或不可见字符（" + PersonName.codePoint(invisible)
						+ "），不能写入银行代发文件，请删去后重新导入");
				return false;
			}
		}
		if (normalised.indexOf(BANK_SEPARATOR) >= 0) {
			ctx.reject(c, c.header() + "含竖线“|”（银行代发文件的分隔符），请删去或改用其他字符");
			return false;
		}
		return true;
	}

	/** A 12-digit region code (区划代码) as text (its county is the first 6 digits); null after rejecting. */
	public static String regionText(RowContext ctx, ColumnDef c) {
		String s = codeText(ctx, c);
		if (s != null && s.length() == 12 && allDigits(s)) {
			return s;
		}
		RegionCode r = s == null ? null : region(ctx, c);
		return r == null ? null : r.value();
	}

	static boolean allDigits(String s) {
		return allDigits(s, 0, s.length());
	}

	static boolean allDigits(String s, int from, int to) {
		for (int i = from; i < to; i++) {
			char ch = s.charAt(i);
			if (ch < '0' || ch > '9') {
				return false;
			}
		}
		return true;
	}

	/** A 12-digit region code (区划代码). */
	public static RegionCode region(RowContext ctx, ColumnDef c) {
		String s = codeText(ctx, c);
		if (s == null) {
			return null;
		}
		RegionCode r = RegionCode.parseOrNull(s);
		if (r == null) {
			ctx.reject(c, s.isEmpty() ? "区划代码不能为空" : "区划代码应为12位数字，实为" + s.length() + "位");
		}
		return r;
	}

	/**
	 * The county of a readable 12-digit region code, else null: what {@link #region} would find. May
	 * record a problem in {@code ctx} (a number cell that lost digits): use a context of its own.
	 */
	public static String countyOf(RowContext ctx, ColumnDef c) {
		String s = codeText(ctx, c);
		RegionCode r = s == null ? null : RegionCode.parseOrNull(s);
		return r == null ? null : r.county();
	}

	/** Digits only (spaces and dashes removed), between min and max digits. */
	public static String digits(RowContext ctx, ColumnDef c, int min, int max) {
		String s = codeText(ctx, c);
		if (s == null) {
			return null;
		}
		if (s.indexOf('-') >= 0) {
			s = s.replace("-", "");
		}
		if (s.isEmpty() || !allDigits(s) || s.length() < min || s.length() > max) {
			ctx.reject(c, c.header() + "应为" + min + "–" + max + "位数字");
			return null;
		}
		return s;
	}

	/** A value from a closed list (after compacting); the map gives the stored form of each accepted text. */
	public static String oneOf(RowContext ctx, ColumnDef c, Map<String, String> accepted, String allowedForMessage) {
		String s = compact(ctx.raw(c));
		String v = accepted.get(s);
		if (v == null) {
			ctx.reject(c, s.isEmpty() ? c.header() + "不能为空" : c.header() + "应为" + allowedForMessage);
		}
		return v;
	}
}
