package cn.doudi.disbursement;

import static cn.doudi.disbursement.BankLayoutTests.RUN;
import static cn.doudi.disbursement.BankLayoutTests.line;
import static cn.doudi.disbursement.BankLayoutTests.shipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.doudi.disbursement.batch.BankBatch;
import cn.doudi.disbursement.files.BatchAssembler;
import cn.doudi.disbursement.layout.BankLayout;
import cn.doudi.disbursement.layout.LayoutException;
import cn.doudi.disbursement.layout.LayoutParser;
import cn.doudi.disbursement.layout.LayoutWriter;
import cn.doudi.disbursement.layout.LayoutWriter.Rendered;
import cn.doudi.disbursement.layout.ReturnFileReader;
import cn.doudi.disbursement.layout.Substitution;
import cn.doudi.disbursement.layout.Value;
import cn.doudi.disbursement.returns.ReturnMatcher;
import cn.doudi.kernel.Program;
import cn.doudi.payroll.PaymentLineView;

/**
 * Rare characters (生僻字) and separators in bank files (OUTPUTS.md "Bank disbursement layouts"): the default
 * GB18030 layout holds them as they are; a layout whose encoding lacks one (PSBC's GBK) writes its
 * {@code unmappable} substitute and reports the field; fixed widths count bytes and never split a character;
 * a return of such a file still matches its lines. 䶮 is U+4DAE (CJK Extension A, not in GBK; FE9F in
 * GB 18030-2022), 𠀾 is U+2003E (Extension B, outside the BMP; 95 32 88 38 in GB18030).
 */
class RareCharacterLayoutTests {

	static final Charset GBK = Charset.forName("GBK");
	static final Charset GB18030 = Charset.forName("GB18030");
	static final String EXT_A = "刘䶮";
	static final String EXT_B = "王𠀾华";
	static final String A = "410102194003020019";
	static final String B = "410102194501010024";

	static List<PaymentLineView> rareLines(String bank) {
		return List.of(line(11, 1, Program.ELDERLY, "H1", A, EXT_A, "2026-10", "100.00", "PAY", bank, "6222020200000000011", false),
				line(12, 2, Program.ELDERLY, "H2", B, EXT_B, "2026-10", "200.00", "PAY", bank, "6222020200000000012", false));
	}

	static BankBatch batch(String bank, List<PaymentLineView> lines) {
		return BatchAssembler.assemble(RUN, lines, false).byBank().get(bank);
	}

	@Test
	void theDefaultGb18030LayoutHoldsTheRealCharacters() {
		Rendered r = LayoutWriter.write(shipped().forBank("ICBC"), batch("ICBC", rareLines("ICBC")));

		assertThat(r.substitutions()).isEmpty();
		String hex = HexFormat.of().withUpperCase().formatHex(r.bytes());
		assertThat(hex).contains("C1F5" + "FE9F") // 刘䶮
			.contains("CDF5" + "95328838" + "BBAA"); // 王𠀾华
		assertThat(new String(r.bytes(), GB18030)).isEqualTo("""
				H|410102-202610-01|20261010|2|300.00
				D|1|6222020200000000011|刘䶮|100.00|410102194003020019|高龄津贴2026年10月
				D|2|6222020200000000012|王𠀾华|200.00|410102194501010024|高龄津贴2026年10月
				""");
	}

	@Test
	void theGbkFixedWidthPsbcLayoutWritesTheSubstituteAndNamesTheField() {
		BankLayout psbc = shipped().forBank("PSBC");
		Rendered r = LayoutWriter.write(psbc, batch("PSBC", rareLines("PSBC")));

		List<byte[]> lines = lines(r.bytes());
		assertThat(lines).hasSize(4);
		// every detail line keeps its width: 2 + 6 + 19 + 30 + 12 + 18 + 40 bytes
		assertThat(lines.get(1)).hasSize(127);
		assertThat(lines.get(2)).hasSize(127);
		assertThat(field(lines.get(1), 27, 30)).isEqualTo(padded("刘?", 30));
		assertThat(field(lines.get(2), 27, 30)).isEqualTo(padded("王?华", 30));

		assertThat(r.substitutions()).hasSize(2);
		Substitution b = r.substitutions().get(1);
		assertThat(b.seq()).isEqualTo(2);
		assertThat(b.idNumber()).isEqualTo(B);
		assertThat(b.field()).isEqualTo(Value.ACCOUNT_NAME);
		assertThat(b.written()).isEqualTo("王?华");
		assertThat(b.describe()).isEqualTo("户名中的“𠀾”（U+2003E）GBK 无法表示，写作“王?华”");
		assertThat(r.substitutions().get(0).describe()).contains("“䶮”（U+4DAE）", "写作“刘?”");
	}

	@Test
	void aRepeatedValueIsWrittenAndReportedOnEveryLine() {
		// one person's line and arrears line, one after the other: the same 户名 (and 摘要) twice, then another's
		List<PaymentLineView> lines = List.of(
				line(11, 1, Program.ELDERLY, "H1", A, EXT_B, "2026-10", "100.00", "PAY", "PSBC", "6222020200000000011", false),
				line(12, 2, Program.ELDERLY, "H1", A, EXT_B, "2026-09", "100.00", "PAY", "PSBC", "6222020200000000011", true),
				line(13, 3, Program.ELDERLY, "H2", B, "李四", "2026-10", "100.00", "PAY", "PSBC", "6222020200000000013", false),
				line(14, 4, Program.ELDERLY, "H3", BankLayoutTests.C, "李四", "2026-10", "100.00", "PAY", "PSBC", "6222020200000000014", false));
		Rendered r = LayoutWriter.write(shipped().forBank("PSBC"), batch("PSBC", lines));

		List<byte[]> written = lines(r.bytes());
		assertThat(field(written.get(1), 27, 30)).isEqualTo(padded("王?华", 30));
		assertThat(field(written.get(2), 27, 30)).isEqualTo(padded("王?华", 30));
		assertThat(field(written.get(3), 27, 30)).isEqualTo(padded("李四", 30));
		assertThat(field(written.get(4), 27, 30)).isEqualTo(padded("李四", 30));
		assertThat(r.substitutions()).extracting(Substitution::seq).containsExactly(1, 2);
		assertThat(new String(r.bytes(), GBK)).contains("补发高龄津贴2026年9月");
	}

	@Test
	void theSubstituteIsTheLayoutsOwn() {
		BankLayout layout = LayoutParser.parse("CCB.yml", """
				file-name: "CCB-{county}.txt"
				encoding: GBK
				format: delimited
				separator: "|"
				unmappable: "□"
				header: [batch_no]
				detail: [seq, account, amount, account_name]
				""");
		Rendered r = LayoutWriter.write(layout, batch("CCB", rareLines("CCB")));
		assertThat(new String(r.bytes(), GBK)).contains("|100.00|刘□\n", "|200.00|王□华\n");
	}

	@Test
	void fixedWidthsCountBytesAndNeverSplitAFourByteCharacter() {
		BankLayout layout = LayoutParser.parse("RCU.yml", """
				file-name: "RCU-{county}.dat"
				encoding: GB18030
				format: fixed
				amount: fen
				header: [{value: batch_no, width: 20}]
				detail:
				  - {value: seq, width: 3, align: right, pad: "0"}
				  - {value: account, width: 19}
				  - {value: amount, width: 8, align: right, pad: "0"}
				  - {value: account_name, width: 7}
				return: {status-width: 4}
				""");
		List<PaymentLineView> names = new ArrayList<>();
		String[] written = { "𠀾𠀾", "王𠀾", "王华𠀾", "𠀾王华" };
		for (int i = 0; i < written.length; i++) {
			names.add(line(20 + i, i + 1, Program.ELDERLY, "H" + i, A, written[i], "2026-10", "100.00", "PAY", "RCU",
					"622202020000000002" + i, false));
		}
		Rendered r = LayoutWriter.write(layout, batch("RCU", names));

		List<byte[]> lines = lines(r.bytes());
		for (byte[] l : lines.subList(1, lines.size())) {
			assertThat(l).hasSize(3 + 19 + 8 + 7);
			// the name field decodes on its own: no character was cut in half
			assertThat(strictly(field(l, 30, 7), GB18030)).doesNotContain("\uFFFD");
		}
		assertThat(strictly(field(lines.get(1), 30, 7), GB18030)).isEqualTo("𠀾   "); // 8 bytes: cut to 4, padded
		assertThat(strictly(field(lines.get(2), 30, 7), GB18030)).isEqualTo("王𠀾 "); // 6 bytes: fits
		assertThat(strictly(field(lines.get(3), 30, 7), GB18030)).isEqualTo("王华   "); // 8 bytes: 𠀾 does not fit whole
		assertThat(strictly(field(lines.get(4), 30, 7), GB18030)).isEqualTo("𠀾王 "); // 8 bytes: cut before 华
		assertThat(r.substitutions()).extracting(Substitution::seq).containsExactly(1, 3, 4);
		assertThat(r.substitutions().get(1).describe()).isEqualTo("户名长 8 字节，超过宽度 7 字节，已截断，写作“王华”");
	}

	@Test
	void theSeparatorALineBreakOrAControlCharacterInAValueIsNeutralised() {
		BankLayout layout = LayoutParser.parse("CCB.yml", """
				file-name: "CCB-{county}.csv"
				encoding: UTF-8
				format: delimited
				separator: ","
				header: [batch_no, count]
				detail: [seq, account, amount, account_name]
				""");
		List<PaymentLineView> lines = List.of(
				line(11, 1, Program.ELDERLY, "H1", A, "张,三", "2026-10", "100.00", "PAY", "CCB", "6222020200000000011", false),
				line(12, 2, Program.ELDERLY, "H2", B, "李\n四\u0007", "2026-10", "100.00", "PAY", "CCB", "6222020200000000012", false));
		Rendered r = LayoutWriter.write(layout, batch("CCB", lines));

		assertThat(new String(r.bytes(), StandardCharsets.UTF_8)).isEqualTo("""
				410102-202610-01,2
				1,6222020200000000011,100.00,张?三
				2,6222020200000000012,100.00,李?四?
				""");
		assertThat(r.substitutions()).extracting(Substitution::describe).containsExactly(
				"户名含分隔符“,”，写作“张?三”",
				"户名含控制或不可见字符 U+000A、U+0007，写作“李?四?”");
	}

	@Test
	void aSubstituteThatCannotBeWrittenIsRefusedWhenTheLayoutIsRead() {
		String layout = """
				file-name: "X-{county}.txt"
				encoding: GBK
				format: delimited
				separator: "|"
				unmappable: %s
				header: [batch_no]
				detail: [seq, account, amount, account_name]
				""";
		for (String bad : List.of("\"\"", "\"|\"", "\"䶮\"", "\"\\n\"")) {
			assertThatThrownBy(() -> LayoutParser.parse("X.yml", layout.formatted(bad))).as(bad)
				.isInstanceOf(LayoutException.class)
				.hasMessageContaining("X.yml")
				.hasMessageContaining("unmappable");
		}
		assertThatThrownBy(() -> LayoutParser.parse("P.yml", """
				file-name: "P-{county}.dat"
				encoding: GBK
				format: fixed
				header: [{value: batch_no, width: 20}]
				detail:
				  - {value: seq, width: 6}
				  - {value: account, width: 19}
				  - {value: amount, width: 10}
				  - {value: account_name, width: 30, overflow: error}
				return: {status-width: 4}
				""")).hasMessageContaining("detail[3].overflow").hasMessageContaining("truncate");
		assertThatThrownBy(() -> LayoutParser.parse("T.yml", """
				file-name: "T-{county}.txt"
				encoding: GBK
				format: delimited
				separator: "|"
				header: [{text: "H|1"}, batch_no]
				detail: [seq, account, amount]
				""")).hasMessageContaining("header[0].text").hasMessageContaining("分隔符");
	}

	@Test
	void aReturnOfALineWrittenWithTheSubstituteMatchesItsLine() {
		BankLayout psbc = shipped().forBank("PSBC");
		BankBatch sent = batch("PSBC", rareLines("PSBC"));
		byte[] file = LayoutWriter.write(psbc, sent).bytes();

		// the bank repeats each line as it was sent (with the "?") and appends a 4-byte status
		var matched = ReturnMatcher.match(psbc, ReturnFileReader.read(psbc, answered(file, "成功", "失败账户已冻结")), sent,
				Map.of());
		assertThat(matched.problems()).isEmpty();
		assertThat(matched.marks()).extracting(m -> m.paymentLineId() + ":" + m.succeeded() + ":" + m.reason())
			.containsExactly("11:true:null", "12:false:账户已冻结");

		// a bank that writes the name its own way (bytes GBK cannot decode) in the name field still matches
		byte[] ownWay = file.clone();
		int at = indexOf(ownWay, "王?华".getBytes(GBK));
		ownWay[at + 2] = (byte) 0x80;
		var still = ReturnMatcher.match(psbc, ReturnFileReader.read(psbc, answered(ownWay, "成功", "成功")), sent, Map.of());
		assertThat(still.problems()).isEmpty();
		assertThat(still.marks()).hasSize(2);

		// but unreadable bytes where matching looks (the account) make the row unreadable
		byte[] garbled = file.clone();
		garbled[indexOf(garbled, "6222020200000000012".getBytes(GBK)) + 5] = (byte) 0x80;
		var refused = ReturnMatcher.match(psbc, ReturnFileReader.read(psbc, answered(garbled, "成功", "成功")), sent,
				Map.of());
		assertThat(refused.problems()).singleElement().asString().contains("第 3 行").contains("不是 GBK 编码的文字");
	}

	@Test
	void aReturnOfTheDefaultLayoutCarriesTheRealCharactersBack() {
		BankLayout layout = shipped().forBank("ICBC");
		BankBatch sent = batch("ICBC", rareLines("ICBC"));
		String text = new String(LayoutWriter.write(layout, sent).bytes(), GB18030);
		String[] l = text.split("\n");
		String answered = l[0] + "\n" + l[1] + "|成功|\n" + l[2] + "|失败|户名不符\n";
		var file = ReturnFileReader.read(layout, answered.getBytes(GB18030));
		assertThat(file.details().get(1).get(Value.ACCOUNT_NAME)).isEqualTo(EXT_B);
		var matched = ReturnMatcher.match(layout, file, sent, Map.of());
		assertThat(matched.problems()).isEmpty();
		assertThat(matched.marks()).extracting(m -> m.succeeded()).containsExactly(true, false);
	}

	/** The PSBC file with each detail line's status (and reason) appended, in GBK, CRLF. */
	static byte[] answered(byte[] file, String... answers) {
		List<byte[]> lines = lines(file);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < lines.size(); i++) {
			out.writeBytes(lines.get(i));
			if (i > 0 && i < lines.size() - 1) {
				out.writeBytes(answers[i - 1].getBytes(GBK));
			}
			out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		return out.toByteArray();
	}

	static List<byte[]> lines(byte[] bytes) {
		List<byte[]> out = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == '\n') {
				int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
				out.add(Arrays.copyOfRange(bytes, start, end));
				start = i + 1;
			}
		}
		return out;
	}

	static byte[] field(byte[] line, int from, int width) {
		return Arrays.copyOfRange(line, from, from + width);
	}

	static byte[] padded(String s, int width) {
		byte[] b = s.getBytes(GBK);
		byte[] out = new byte[width];
		Arrays.fill(out, (byte) ' ');
		System.arraycopy(b, 0, out, 0, b.length);
		return out;
	}

	static String strictly(byte[] bytes, Charset cs) {
		try {
			return cs.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (java.nio.charset.CharacterCodingException e) {
			throw new AssertionError("a character was cut: " + HexFormat.of().formatHex(bytes), e);
		}
	}

	static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new AssertionError("not found");
	}
}
