package cn.doudi.disbursement.layout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.doudi.disbursement.batch.BankBatch;
import cn.doudi.disbursement.batch.BankLine;
import cn.doudi.disbursement.batch.BatchHead;
import cn.doudi.identity.IdNumber;
import cn.doudi.identity.PersonName;
import cn.doudi.kernel.Money;

/**
 * Renders a {@link BankBatch} in a {@link BankLayout}: header, one detail record per line, trailer, each
 * ended by the layout's line end — whole in memory ({@link #write}), or onto a stream as the lines come
 * ({@link #onto}: the header needs only the batch's {@link BatchHead count and total}). One person's record never stops the file (OUTPUTS.md): in every value a
 * character the layout's encoding cannot represent, a control or invisible character and (delimited
 * layouts) the separator are written as the layout's {@code unmappable} substitute, and a too-long free
 * text (names, 摘要) in a fixed-width field is cut at a character boundary; each such change is returned as
 * a {@link Substitution} for month-end's warnings. Fixed widths count bytes of the encoding, and a
 * character (a 4-byte GB18030 one too) is never split. Only a value that return matching relies on (seq,
 * account, amount, …) that does not fit its field is refused — that is a layout too narrow for the data.
 */
public final class LayoutWriter {

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
	static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");
	private static final byte KEEP = 1, CHANGE = 2;

	/** A file's bytes and the substitutions made to write it, in file order. */
	public record Rendered(byte[] bytes, List<Substitution> substitutions) {
	}

	private final BankLayout layout;
	private final BatchHead batch;
	private final OutputStream out;
	private final CharsetEncoder encoder;
	private final List<Substitution> substitutions = new ArrayList<>();
	/** The encoding writes printable ASCII as ASCII (GB18030, GBK, UTF-8 …): such a value needs no encoder. */
	private final boolean asciiAsIs;
	private final byte[] separator;
	private final byte[] lineEnd;
	/**
	 * Per character of the Basic Multilingual Plane, what {@link #safe} needs to know about it, looked up once
	 * per writer: 0 not yet asked, {@link #KEEP} written as it is, {@link #CHANGE} changed (invisible, or the
	 * encoding lacks it).
	 */
	private final byte[] bmp = new byte[0x10000];
	/** The detail fields' last value and the bytes written for it (a value written without change only). */
	private String[] lastValue = new String[0];
	private byte[][] lastBytes = new byte[0][];
	private List<FieldSpec> recordFields;
	private BankLine recordLine;

	private LayoutWriter(BankLayout layout, BatchHead batch, OutputStream out) {
		this.layout = layout;
		this.batch = batch;
		this.out = out;
		this.encoder = layout.encoding()
			.newEncoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		String printable = "\t\r\n" + java.util.stream.IntStream.range(0x20, 0x7F)
			.mapToObj(Character::toString)
			.collect(Collectors.joining());
		this.asciiAsIs = layout.encoding().newEncoder().canEncode(printable)
				&& Arrays.equals(printable.getBytes(layout.encoding()), printable.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		this.separator = layout.fixed() ? new byte[0] : encode(layout.separator(), null);
		this.lineEnd = encode(layout.lineEnd(), null);
	}

	/** The whole file in memory. */
	public static Rendered write(BankLayout layout, BankBatch batch) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		LayoutWriter w = onto(layout, batch.head(), bytes);
		for (BankLine line : batch.lines()) {
			w.line(line);
		}
		List<Substitution> substitutions = w.finish();
		return new Rendered(bytes.toByteArray(), substitutions);
	}

	/**
	 * A writer of the batch's file onto {@code out}, its header written: then {@link #line} for each of the
	 * {@code head.count()} lines in file order, and {@link #finish} (the trailer). {@code out} is not closed.
	 */
	public static LayoutWriter onto(BankLayout layout, BatchHead head, OutputStream out) {
		LayoutWriter w = new LayoutWriter(layout, head, out);
		if (!layout.header().isEmpty()) {
			w.record(layout.header(), null);
		}
		return w;
	}

	/** Writes the line's detail record. */
	public void line(BankLine line) {
		record(layout.detail(), line);
	}

	/** Writes the trailer; returns the substitutions made in the file, in file order. */
	public List<Substitution> finish() {
		if (!layout.trailer().isEmpty()) {
			record(layout.trailer(), null);
		}
		return List.copyOf(substitutions);
	}

	private void record(List<FieldSpec> fields, BankLine line) {
		recordFields = fields;
		recordLine = line;
		boolean detail = line != null;
		if (detail && lastValue.length != fields.size()) {
			lastValue = new String[fields.size()];
			lastBytes = new byte[fields.size()][];
		}
		for (int i = 0; i < fields.size(); i++) {
			FieldSpec f = fields.get(i);
			if (!layout.fixed() && i > 0) {
				put(separator);
			}
			String raw = value(f, layout, batch, line);
			if (detail && raw.equals(lastValue[i])) { // 摘要, program, fixed text: the same bytes as the line before
				put(lastBytes[i]);
				continue;
			}
			List<String> changes = new ArrayList<>(0);
			String value = safe(raw, changes);
			byte[] bytes = encode(value, f);
			if (layout.fixed()) {
				if (bytes.length > f.width()) {
					value = fit(f, value, bytes.length, changes);
					bytes = encode(value, f);
				}
				bytes = fixed(f, bytes);
			}
			put(bytes);
			if (!changes.isEmpty()) {
				substitutions.add(new Substitution(line == null ? 0 : line.seq(), line == null ? null : line.idNumber(),
						f.value(), value, changes));
			}
			else if (detail) {
				lastValue[i] = raw;
				lastBytes[i] = bytes;
			}
		}
		put(lineEnd);
	}

	private void put(byte[] bytes) {
		try {
			out.write(bytes);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Where the record being written is, for a refusal: {@code header}, {@code trailer} or the line (masked ID). */
	private String where() {
		return recordLine == null ? (recordFields == layout.header() ? "header" : "trailer")
				: "第 " + recordLine.seq() + " 笔（身份证 " + IdNumber.mask(recordLine.idNumber()) + "）";
	}

	/**
	 * The value with every character the file cannot carry replaced by the layout's substitute: the
	 * separator (delimited layouts), control and invisible characters (line breaks included), and characters
	 * the encoding lacks. Each kind of change is added to {@code changes}, in Chinese.
	 */
	private String safe(String value, List<String> changes) {
		if (plain(value) || unchanged(value)) {
			return value;
		}
		String s = value;
		String sub = layout.unmappable();
		if (!layout.fixed() && s.contains(layout.separator())) {
			s = s.replace(layout.separator(), sub);
			changes.add("含分隔符“" + layout.separator() + "”");
		}
		StringBuilder out = new StringBuilder(s.length());
		Set<Integer> invisible = new LinkedHashSet<>();
		Set<Integer> unmappable = new LinkedHashSet<>();
		for (int i = 0; i < s.length();) {
			int cp = s.codePointAt(i);
			i += Character.charCount(cp);
			if (PersonName.invisible(cp)) {
				invisible.add(cp);
				out.append(sub);
			}
			else if (!encodable(cp)) {
				unmappable.add(cp);
				out.append(sub);
			}
			else {
				out.appendCodePoint(cp);
			}
		}
		if (!invisible.isEmpty()) {
			changes.add("含控制或不可见字符 " + invisible.stream().map(PersonName::codePoint).collect(Collectors.joining("、")));
		}
		if (!unmappable.isEmpty()) {
			changes.add("中的" + unmappable.stream()
				.map(cp -> "“" + Character.toString(cp) + "”（" + PersonName.codePoint(cp) + "）")
				.collect(Collectors.joining("、")) + layout.encoding().name() + " 无法表示");
		}
		return out.toString();
	}

	/**
	 * Nothing for {@link #safe} to change: no separator (delimited layouts), and every character one of the
	 * Basic Multilingual Plane that is visible and that the encoding has (anything else: {@link #safe} looks).
	 */
	private boolean unchanged(String s) {
		if (!layout.fixed() && s.contains(layout.separator())) {
			return false;
		}
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			byte known = bmp[c];
			if (known == 0) {
				known = Character.isSurrogate(c) || PersonName.invisible(c) || !encodable(c) ? CHANGE : KEEP;
				bmp[c] = known;
			}
			if (known == CHANGE) {
				return false;
			}
		}
		return true;
	}

	/** Whether the encoding has the character (in {@link #unchanged}: asked once per character of the BMP). */
	private boolean encodable(int cp) {
		return encoder.canEncode(Character.toString(cp));
	}

	/** Printable ASCII without the separator: nothing to check (amounts, accounts, IDs, dates, codes). */
	private boolean plain(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c < 0x20 || c >= 0x7F) {
				return false;
			}
		}
		return layout.fixed() || !s.contains(layout.separator());
	}

	/** The text of a field, before padding and before any substitution. */
	public static String value(FieldSpec f, BankLayout layout, BankBatch batch, BankLine line) {
		return value(f, layout, batch.head(), line);
	}

	/** As {@link #value(FieldSpec, BankLayout, BankBatch, BankLine)}, from the batch's head. */
	public static String value(FieldSpec f, BankLayout layout, BatchHead batch, BankLine line) {
		return switch (f.value()) {
			case TEXT -> f.text();
			case BATCH_NO -> batch.batchLabel();
			case PAY_DATE -> batch.payDate().format(f.pattern() != null ? f.pattern() : DATE);
			case COUNT -> Integer.toString(batch.count());
			case TOTAL -> amount(layout, batch.total());
			case COUNTY -> batch.county();
			case MONTH -> batch.month().format(f.pattern() != null ? f.pattern() : MONTH);
			case BANK -> batch.bank();
			case SEQ -> Integer.toString(line.seq());
			case ACCOUNT -> line.account();
			case ACCOUNT_NAME -> line.accountName();
			case NAME -> line.name();
			case AMOUNT -> amount(layout, line.amount());
			case ID_NUMBER -> line.idNumber();
			case MEMO -> line.memo();
			case PROGRAM -> line.program();
			case PAY_MONTH -> line.payMonth().format(f.pattern() != null ? f.pattern() : MONTH);
		};
	}

	/** {@code 123.45} (yuan) or {@code 12345} (fen). */
	public static String amount(BankLayout layout, BigDecimal amount) {
		return layout.amountInFen() ? amount.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).toPlainString()
				: Money.format(amount);
	}

	/**
	 * The value if it fits the field's width in bytes; else, for a field that may be truncated, the longest
	 * run of its first characters that fits (a character is never cut in half). A value that must not be
	 * truncated and does not fit is refused.
	 */
	private String fit(FieldSpec f, String value, int length, List<String> changes) {
		if (length <= f.width()) {
			return value;
		}
		if (!f.truncate()) {
			throw refuse(f, "长 " + length + " 字节，超过宽度 " + f.width());
		}
		String cut = value;
		while (encode(cut, f).length > f.width()) {
			cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
		}
		changes.add("长 " + length + " 字节，超过宽度 " + f.width() + " 字节，已截断");
		return cut;
	}

	/** The value (that fits) padded to the field's width in bytes. */
	private static byte[] fixed(FieldSpec f, byte[] bytes) {
		byte[] field = new byte[f.width()];
		Arrays.fill(field, (byte) f.pad());
		System.arraycopy(bytes, 0, field, f.alignRight() ? f.width() - bytes.length : 0, bytes.length);
		return field;
	}

	private byte[] encode(String s, FieldSpec f) {
		if (asciiAsIs && ascii(s)) {
			return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		}
		try {
			ByteBuffer b = encoder.reset().encode(CharBuffer.wrap(s));
			byte[] bytes = new byte[b.remaining()];
			b.get(bytes);
			return bytes;
		}
		catch (CharacterCodingException e) {
			// safe() replaced every character the encoding lacks: this is a bug, not a record to refuse
			throw new IllegalStateException(refuse(f, "含 " + layout.encoding().name() + " 无法表示的字符").getMessage(), e);
		}
	}

	/** Tab, line ends and printable ASCII only. */
	private static boolean ascii(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c >= 0x7F || c < 0x20 && c != '\t' && c != '\r' && c != '\n') {
				return false;
			}
		}
		return true;
	}

	private IllegalStateException refuse(FieldSpec f, String problem) {
		return new IllegalStateException("不能写 " + batch.bank() + " 代发文件（批次 " + batch.batchNo() + "，格式 "
				+ layout.source() + "）：" + where() + " 的 " + (f == null ? "换行" : f.describe()) + " " + problem);
	}
}
