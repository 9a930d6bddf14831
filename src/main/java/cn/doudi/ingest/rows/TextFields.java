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

	/** NFKC (full-width → half-width), all white space removed; "" for null. */
	public static String compact(String raw) {
		if (raw == null) {
			return "";
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
		return raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
	}

	/**
	 * The cell's code text (digits of a number cell), or null after rejecting a number cell that lost
	 * digits with "<列>被存为数字，末位已丢失".
	 */
	public static String codeText(RowContext ctx, ColumnDef c) {
		String raw = ctx.raw(c);
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
		return IdNumber.parse(s, ctx.today());
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
		String s = PersonName.normalise(ctx.raw(c));
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
		s = s.replace("-", "");
		if (s.isEmpty() || !s.chars().allMatch(ch -> ch >= '0' && ch <= '9') || s.length() < min || s.length() > max) {
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
