package cn.doudi.ingest;

import static cn.doudi.ingest.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;

/** The spreadsheet traps of INPUTS.md, each in a real file. */
@DoudiIntegrationTest
class ExcelTrapsIntegrationTests {

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

	ImportOutcome accept(Source source, Path file) {
		return imports.importFiles(source, List.of(file), ImportOptions.by("tester").acceptingValidRows());
	}

	@Test
	void readsAnXlsxWithTitleBlankRowsNumberCellsDateCellsAndATotalsRow() throws Exception {
		String head = id("410102", "19500101", 11);
		Object[] header = { "区划代码", "户编号", " 身份证号 ", "姓　名", "与户主关系", "项目", "类别", "家庭月收入", "开始月份", "结束月份",
				"开户银行", "银行账号", "账户名", "备注" };
		Path file = Fixtures.xlsx(dir, "roster.xlsx", true, Fixtures.rows(
				new Object[] { "XX县2026年11月低保花名册" },
				null,
				header,
				new Object[] { "410102001001", "H1", head, "张三", "户主", "DIBAO_URBAN", null, 900, LocalDate.of(2026, 1, 1),
						null, "ICBC", "6222020200001234567", "张三" },
				new Object[] { 410102001001L, "H2", 410102195001010011d, "李四", "户主", "城市低保", null, 500, "2026-01", null,
						"工商银行", "6222020200001234568", "李四" },
				new Object[] { 410102001001L, 12345, 410102500101001L, "王五", "本人", "城市低保", null, 0, 46023, null,
						"建设银行", 622700123456L, "王五" },
				new Object[] { "410102001001", "H4", id("410102", "19600101", 44), "赵六", "户主", "城市低保", null, 300,
						"2026-02", null, "工商银行", 6222020200001234569d, "赵六" },
				null,
				new Object[] { "合计", null, null, null, null, null, null, 1700 }));

		ImportOutcome o = accept(Source.BENEFICIARIES, file);

		assertThat(o.status()).isEqualTo(ImportOutcome.Status.COMMITTED);
		assertThat(o.rowsRead()).isEqualTo(4);
		assertThat(o.problems()).extracting(p -> p.row() + ":" + p.column() + ":" + p.reason().replaceAll("（.*", ""))
			.containsExactly("5:身份证号:身份证号被存为数字，末位已丢失", "7:银行账号:银行账号被存为数字，末位已丢失");
		assertThat(jdbc.queryForList("""
				select household_id || '|' || id_number || '|' || coalesce(id_converted_from, '') || '|' || start_month
				  || '|' || account_number || '|' || name
				from current_beneficiary order by row_no""", String.class))
			.containsExactly("H1|" + head + "||2026-01|6222020200001234567|张三",
					"12345|" + convertedOf("410102500101001") + "|410102500101001|2026-01|622700123456|王五");
	}

	static String convertedOf(String id15) {
		return ((cn.doudi.identity.ParsedId.Valid) cn.doudi.identity.IdNumber.parse(id15, LocalDate.now())).id().value();
	}

	@Test
	void readsAGbkCsvWithTitleRowsAliasesAndATotalsRow() throws Exception {
		Path file = copy("gbk-roster.csv");

		ImportOutcome o = imports.importFiles(Source.BENEFICIARIES, List.of(file), ImportOptions.by("tester"));

		assertThat(o.status()).as(o.problems().toString()).isEqualTo(ImportOutcome.Status.COMMITTED);
		assertThat(o.rowsAccepted()).isEqualTo(3);
		assertThat(o.counties()).containsExactly("410102", "410103");
		assertThat(jdbc.queryForList("select row_no || ':' || name || ':' || relation || ':' || program || ':' || coalesce(category, '') || ':' || start_month || ':' || coalesce(bank, '') from current_beneficiary order by row_no",
				String.class))
			.containsExactly("4:张三:户主:DIBAO_URBAN::2026-01:ICBC", "5:李四:配偶:DIBAO_URBAN::2026-01:",
					"7:王·五:户主:TEKUN:全自理:2026-02:RCU");
	}

	@Test
	void theEncodingCanBeGivenAndAUtf8BomIsSkipped() throws Exception {
		Path gbk = copy("gbk-roster.csv");
		ImportOutcome wrong = imports.importFiles(Source.BENEFICIARIES, List.of(gbk),
				ImportOptions.by("tester").withEncoding(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(wrong.status()).isEqualTo(ImportOutcome.Status.REJECTED);
		assertThat(wrong.problems().get(0).reason()).contains("不是有效的UTF-8编码");

		ImportOutcome right = imports.importFiles(Source.BENEFICIARIES, List.of(gbk),
				ImportOptions.by("tester").withEncoding(Charset.forName("GBK")));
		assertThat(right.status()).isEqualTo(ImportOutcome.Status.COMMITTED);

		ImportOutcome bom = imports.importFiles(Source.BENEFICIARIES, List.of(copy("utf8-bom-roster.csv")),
				ImportOptions.by("tester"));
		assertThat(bom.status()).as(bom.problems().toString()).isEqualTo(ImportOutcome.Status.COMMITTED);
		assertThat(bom.problems()).isEmpty();
		assertThat(jdbc.queryForObject("select row_no from current_beneficiary where name = '王·五'", Integer.class))
			.isEqualTo(5);
	}

	@Test
	void readsEveryDateFormAndNormalisesFullWidthDigitsLowerCaseXAndMiddleDots() throws Exception {
		String x = idWithX();
		String fullWidth = toFullWidth(id("410102", "19400101", 12));
		Path file = Fixtures.csv(dir, "deaths.csv", "身份证号,姓名,死亡日期", x.toLowerCase() + ",阿卜杜拉•买买提,45000",
				fullWidth + ",乙 乙,2020/1/5", id("410102", "19400101", 13) + ",丙,2020-01-05 00:00:00",
				id("410102", "19400101", 14) + ",丁,2020年1月5日", id("410102", "19400101", 15) + ",戊,20200105",
				id("410102", "19400101", 16) + ",己,2020.1.5");

		ImportOutcome o = accept(Source.DEATHS, file);

		assertThat(o.problems()).isEmpty();
		assertThat(jdbc.queryForList("select name || '@' || death_date from current_death order by row_no", String.class))
			.containsExactly("阿卜杜拉·买买提@2023-03-15", "乙乙@2020-01-05", "丙@2020-01-05", "丁@2020-01-05",
					"戊@2020-01-05", "己@2020-01-05");
		assertThat(jdbc.queryForObject("select id_number from current_death where row_no = 2", String.class)).isEqualTo(x);
	}

	@Test
	void aMissingRequiredColumnRejectsTheWholeFileNamingIt() throws Exception {
		Path file = Fixtures.csv(dir, "cpi.csv", "标题：价格指数", "月份,CPI同比,其他", "2026-11,3.6,1");

		ImportOutcome o = imports.importFiles(Source.CPI, List.of(file), ImportOptions.by("tester").acceptingValidRows());

		assertThat(o.status()).isEqualTo(ImportOutcome.Status.REJECTED);
		assertThat(o.problems()).singleElement().satisfies(p -> {
			assertThat(p.reason()).contains("缺少必需的列：食品CPI同比");
			assertThat(p.row()).isEqualTo(2);
		});
		assertThat(Files.exists(dir.resolve("cpi.csv.errors.xlsx"))).isTrue();
		assertThat(jdbc.queryForObject("select count(*) from cpi", Integer.class)).isZero();
	}

	static String idWithX() {
		for (int seq = 1;; seq++) {
			String id = id("410102", "19400101", seq);
			if (id.endsWith("X")) {
				return id;
			}
		}
	}

	static String toFullWidth(String s) {
		StringBuilder b = new StringBuilder();
		s.chars().forEach(c -> b.append(Character.isDigit(c) ? (char) (c - '0' + '０') : (char) c));
		return b.toString();
	}

	Path copy(String resource) throws Exception {
		Path target = dir.resolve(resource);
		try (var in = new ClassPathResource("ingest/" + resource).getInputStream()) {
			Files.copy(in, target);
		}
		return target;
	}
}
