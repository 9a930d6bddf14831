package cn.doudi.disbursement.pain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import cn.doudi.disbursement.batch.BankBatch;
import cn.doudi.disbursement.batch.BankLine;
import cn.doudi.disbursement.batch.BatchHead;
import cn.doudi.kernel.Bank;
import cn.doudi.kernel.Money;

/**
 * Writes a county's batch as ISO 20022 {@code pain.001.001.09} (UTF-8, two-space indent): one group
 * header, one payment information block for the batch (debtor: {@link Payer}), one credit transfer per PAY
 * line in {@code payments.csv} order. MsgId and PmtInfId are the batch number (prefixed 草稿 in drafts);
 * EndToEndId is {@code <batch>-<BANK>-<seq, 6 digits>}, the line's place in that bank's file; CreDtTm is the
 * pay date at 00:00:00 and ReqdExctnDt the pay date — never the clock, so the same run gives the same bytes.
 * <p>
 * The bytes are those the JDK's {@code XMLStreamWriter} wrote for the same calls (this writer used it until
 * 2026-12; {@code Pain001Tests} compares the two): the declaration {@code <?xml version="1.0"
 * encoding="UTF-8"?>}, every element as start and end tag ({@code <a></a>}, never {@code <a/>}), in text
 * {@code <}, {@code &} and {@code >} as {@code &lt;}, {@code &amp;} and {@code &gt;} and nothing else escaped,
 * a character outside the BMP as its four UTF-8 bytes. They are written into a buffer of this writer's and
 * handed to the stream a block at a time.
 */
public final class Pain001Writer {

	public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

	/** One line of the file: the line and the bank file it is in. */
	public record Transfer(String bank, BankLine line) {
	}

	private static final int BLOCK = 1 << 15;

	private final OutputStream out;
	private final BatchHead batch;
	/** The XSD's validator, fed the same elements as they are written (null: not validated here). */
	private final Pain001Schema.Check check;
	private final String[] open = new String[32];
	private int depth;
	private byte[] buf = new byte[BLOCK + 1024];
	private int pos;

	private Pain001Writer(OutputStream out, BatchHead batch, Pain001Schema.Check check) {
		this.out = out;
		this.batch = batch;
		this.check = check;
	}

	/** {@code transfers}: the batch's lines in {@code payments.csv} order, each with its bank. */
	public static byte[] write(BankBatch batch, java.util.List<Transfer> transfers, Payer payer) {
		return write(null, batch, transfers, payer);
	}

	/**
	 * As {@link #write(BankBatch, java.util.List, Payer)}, the document validated against the XSD as it is
	 * written (its elements go to the schema's validator while the bytes are written, so the file is not parsed
	 * again); a file that breaks the XSD is refused as {@link Pain001Schema#validate} refuses it, naming
	 * {@code fileName}, the line and the column.
	 */
	public static byte[] writeValid(String fileName, BankBatch batch, java.util.List<Transfer> transfers, Payer payer) {
		return write(fileName, batch, transfers, payer);
	}

	/** In memory; validated when {@code fileName} is given. */
	private static byte[] write(String fileName, BankBatch batch, java.util.List<Transfer> transfers, Payer payer) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + 1024 * transfers.size());
		Pain001Writer w = onto(bytes, batch.head(), payer, fileName != null);
		for (Transfer t : transfers) {
			w.transfer(t);
		}
		w.finish();
		w.refuseIfInvalid(fileName, bytes::toByteArray);
		return bytes.toByteArray();
	}

	/**
	 * A writer of the county's file onto {@code out} (not closed), its group header and payment information
	 * written from {@code head} (count and total known first): then {@link #transfer} for each of the {@code
	 * head.count()} lines in {@code payments.csv} order, and {@link #finish}. With {@code validate}, the
	 * elements go to the XSD's validator as they are written ({@link Pain001Schema.Check}), and {@link
	 * #refuseIfInvalid} says whether the document broke it.
	 */
	public static Pain001Writer onto(OutputStream out, BatchHead head, Payer payer, boolean validate) {
		Pain001Writer w = new Pain001Writer(out, head, validate ? Pain001Schema.check() : null);
		w.start(payer);
		return w;
	}

	/**
	 * A credit transfer, inside {@code PmtInf}: its slots are, in order, EndToEndId, the amount, the bank's
	 * name and code, the account's name, the ID number, the account number and the 摘要.
	 */
	static final Shape TRANSFER = Shape.at(3)
		.open("CdtTrfTxInf")
		.open("PmtId").slot("EndToEndId").close()
		.open("Amt").slot("InstdAmt", "Ccy", "CNY").close()
		.open("CdtrAgt").open("FinInstnId").slot("Nm").open("Othr").slot("Id").close().close().close()
		.open("Cdtr").slot("Nm")
		.open("Id").open("PrvtId").open("Othr").slot("Id").open("SchmeNm").fixed("Cd", "NIDN").close().close().close().close()
		.close()
		.open("CdtrAcct").open("Id").open("Othr").slot("Id").close().close().close()
		.open("RmtInf").slot("Ustrd").close()
		.close()
		.build();

	/** Writes one credit transfer. */
	public void transfer(Transfer t) {
		BankLine l = t.line();
		String[] texts = new String[TRANSFER.slotCount()];
		texts[0] = xmlText(endToEndId(batch.batchLabel(), t.bank(), l.seq()));
		texts[1] = Money.format(l.amount());
		texts[2] = xmlText(Bank.valueOf(t.bank()).chineseName());
		texts[3] = xmlText(t.bank());
		texts[4] = xmlText(l.accountName());
		texts[5] = xmlText(l.idNumber());
		texts[6] = xmlText(l.account());
		texts[7] = xmlText(l.memo());
		for (int i = 0; i < texts.length; i++) {
			raw(TRANSFER.between[i]);
			text(texts[i]);
		}
		raw(TRANSFER.between[texts.length]);
		if (check != null) {
			check.transfer(TRANSFER, texts);
		}
		if (pos >= BLOCK) {
			flush();
		}
	}

	/** Ends the document (and its last line). */
	public void finish() {
		close();
		close();
		depth--;
		ascii("\n</Document>");
		if (check != null) {
			check.endRoot("Document");
		}
		ascii("\n");
		flush();
		try {
			out.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * After {@link #finish}: refuses a document that broke the XSD as {@link Pain001Schema#validate} refuses
	 * it, naming {@code fileName}, the line and the column ({@code written}: the bytes written, read again only
	 * then).
	 */
	public void refuseIfInvalid(String fileName, java.util.function.Supplier<byte[]> written) {
		if (check != null) {
			check.end(fileName, written);
		}
	}

	private void start(Payer payer) {
		ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"" + NAMESPACE + "\">");
		if (check != null) {
			check.startRoot("Document");
		}
		depth++;
		open("CstmrCdtTrfInitn");
		String count = Integer.toString(batch.count());
		String total = Money.format(batch.total());
		open("GrpHdr");
		leaf("MsgId", batch.batchLabel());
		leaf("CreDtTm", batch.payDate() + "T00:00:00");
		leaf("NbOfTxs", count);
		leaf("CtrlSum", total);
		open("InitgPty");
		leaf("Nm", payer.name());
		close();
		close();
		open("PmtInf");
		leaf("PmtInfId", batch.batchLabel());
		leaf("PmtMtd", "TRF");
		leaf("NbOfTxs", count);
		leaf("CtrlSum", total);
		open("ReqdExctnDt");
		leaf("Dt", batch.payDate().toString());
		close();
		open("Dbtr");
		leaf("Nm", payer.name());
		close();
		open("DbtrAcct");
		open("Id");
		open("Othr");
		leaf("Id", payer.account());
		close();
		close();
		leaf("Ccy", "CNY");
		close();
		open("DbtrAgt");
		open("FinInstnId");
		leaf("BICFI", payer.bankBic());
		close();
		close();
	}

	/** {@code <batch>-<BANK>-<seq, 6 digits>} ({@code %s-%s-%06d}). */
	public static String endToEndId(String batchLabel, String bank, int seq) {
		String digits = Integer.toString(seq);
		StringBuilder id = new StringBuilder(batchLabel.length() + bank.length() + 2 + Math.max(6, digits.length()));
		id.append(batchLabel).append('-').append(bank).append('-');
		for (int i = digits.length(); i < 6; i++) {
			id.append('0');
		}
		return id.append(digits).toString();
	}

	private void open(String name) {
		indent();
		put('<');
		ascii(name);
		put('>');
		if (check != null) {
			check.start(name);
		}
		open[depth] = name;
		depth++;
	}

	private void close() {
		depth--;
		indent();
		put('<');
		put('/');
		ascii(open[depth]);
		put('>');
		if (check != null) {
			check.end(open[depth]);
		}
	}

	private void leaf(String name, String text) {
		indent();
		String safe = xmlText(text);
		put('<');
		ascii(name);
		put('>');
		text(safe);
		put('<');
		put('/');
		ascii(name);
		put('>');
		if (check != null) {
			check.leaf(name, null, null, safe);
		}
	}

	/**
	 * The text with every character XML 1.0 cannot carry (a control character, a lone surrogate) as {@code ?}:
	 * a name holding one never makes the county's file invalid (the bank file's layout warns about the same
	 * line). Every other character, a rare one outside the BMP too, is written as it is (UTF-8).
	 */
	static String xmlText(String text) {
		if (allowedAsIs(text)) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(cp -> {
			boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF
					|| cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF;
			if (allowed) {
				out.appendCodePoint(cp);
			}
			else {
				out.append('?');
			}
		});
		return out.toString();
	}

	/** No character to replace: nothing below U+0020 but tab, line feed and carriage return, no surrogate or U+FFFE/U+FFFF. */
	private static boolean allowedAsIs(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 ? c != 0x9 && c != 0xA && c != 0xD : c >= 0xD800 && (c <= 0xDFFF || c >= 0xFFFE)) {
				return false;
			}
		}
		return true;
	}

	private static final byte[][] INDENTS = new byte[16][];

	static {
		for (int i = 0; i < INDENTS.length; i++) {
			INDENTS[i] = ("\n" + "  ".repeat(i)).getBytes(StandardCharsets.US_ASCII);
		}
	}

	private void indent() {
		if (depth < INDENTS.length) {
			room(INDENTS[depth].length);
			System.arraycopy(INDENTS[depth], 0, buf, pos, INDENTS[depth].length);
			pos += INDENTS[depth].length;
		}
		else {
			ascii("\n" + "  ".repeat(depth));
		}
	}

	private void raw(byte[] bytes) {
		room(bytes.length);
		System.arraycopy(bytes, 0, buf, pos, bytes.length);
		pos += bytes.length;
	}

	private void put(char c) {
		room(1);
		buf[pos++] = (byte) c;
	}

	/** Markup: names and fixed text, ASCII. */
	private void ascii(String s) {
		room(s.length());
		for (int i = 0; i < s.length(); i++) {
			buf[pos++] = (byte) s.charAt(i);
		}
	}

	/**
	 * Text content, escaped as the JDK's writer escaped it ({@code <}, {@code &}, {@code >}), in UTF-8 — a
	 * surrogate pair as the four bytes of its code point ({@link #xmlText} has replaced any lone surrogate).
	 */
	private void text(String s) {
		int n = s.length();
		room(6 * n);
		for (int i = 0; i < n; i++) {
			char c = s.charAt(i);
			if (c < 0x80) {
				switch (c) {
					case '<' -> amp("&lt;");
					case '&' -> amp("&amp;");
					case '>' -> amp("&gt;");
					default -> buf[pos++] = (byte) c;
				}
			}
			else if (c < 0x800) {
				buf[pos++] = (byte) (0xC0 | c >> 6);
				buf[pos++] = (byte) (0x80 | c & 0x3F);
			}
			else if (!Character.isSurrogate(c)) {
				buf[pos++] = (byte) (0xE0 | c >> 12);
				buf[pos++] = (byte) (0x80 | c >> 6 & 0x3F);
				buf[pos++] = (byte) (0x80 | c & 0x3F);
			}
			else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
				int cp = Character.toCodePoint(c, s.charAt(++i));
				buf[pos++] = (byte) (0xF0 | cp >> 18);
				buf[pos++] = (byte) (0x80 | cp >> 12 & 0x3F);
				buf[pos++] = (byte) (0x80 | cp >> 6 & 0x3F);
				buf[pos++] = (byte) (0x80 | cp & 0x3F);
			}
			else {
				throw new IllegalStateException("无法写出 pain.001：孤立的代理字符 U+" + Integer.toHexString(c).toUpperCase());
			}
		}
	}

	private void amp(String entity) {
		for (int i = 0; i < entity.length(); i++) {
			buf[pos++] = (byte) entity.charAt(i);
		}
	}

	/** Makes room for {@code n} more bytes: the buffer handed to the stream first, grown for a text longer than it. */
	private void room(int n) {
		if (pos + n > buf.length) {
			flush();
			if (n > buf.length) {
				buf = new byte[n];
			}
		}
	}

	private void flush() {
		try {
			out.write(buf, 0, pos);
			pos = 0;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
