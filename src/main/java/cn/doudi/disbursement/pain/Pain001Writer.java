package cn.doudi.disbursement.pain;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

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
 */
public final class Pain001Writer {

	public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

	/** One line of the file: the line and the bank file it is in. */
	public record Transfer(String bank, BankLine line) {
	}

	private final XMLStreamWriter xml;
	private final OutputStream out;
	private final BatchHead batch;
	/** The XSD's validator, fed the same elements as they are written (null: not validated here). */
	private final Pain001Schema.Check check;
	private final java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();
	private int depth;

	private Pain001Writer(XMLStreamWriter xml, OutputStream out, BatchHead batch, Pain001Schema.Check check) {
		this.xml = xml;
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
	 * elements go to the XSD's validator as they are written, and {@link #refuseIfInvalid} says whether the
	 * document broke it.
	 */
	public static Pain001Writer onto(OutputStream out, BatchHead head, Payer payer, boolean validate) {
		try {
			XMLStreamWriter x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
			Pain001Writer w = new Pain001Writer(x, out, head, validate ? Pain001Schema.check() : null);
			w.start(payer);
			return w;
		}
		catch (XMLStreamException e) {
			throw failed(e);
		}
	}

	/** Writes one credit transfer. */
	public void transfer(Transfer t) {
		try {
			transfer(batch, t);
		}
		catch (XMLStreamException e) {
			throw failed(e);
		}
	}

	/** Ends the document (and its last line). */
	public void finish() {
		try {
			end();
			xml.flush();
			xml.close();
			out.write("\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
		}
		catch (XMLStreamException e) {
			throw failed(e);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
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

	private static IllegalStateException failed(XMLStreamException e) {
		return new IllegalStateException("无法写出 pain.001：" + e.getMessage(), e);
	}

	private void start(Payer payer) throws XMLStreamException {
		xml.writeStartDocument("UTF-8", "1.0");
		xml.writeCharacters("\n");
		xml.writeStartElement("Document");
		xml.writeDefaultNamespace(NAMESPACE);
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

	private void end() throws XMLStreamException {
		close();
		close();
		depth--;
		xml.writeCharacters("\n");
		xml.writeEndElement();
		xml.writeEndDocument();
		if (check != null) {
			check.endRoot("Document");
		}
	}

	private void transfer(BatchHead batch, Transfer t) throws XMLStreamException {
		BankLine l = t.line();
		open("CdtTrfTxInf");
		open("PmtId");
		leaf("EndToEndId", endToEndId(batch.batchLabel(), t.bank(), l.seq()));
		close();
		open("Amt");
		indent();
		String amount = Money.format(l.amount());
		xml.writeStartElement("InstdAmt");
		xml.writeAttribute("Ccy", "CNY");
		xml.writeCharacters(amount);
		xml.writeEndElement();
		if (check != null) {
			check.leaf("InstdAmt", "Ccy", "CNY", amount);
		}
		close();
		open("CdtrAgt");
		open("FinInstnId");
		leaf("Nm", Bank.valueOf(t.bank()).chineseName());
		open("Othr");
		leaf("Id", t.bank());
		close();
		close();
		close();
		open("Cdtr");
		leaf("Nm", l.accountName());
		open("Id");
		open("PrvtId");
		open("Othr");
		leaf("Id", l.idNumber());
		open("SchmeNm");
		leaf("Cd", "NIDN");
		close();
		close();
		close();
		close();
		close();
		open("CdtrAcct");
		open("Id");
		open("Othr");
		leaf("Id", l.account());
		close();
		close();
		close();
		open("RmtInf");
		leaf("Ustrd", l.memo());
		close();
		close();
	}

	public static String endToEndId(String batchLabel, String bank, int seq) {
		return "%s-%s-%06d".formatted(batchLabel, bank, seq);
	}

	private void open(String name) throws XMLStreamException {
		indent();
		xml.writeStartElement(name);
		if (check != null) {
			check.start(name);
			open.push(name);
		}
		depth++;
	}

	private void close() throws XMLStreamException {
		depth--;
		indent();
		xml.writeEndElement();
		if (check != null) {
			check.end(open.pop());
		}
	}

	private void leaf(String name, String text) throws XMLStreamException {
		indent();
		String safe = xmlText(text);
		xml.writeStartElement(name);
		xml.writeCharacters(safe);
		xml.writeEndElement();
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

	private static final String[] INDENTS = new String[16];

	static {
		for (int i = 0; i < INDENTS.length; i++) {
			INDENTS[i] = "\n" + "  ".repeat(i);
		}
	}

	private void indent() throws XMLStreamException {
		xml.writeCharacters(depth < INDENTS.length ? INDENTS[depth] : "\n" + "  ".repeat(depth));
	}
}
