package cn.doudi.disbursement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import cn.doudi.disbursement.batch.BankBatch;
import cn.doudi.disbursement.files.BatchAssembler;
import cn.doudi.disbursement.files.BatchAssembler.RunBatches;
import cn.doudi.disbursement.pain.Pain001Schema;
import cn.doudi.disbursement.pain.Pain001Writer;
import cn.doudi.disbursement.pain.Payer;
import cn.doudi.kernel.Program;
import cn.doudi.payroll.PaymentLineView;

/** pain.001.001.09: valid against the official XSD, sums exact, deterministic, an invalid file refused. */
class Pain001Tests {

	static final Payer PAYER = new Payer("某市民政局社会救助资金专户", "6222020200000000001", "ICBKCNBJXXX");

	static byte[] pain(List<PaymentLineView> lines, boolean draft) {
		RunBatches rb = BatchAssembler.assemble(BankLayoutTests.RUN, lines, draft);
		return Pain001Writer.write(BatchAssembler.county(rb, draft), rb.transfers(), PAYER);
	}

	@Test
	void validatesAgainstTheOfficialSchemaWithExactSums() throws Exception {
		byte[] xml = pain(BankLayoutTests.lines(), false);

		// the XSD as published in shared/data (when beside the repo), not only our copy of it
		Path official = Path.of("..", "shared", "data", "iso20022", "pain.001.001.09.xsd");
		if (official.toFile().exists()) {
			SchemaFactory f = SchemaFactory.newDefaultInstance();
			f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			f.newSchema(official.toFile()).newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
		}
		Pain001Schema.validate("test.xml", xml);

		Document doc = parse(xml);
		assertThat(text(doc, "NbOfTxs")).containsExactly("4", "4");
		assertThat(text(doc, "CtrlSum")).containsExactly("3370.50", "3370.50");
		BigDecimal sum = text(doc, "InstdAmt").stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(sum).isEqualByComparingTo("3370.50");
		assertThat(text(doc, "EndToEndId")).containsExactly("410102-202610-01-ICBC-000001", "410102-202610-01-ICBC-000002",
				"410102-202610-01-PSBC-000001", "410102-202610-01-ICBC-000003");
		assertThat(text(doc, "CreDtTm")).containsExactly("2026-10-10T00:00:00");
		assertThat(text(doc, "Ustrd")).contains("补发城市最低生活保障2026年9月");
		assertThat(text(doc, "MsgId")).containsExactly("410102-202610-01");
	}

	@Test
	void draftsCarryTheDraftBatchNumberAndStayValid() throws Exception {
		byte[] xml = pain(BankLayoutTests.lines(), true);
		Pain001Schema.validate("draft.xml", xml);
		assertThat(text(parse(xml), "MsgId")).containsExactly("草稿410102-202610-01");
	}

	@Test
	void theSameInputsGiveTheSameBytes() {
		assertThat(pain(BankLayoutTests.lines(), false)).isEqualTo(pain(BankLayoutTests.lines(), false));
	}

	@Test
	void rareCharactersAreWrittenAsTheyAreAndControlsNeverMakeTheFileInvalid() throws Exception {
		List<PaymentLineView> lines = List.of(
				BankLayoutTests.line(11, 1, Program.ELDERLY, "H1", BankLayoutTests.A, "刘䶮", "2026-10", "100.00", "PAY",
						"ICBC", "6222020200000000011", false),
				BankLayoutTests.line(12, 2, Program.ELDERLY, "H2", BankLayoutTests.B, "王𠀾华", "2026-10", "100.00", "PAY",
						"PSBC", "6222020200000000012", false),
				BankLayoutTests.line(13, 3, Program.ELDERLY, "H3", BankLayoutTests.C, "赵\u0007六", "2026-10", "100.00", "PAY",
						"ICBC", "6222020200000000013", false));
		byte[] xml = pain(lines, false);

		Pain001Schema.validate("rare.xml", xml);
		assertThat(string(xml)).contains("<Nm>刘䶮</Nm>", "<Nm>王𠀾华</Nm>", "<Nm>赵?六</Nm>");
		// 𠀾 as its 4 UTF-8 bytes, never as two encoded surrogates (6 bytes each)
		assertThat(java.util.HexFormat.of().withUpperCase().formatHex(xml)).contains("F0A080BE").doesNotContain("EDA080");
		assertThat(text(parse(xml), "Nm")).contains("王𠀾华");
	}

	@Test
	void anInvalidFileIsRefused() {
		RunBatches rb = BatchAssembler.assemble(BankLayoutTests.RUN, BankLayoutTests.lines(), false);
		BankBatch county = BatchAssembler.county(rb, false);
		byte[] xml = Pain001Writer.write(county, rb.transfers(), new Payer("x", "1", "NOT A BIC"));
		assertThatThrownBy(() -> Pain001Schema.validate("bad.xml", xml)).hasMessageContaining("bad.xml")
			.hasMessageContaining("XSD");
	}

	@Test
	void validatedAsWrittenGivesTheSameBytesAndTheSameRefusalAsValidatingTheFile() {
		RunBatches rb = BatchAssembler.assemble(BankLayoutTests.RUN, BankLayoutTests.lines(), true);
		BankBatch county = BatchAssembler.county(rb, true);
		assertThat(Pain001Writer.writeValid("ok.xml", county, rb.transfers(), PAYER))
			.isEqualTo(Pain001Writer.write(county, rb.transfers(), PAYER));
		// a BIC the XSD's pattern refuses, an empty name (Max140Text has a minimum length of 1)
		for (Payer bad : List.of(new Payer("x", "1", "NOT A BIC"), new Payer("", "1", "ICBKCNBJXXX"))) {
			byte[] xml = Pain001Writer.write(county, rb.transfers(), bad);
			String refusal = org.assertj.core.api.Assertions.catchThrowable(() -> Pain001Schema.validate("bad.xml", xml))
				.getMessage();
			assertThat(refusal).contains("bad.xml", "XSD", "行", "列");
			assertThatThrownBy(() -> Pain001Writer.writeValid("bad.xml", county, rb.transfers(), bad)).hasMessage(refusal);
		}
	}

	static Document parse(byte[] xml) throws Exception {
		DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
		f.setNamespaceAware(true);
		return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
	}

	static List<String> text(Document doc, String element) {
		NodeList nodes = doc.getElementsByTagNameNS(Pain001Writer.NAMESPACE, element);
		List<String> out = new java.util.ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			out.add(nodes.item(i).getTextContent());
		}
		return out;
	}

	static String string(byte[] xml) {
		return new String(xml, StandardCharsets.UTF_8);
	}
}
