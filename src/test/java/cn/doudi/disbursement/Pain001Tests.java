package cn.doudi.disbursement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import cn.doudi.disbursement.batch.BankBatch;
import cn.doudi.disbursement.batch.BankLine;
import cn.doudi.disbursement.files.BatchAssembler;
import cn.doudi.disbursement.files.BatchAssembler.RunBatches;
import cn.doudi.disbursement.pain.Pain001Schema;
import cn.doudi.disbursement.pain.Pain001Writer;
import cn.doudi.disbursement.pain.Pain001Writer.Transfer;
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

	/** Texts with every kind of character the writer treats apart: markup, line ends, controls, surrogates. */
	static final List<String> TRICKY = List.of("A&B<C>D\"E'F", "a]]>b&amp;", "tab\there", "cr\rlf\nend\r\n", "\u0085\u2028\u00A0",
			"王𠀾华𠀾", "\uFEFF零宽\u200B", "", "   ", "赵\u0007六\u001F", "孤\uD800立", "尾\uDBFF", "\uDC00头", "\uFFFE\uFFFF",
			"é ü ß ©", "\uE000私用\uFFFD", "张".repeat(300), "x".repeat(5000));

	@Test
	void theBytesAreThoseTheJdksXmlWriterWrote() throws Exception {
		// the shipped sample, final and draft
		for (boolean draft : List.of(false, true)) {
			RunBatches rb = BatchAssembler.assemble(BankLayoutTests.RUN, BankLayoutTests.lines(), draft);
			BankBatch county = BatchAssembler.county(rb, draft);
			assertThat(Pain001Writer.write(county, rb.transfers(), PAYER))
				.isEqualTo(StaxPain001.write(county, rb.transfers(), PAYER));
		}
		// each tricky text as a second line's name, ID, account and 摘要, and as the payer's name
		for (String text : TRICKY) {
			BankLine odd = new BankLine(1, 2, text, text, new BigDecimal("1.00"), text, text, "ELDERLY", YearMonth.of(2026, 10),
					text);
			List<Transfer> transfers = List.of(new Transfer("ICBC", line(1)), new Transfer("PSBC", odd),
					new Transfer("ICBC", line(2)));
			BankBatch batch = county(transfers, "410102-202610-01");
			Payer payer = new Payer(text, "6222020200000000001", "ICBKCNBJXXX");
			assertThat(Pain001Writer.write(batch, transfers, PAYER)).as(text)
				.isEqualTo(StaxPain001.write(batch, transfers, PAYER));
			assertThat(Pain001Writer.write(batch, transfers, payer)).as(text)
				.isEqualTo(StaxPain001.write(batch, transfers, payer));
		}
	}

	/** A change to the third of four transfers, and whether the XSD accepts the document. */
	record Variant(String what, java.util.function.UnaryOperator<BankLine> change, String bank, boolean valid) {
	}

	/**
	 * Validating as written feeds the XSD's validator the first transfer whole and skips a later one only when it
	 * surely passes as the first did: a document is refused exactly when validating its bytes refuses it, with the
	 * same message — here for every text a line puts in its transfer, at the edges of its XSD type.
	 */
	@Test
	void validatedAsWrittenRefusesExactlyWhatValidatingTheBytesRefuses() {
		String cjk = "张";
		String rare = "𠀾"; // one character, two UTF-16 units
		List<Variant> variants = List.of(
				new Variant("as it is", l -> l, "ICBC", true),
				new Variant("户名 of 140 characters (Max140Text)", l -> withName(l, cjk.repeat(140)), "ICBC", true),
				new Variant("户名 of 141 characters", l -> withName(l, cjk.repeat(141)), "ICBC", false),
				// the JDK's validator counts a character outside the BMP as two (its UTF-16 units)
				new Variant("户名 of 138 characters and one outside the BMP", l -> withName(l, cjk.repeat(138) + rare), "ICBC", true),
				new Variant("户名 of 139 characters and one outside the BMP", l -> withName(l, cjk.repeat(139) + rare), "ICBC", false),
				new Variant("empty 户名", l -> withName(l, ""), "ICBC", false),
				new Variant("户名 of one space", l -> withName(l, " "), "ICBC", true),
				new Variant("户名 with a tab and line ends", l -> withName(l, "张\t三\r\n"), "ICBC", true),
				new Variant("户名 with a control character (written ?)", l -> withName(l, "\u0007"), "ICBC", true),
				new Variant("户名 with markup characters", l -> withName(l, "<&>\"'"), "ICBC", true),
				new Variant("ID of 35 characters (Max35Text)", l -> withId(l, "4".repeat(35)), "ICBC", true),
				new Variant("ID of 36 characters", l -> withId(l, "4".repeat(36)), "ICBC", false),
				new Variant("empty ID", l -> withId(l, ""), "ICBC", false),
				new Variant("account of 34 characters (Max34Text)", l -> withAccount(l, "6".repeat(34)), "ICBC", true),
				new Variant("account of 35 characters", l -> withAccount(l, "6".repeat(35)), "ICBC", false),
				new Variant("摘要 of 140 characters", l -> withMemo(l, cjk.repeat(140)), "ICBC", true),
				new Variant("摘要 of 141 characters", l -> withMemo(l, cjk.repeat(141)), "ICBC", false),
				new Variant("amount 0.00", l -> withAmount(l, "0.00"), "ICBC", true),
				new Variant("amount 0.1 (written 0.10)", l -> withAmount(l, "0.1"), "ICBC", true),
				new Variant("negative amount", l -> withAmount(l, "-0.01"), "ICBC", false),
				new Variant("amount of 19 digits", l -> withAmount(l, "99999999999999999.99"), "ICBC", false),
				new Variant("EndToEndId of 35 characters (ICBC)", l -> l, "ICBC", true),
				new Variant("EndToEndId of 36 characters (BOCOM)", l -> l, "BOCOM", false));
		// a batch number of 23 characters: EndToEndId <batch>-ICBC-000001 has 35, <batch>-BOCOM-000001 36
		String batchNo = "410102-202610-01-ABCDEF";
		for (Variant v : variants) {
			List<Transfer> transfers = new java.util.ArrayList<>(List.of(new Transfer("ICBC", line(1)),
					new Transfer("PSBC", line(1)), new Transfer(v.bank(), v.change().apply(line(v.bank().equals("ICBC") ? 2 : 1))),
					new Transfer("ICBC", line(3))));
			if (v.what().startsWith("amount of 19")) { // the group's CtrlSum stays within its own 18 digits
				transfers.set(3, new Transfer("ICBC", withAmount(line(3), "-99999999999999999.00")));
			}
			BankBatch batch = county(transfers, batchNo);
			byte[] xml = Pain001Writer.write(batch, transfers, PAYER);
			String byBytes = refusal(() -> Pain001Schema.validate("f.xml", xml));
			String asWritten = refusal(() -> Pain001Writer.writeValid("f.xml", batch, transfers, PAYER));
			assertThat(byBytes == null).as(v.what()).isEqualTo(v.valid());
			assertThat(asWritten).as(v.what()).isEqualTo(byBytes);
			if (!v.valid()) {
				// the violation named is in the third transfer, between its first line and the fourth's
				java.util.regex.Matcher at = java.util.regex.Pattern.compile("第 (\\d+) 行").matcher(asWritten);
				assertThat(at.find()).as(v.what()).isTrue();
				assertThat(Integer.parseInt(at.group(1))).as(v.what())
					.isBetween(lineOfTransfer(xml, 3), lineOfTransfer(xml, 4) - 1);
			}
		}
	}

	@Test
	void aFirstOrLastTransferThatBreaksTheXsdIsRefusedToo() {
		for (int at : List.of(0, 3)) {
			List<Transfer> transfers = new java.util.ArrayList<>(List.of(new Transfer("ICBC", line(1)),
					new Transfer("PSBC", line(1)), new Transfer("ICBC", line(2)), new Transfer("ICBC", line(3))));
			transfers.set(at, new Transfer("ICBC", withId(transfers.get(at).line(), "")));
			BankBatch batch = county(transfers, "410102-202610-01");
			byte[] xml = Pain001Writer.write(batch, transfers, PAYER);
			String byBytes = refusal(() -> Pain001Schema.validate("f.xml", xml));
			assertThat(byBytes).contains("f.xml", "XSD");
			assertThatThrownBy(() -> Pain001Writer.writeValid("f.xml", batch, transfers, PAYER)).hasMessage(byBytes);
		}
	}

	static BankLine line(int seq) {
		return new BankLine(seq, seq, "62220202000000000" + (10 + seq), "张三", new BigDecimal("100.00"), BankLayoutTests.A,
				"张三", "DIBAO_URBAN", YearMonth.of(2026, 10), "城市最低生活保障2026年10月");
	}

	static BankLine withName(BankLine l, String name) {
		return new BankLine(l.seq(), l.paymentLineId(), l.account(), name, l.amount(), l.idNumber(), name, l.program(),
				l.payMonth(), l.memo());
	}

	static BankLine withId(BankLine l, String id) {
		return new BankLine(l.seq(), l.paymentLineId(), l.account(), l.accountName(), l.amount(), id, l.name(), l.program(),
				l.payMonth(), l.memo());
	}

	static BankLine withAccount(BankLine l, String account) {
		return new BankLine(l.seq(), l.paymentLineId(), account, l.accountName(), l.amount(), l.idNumber(), l.name(),
				l.program(), l.payMonth(), l.memo());
	}

	static BankLine withMemo(BankLine l, String memo) {
		return new BankLine(l.seq(), l.paymentLineId(), l.account(), l.accountName(), l.amount(), l.idNumber(), l.name(),
				l.program(), l.payMonth(), memo);
	}

	static BankLine withAmount(BankLine l, String amount) {
		return new BankLine(l.seq(), l.paymentLineId(), l.account(), l.accountName(), new BigDecimal(amount), l.idNumber(),
				l.name(), l.program(), l.payMonth(), l.memo());
	}

	/** The county's batch of these transfers (count and total from them). */
	static BankBatch county(List<Transfer> transfers, String batchNo) {
		return new BankBatch(7, batchNo, false, "ISO20022", "410102", YearMonth.of(2026, 10), LocalDate.of(2026, 10, 10),
				transfers.stream().map(Transfer::line).toList());
	}

	/** The line of the file the {@code n}-th {@code <CdtTrfTxInf>} starts on. */
	static int lineOfTransfer(byte[] xml, int n) {
		String[] lines = string(xml).split("\n", -1);
		int seen = 0;
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].strip().equals("<CdtTrfTxInf>") && ++seen == n) {
				return i + 1;
			}
		}
		throw new AssertionError("no transfer " + n);
	}

	/** The refusal's message, or null when accepted. */
	static String refusal(Runnable check) {
		try {
			check.run();
			return null;
		}
		catch (IllegalStateException e) {
			return e.getMessage();
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
