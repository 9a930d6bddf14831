package cn.doudi.disbursement;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import cn.doudi.disbursement.batch.BankBatch;
import cn.doudi.disbursement.batch.BankLine;
import cn.doudi.disbursement.pain.Pain001Writer;
import cn.doudi.disbursement.pain.Pain001Writer.Transfer;
import cn.doudi.disbursement.pain.Payer;
import cn.doudi.kernel.Bank;
import cn.doudi.kernel.Money;

/**
 * The pain.001 as {@link Pain001Writer} wrote it until 2026-12, through the JDK's {@link XMLStreamWriter} (the
 * same calls, validation left out): the reference {@code Pain001Tests} compares the writer's bytes with.
 */
final class StaxPain001 {

	private final XMLStreamWriter xml;
	private int depth;

	private StaxPain001(XMLStreamWriter xml) {
		this.xml = xml;
	}

	static byte[] write(BankBatch batch, List<Transfer> transfers, Payer payer) throws XMLStreamException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		StaxPain001 w = new StaxPain001(XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8"));
		w.start(batch, payer);
		for (Transfer t : transfers) {
			w.transfer(batch, t);
		}
		w.end();
		out.writeBytes("\n".getBytes(StandardCharsets.US_ASCII));
		return out.toByteArray();
	}

	private void start(BankBatch batch, Payer payer) throws XMLStreamException {
		xml.writeStartDocument("UTF-8", "1.0");
		xml.writeCharacters("\n");
		xml.writeStartElement("Document");
		xml.writeDefaultNamespace(Pain001Writer.NAMESPACE);
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
		xml.flush();
		xml.close();
	}

	private void transfer(BankBatch batch, Transfer t) throws XMLStreamException {
		BankLine l = t.line();
		open("CdtTrfTxInf");
		open("PmtId");
		leaf("EndToEndId", "%s-%s-%06d".formatted(batch.batchLabel(), t.bank(), l.seq()));
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

	/** Characters XML 1.0 cannot carry as {@code ?}, as the writer has always done. */
	private static String xmlText(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(cp -> {
			boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF
					|| cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF;
			out.append(allowed ? Character.toString(cp) : "?");
		});
		return out.toString();
	}

	private void indent() throws XMLStreamException {
		xml.writeCharacters("\n" + "  ".repeat(depth));
	}
}
