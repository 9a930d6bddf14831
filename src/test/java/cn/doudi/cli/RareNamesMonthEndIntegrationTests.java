package cn.doudi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.disbursement.files.BankFolder;
import cn.doudi.disbursement.pain.Pain001Schema;
import cn.doudi.identity.IdNumber;
import cn.doudi.support.Commands;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;
import cn.doudi.support.TestData;

/**
 * One person's name never stops a county's payout (issue 8, OUTPUTS.md "Bank disbursement layouts"): a
 * county whose roster names 刘䶮 (䶮 U+4DAE, CJK Extension A, not in GBK), paid through the default GB18030
 * layout, and 王𠀾华 (𠀾 U+2003E, Extension B, outside the BMP), paid through PSBC's GBK fixed-width layout.
 * {@code month-end} exits 0 and writes every bank file and the manifest; the GB18030 file holds the real
 * characters, the PSBC line the substitute {@code ?}, and the warning names that line (masked ID, field);
 * payments.csv, pain.001 and the notice PDF carry the real names; after approval the bank's returns of both
 * files match back to their lines.
 */
@DoudiIntegrationTest
class RareNamesMonthEndIntegrationTests {

	static final String COUNTY = "410102";
	static final Charset GB18030 = Charset.forName("GB18030");
	static final Charset GBK = Charset.forName("GBK");
	static final String EXT_A = "刘䶮";
	static final String EXT_B = "王𠀾华";
	/** 𰀀 U+30000, CJK Extension G: GB18030 holds it, but neither notice font has a glyph for it. */
	static final String EXT_G = "李𰀀";
	static final String ID_A = TestData.id(COUNTY, "1940-03-01", 11);
	static final String ID_B = TestData.id(COUNTY, "1941-04-02", 12);
	static final String ID_G = TestData.id(COUNTY, "1942-05-03", 13);

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path tmp;

	final ByteArrayOutputStream err = new ByteArrayOutputStream();
	PrintStream originalErr;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(jdbc);
		new TestData(jdbc).standard(COUNTY, "ELDERLY", "80-89", "2026-01", "100.00")
			.user("fin1", "FINANCE", COUNTY)
			.user("fin2", "FINANCE", COUNTY)
			.beneficiary("410102001001", "H1", ID_A, EXT_A, "本人", "ELDERLY", null, null, "2026-01", null)
			.beneficiary("410102001001", "H2", ID_B, EXT_B, "本人", "ELDERLY", null, null, "2026-01", null)
			.beneficiary("410102001001", "H3", ID_G, EXT_G, "本人", "ELDERLY", null, null, "2026-01", null);
		jdbc.update("update beneficiary set bank = 'PSBC' where household_id = 'H2'");
		originalErr = System.err;
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	@AfterEach
	void restore() {
		System.setErr(originalErr);
	}

	int run(String... args) {
		return Commands.run(context, args);
	}

	@Test
	void monthEndWritesEveryFileWithTheRealCharactersOrTheNamedSubstitute() throws Exception {
		Path out = tmp.resolve("2026-10");
		assertThat(run("month-end", "--month=2026-10", "--county=" + COUNTY, "--out=" + out, "--user=fin1")).isZero();
		Path bank = out.resolve("bank");

		assertThat(names(bank)).containsExactly("DRAFT-410102-202610.pain.001.xml", "DRAFT-ICBC-410102-202610.txt",
				"DRAFT-PSBC-410102-202610.dat", "MANIFEST.sha256");
		assertThat(Files.readAllLines(bank.resolve("MANIFEST.sha256"))).hasSize(3)
			.allSatisfy(l -> assertThat(l.split("  ")[0]).isEqualTo(BankFolder.sha256(bank.resolve(l.split("  ")[1]))));

		// the default layout is GB18030: the real characters, byte for byte
		String icbc = Files.readString(bank.resolve("DRAFT-ICBC-410102-202610.txt"), GB18030);
		assertThat(icbc).contains("|" + EXT_A + "|100.00|" + ID_A + "|", "|" + EXT_G + "|100.00|" + ID_G + "|");
		// PSBC's GBK fixed-width line: the substitute, padded to the field's 30 bytes
		String psbc = Files.readString(bank.resolve("DRAFT-PSBC-410102-202610.dat"), GBK);
		assertThat(psbc).contains("王?华" + " ".repeat(25) + "000000010000" + ID_B).doesNotContain("𠀾");
		// every other output: the real characters
		assertThat(Files.readString(out.resolve("payments.csv"))).contains("," + EXT_A + ",", "," + EXT_B + ",");
		byte[] pain = Files.readAllBytes(bank.resolve("DRAFT-410102-202610.pain.001.xml"));
		Pain001Schema.validate("pain", pain);
		assertThat(new String(pain, StandardCharsets.UTF_8)).contains("<Nm>" + EXT_A + "</Nm>", "<Nm>" + EXT_B + "</Nm>");

		String warnings = err.toString(StandardCharsets.UTF_8);
		assertThat(warnings).contains("doudi: 警告：410102 bank/DRAFT-PSBC-410102-202610.dat 第 1 笔（身份证 "
				+ IdNumber.mask(ID_B) + "）户名中的“𠀾”（U+2003E）GBK 无法表示，写作“王?华”")
			.contains("notices/410102/410102001001-202610.pdf " + EXT_G + "（身份证 " + IdNumber.mask(ID_G)
					+ "）姓名（name）中的“𰀀”（U+30000）没有字体能显示")
			.doesNotContain(ID_A)
			.doesNotContain(ID_B)
			.doesNotContain("refused");
		// the files' warnings (beside those of missing data: no regions names, sources never imported)
		assertThat(warnings.lines().filter(l -> l.startsWith("doudi: 警告：") && !l.contains("从未导入") && !l.contains("regions")))
			.hasSize(2);

		// the notice shows both rare names, read back from the PDF's text
		try (PDDocument pdf = Loader.loadPDF(out.resolve("notices/410102/410102001001-202610.pdf").toFile())) {
			assertThat(new PDFTextStripper().getText(pdf)).contains(EXT_A, EXT_B, "李?");
		}
	}

	@Test
	void theFinalFilesReturnsMatchBackToTheirLines() throws Exception {
		Path out = tmp.resolve("2026-10");
		assertThat(run("month-end", "--month=2026-10", "--county=" + COUNTY, "--out=" + out, "--user=fin1")).isZero();
		assertThat(run("release", "--month=2026-10", "--county=" + COUNTY, "--user=fin1")).isZero();
		assertThat(run("approve", "--month=2026-10", "--county=" + COUNTY, "--user=fin2")).isZero();
		Path bank = out.resolve("bank");
		assertThat(Files.readString(bank.resolve("PSBC-410102-202610.dat"), GBK)).contains("王?华");

		// the banks repeat each line and append their answer: PSBC the 4-byte status after the fixed fields
		List<String> psbc = Files.readAllLines(bank.resolve("PSBC-410102-202610.dat"), GBK);
		List<String> psbcReturn = new ArrayList<>(psbc);
		psbcReturn.set(1, psbc.get(1) + "失败户名不符");
		Path psbcFile = Files.write(tmp.resolve("PSBC-410102-202610-回盘.dat"),
				(String.join("\r\n", psbcReturn) + "\r\n").getBytes(GBK));
		List<String> icbc = Files.readAllLines(bank.resolve("ICBC-410102-202610.txt"), GB18030);
		Path icbcFile = Files.write(tmp.resolve("ICBC-410102-202610-回盘.txt"),
				(icbc.get(0) + "\n" + icbc.get(1) + "|成功|\n" + icbc.get(2) + "|成功|\n").getBytes(GB18030));

		assertThat(run("bank-return", psbcFile.toString(), icbcFile.toString(), "--user=fin1"))
			.as(err.toString(StandardCharsets.UTF_8)).isZero();

		assertThat(jdbc.queryForList(
				"select name || ':' || bank_status || ':' || coalesce(bank_failure_reason, '') from payment_line order by household_id",
				String.class)).containsExactly(EXT_A + ":PAID:", EXT_B + ":FAILED:户名不符", EXT_G + ":PAID:");
	}

	static List<String> names(Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}
}
