package cn.doudi.disbursement.pain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import cn.doudi.disbursement.batch.BankBatch;
import cn.doudi.disbursement.batch.BankLine;
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
	private int depth;

	private Pain001Writer(XMLStreamWriter xml) {
		this.xml = xml;
	}

	/** {@code transfers}: the batch's lines in {@code payments.csv} order, each with its bank. */
	public static byte[] write(BankBatch batch, java.util.List<Transfer> transfers, Payer payer) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			XMLStreamWriter x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
			new Pain001Writer(x).document(batch, transfers, payer);
			x.close();
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException("无法写出 pain.001：" + e.getMessage(), e);
		}
		out.writeBytes("\n".getBytes(StandardCharsets.US_ASCII));
		return out.toByteArray();
	}

	private void document(BankBatch batch, java.util.List<Transfer> transfers, Payer payer) throws XMLStreamException {
		xml.writeStartDocument("UTF-8", "1.0");
		xml.writeCharacters("\n");
		xml.writeStartElement("Document");
		xml.writeDefaultNamespace(NAMESPACE);
		depth++;
		open("CstmrCdtTrfInitn");
		String count = Integer.toString(transfers.size());
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
		for (Transfer t : transfers) {
			transfer(batch, t);
		}
		close();
		close();
		depth--;
		xml.writeCharacters("\n");
		xml.writeEndElement();
		xml.writeEndDocument();
	}

	private void transfer(BankBatch batch, Transfer t) throws XMLStreamException {
		BankLine l = t.line();
		open("CdtTrfTxInf");
		open("PmtId");
		leaf("EndToEndId", endToEndId(batch.batchLabel(), t.bank(), l.seq()));
		close();
		open("Amt");
		indent();
		xml.writeStartElement("InstdAmt");
		xml.writeAttribute("Ccy", "CNY");
		xml.writeCharacters(Money.format(l.amount()));
		xml.writeEndElement();
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
		depth++;
	}

	private void close() throws XMLStreamException {
		depth--;
		indent();
		xml.writeEndElement();
	}

	private void leaf(String name, String text) throws XMLStreamException {
		indent();
		xml.writeStartElement(name);
		xml.writeCharacters(xmlText(text));
		xml.writeEndElement();
	}

	/**
	 * The text with every character XML 1.0 cannot carry (a control character, a lone surrogate) as {@code ?}:
	 * a name holding one never makes the county's file invalid (the bank file's layout warns about the same
	 * line). Every other character, a rare one outside the BMP too, is written as it is (UTF-8).
	 */
	static String xmlText(String text) {
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

	private void indent() throws XMLStreamException {
		xml.writeCharacters("\n" + "  ".repeat(depth));
	}
}
