package cn.doudi.ingest;

import static cn.doudi.ingest.Fixtures.id;
import static cn.doudi.ingest.Fixtures.rows;
import static cn.doudi.ingest.Fixtures.split;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;

/**
 * Names that go into bank files (姓名, 账户名 of beneficiaries and temp-assist): a rare character (䶮 of CJK
 * Extension A, 𠀾 of Extension B, outside the BMP) is imported as it is; a line break inside the cell, a
 * control or invisible character, or the bank files' separator {@code |} refuses the row by its column,
 * with the reason in Chinese (INPUTS.md: bad input is refused row by row), so that no county's bank file
 * is ever stopped by one record.
 */
@DoudiIntegrationTest
class BankTextImportIntegrationTests {

	static final String HEADER = Fixtures.BENEFICIARY_HEADER;
	static final java.nio.charset.Charset GB18030 = java.nio.charset.Charset.forName("GB18030");

	@Autowired
	RosterImports imports;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path dir;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(jdbc);
		Fixtures.users(jdbc);
	}

	/** An ELDERLY row of its own household: name and account name as given. */
	static Object[] elder(int n, String name, String accountName) {
		Object[] row = split("410102001001,E" + n + "," + id("410102", "19400101", n) + ",x,本人,高龄津贴,,,2026-01,,工商银行,"
				+ "622202020000123456" + n + ",x");
		row[3] = name;
		row[12] = accountName;
		return row;
	}

	@Test
	void rareCharactersAreImportedAndSeparatorsLineBreaksAndControlsAreRefusedByRow() throws Exception {
		Path file = Fixtures.xlsx(dir, "roster.xlsx", false, rows(split(HEADER),
				elder(1, "刘䶮", "刘䶮"),
				elder(2, "王𠀾华", " 王𠀾华\n"),
				elder(3, "张三", "张三|李四"),
				elder(4, "张三", "张三｜李四"),
				elder(5, "张三", "张三\n李四"),
				elder(6, "李\u2060四", "李四"),
				elder(7, "赵\u200E六", "赵六"),
				elder(8, "孙\r\n七", "孙七")));

		ImportOutcome o = imports.importFiles(Source.BENEFICIARIES, List.of(file),
				ImportOptions.by("tester").acceptingValidRows());

		assertThat(o.problems()).extracting(p -> p.row() + ":" + p.column() + ":" + p.reason()).containsExactly(
				"4:账户名:账户名含竖线“|”（银行代发文件的分隔符），请删去或改用其他字符",
				"5:账户名:账户名含竖线“|”（银行代发文件的分隔符），请删去或改用其他字符",
				"6:账户名:账户名含换行，银行代发文件中一笔只占一行，请删去换行后重新导入",
				"7:姓名:姓名含控制字符或不可见字符（U+2060），不能写入银行代发文件，请删去后重新导入",
				"8:姓名:姓名含控制字符或不可见字符（U+200E），不能写入银行代发文件，请删去后重新导入",
				"9:姓名:姓名含换行，银行代发文件中一笔只占一行，请删去换行后重新导入");
		assertThat(o.rowsAccepted()).isEqualTo(2);
		assertThat(jdbc.queryForList("select name || '/' || account_name from current_beneficiary order by household_id",
				String.class)).containsExactly("刘䶮/刘䶮", "王𠀾华/王𠀾华");
	}

	@Test
	void theWholeFileIsRefusedWithoutAcceptValidRowsAndTheErrorReportKeepsTheRareCharacters() throws Exception {
		Path file = Fixtures.xlsx(dir, "roster.xlsx", false, rows(split(HEADER), elder(1, "刘䶮", "刘䶮"),
				elder(2, "王𠀾华", "王𠀾华|李四")));

		ImportOutcome o = imports.importFiles(Source.BENEFICIARIES, List.of(file), ImportOptions.by("tester"));

		assertThat(o.committed()).isFalse();
		assertThat(o.problems()).singleElement().extracting(ImportProblem::value).isEqualTo("王𠀾华|李四");
		assertThat(jdbc.queryForObject("select count(*) from beneficiary", Integer.class)).isZero();
		List<String[]> report = BadSampleFileIntegrationTests.reportLines(o.errorReports().get(0));
		assertThat(report.get(1)).containsExactly("3", "账户名", "王𠀾华|李四", o.problems().get(0).reason());
	}

	@Test
	void aGb18030CsvCarriesTheRareCharactersAndGbksUserDefinedCodeReadsAsExtensionA() throws Exception {
		// 王𠀾华 in GB18030 (𠀾 as 4 bytes); 䶮 as FE9F, the code a GBK machine's user-defined area gives it
		String header = HEADER + "\r\n";
		byte[] head = (header + "410102001001,E1," + id("410102", "19400101", 1) + ",王𠀾华,本人,高龄津贴,,,2026-01,,工商银行,"
				+ "6222020200001234561,王𠀾华\r\n410102001001,E2," + id("410102", "19400101", 2) + ",刘").getBytes(GB18030);
		byte[] tail = (",本人,高龄津贴,,,2026-01,,工商银行,6222020200001234562,刘").getBytes(GB18030);
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		bytes.writeBytes(head);
		bytes.writeBytes(new byte[] { (byte) 0xFE, (byte) 0x9F });
		bytes.writeBytes(tail);
		bytes.writeBytes(new byte[] { (byte) 0xFE, (byte) 0x9F, '\r', '\n' });
		Path file = java.nio.file.Files.write(dir.resolve("roster-gbk.csv"), bytes.toByteArray());

		ImportOutcome o = imports.importFiles(Source.BENEFICIARIES, List.of(file), ImportOptions.by("tester"));

		assertThat(o.problems()).isEmpty();
		assertThat(jdbc.queryForList("select name || '/' || account_name from current_beneficiary order by household_id",
				String.class)).containsExactly("王𠀾华/王𠀾华", "刘䶮/刘䶮");
	}

	@Test
	void tempAssistNamesAreCheckedAlike() throws Exception {
		ImportOutcome s = imports.importFiles(Source.STANDARDS, List.of(Fixtures.csv(dir, "s.csv", "区划代码,项目,类别,生效月份,月标准",
				"410102,DIBAO_URBAN,标准,2026-01,700", "410102,TEMP_ASSIST,单次上限,2026-01,5000")), ImportOptions.by("tester"));
		assertThat(s.status()).isEqualTo(ImportOutcome.Status.COMMITTED);
		String header = "区划代码,户编号,身份证号,姓名,审批编号,审批月份,救助金额,救助事由,开户银行,银行账号,账户名";
		Path file = Fixtures.csv(dir, "ta.csv", header,
				"410102001001,H1," + id("410102", "19800101", 11) + ",王𠀾华,C1,2026-05,300,火灾,工商银行,6222020200001234567,王𠀾华",
				"410102001001,H2," + id("410102", "19800101", 12) + ",乙,C2,2026-05,300,火灾,工商银行,6222020200001234568,甲|乙",
				"410102001001,H3," + id("410102", "19800101", 13) + ",丙\u0007丁,C3,2026-05,300,火灾,工商银行,6222020200001234569,丙丁");

		ImportOutcome o = imports.importFiles(Source.TEMP_ASSIST, List.of(file), ImportOptions.by("tester").acceptingValidRows());

		assertThat(o.problems()).extracting(p -> p.row() + ":" + p.column() + ":" + p.reason()).containsExactly(
				"3:账户名:账户名含竖线“|”（银行代发文件的分隔符），请删去或改用其他字符",
				"4:姓名:姓名含控制字符或不可见字符（U+0007），不能写入银行代发文件，请删去后重新导入");
		assertThat(jdbc.queryForObject("select name from temp_assist", String.class)).isEqualTo("王𠀾华");
	}
}
