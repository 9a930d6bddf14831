package cn.doudi.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.notices.render.CjkFont;
import cn.doudi.payroll.MonthEnd;
import cn.doudi.payroll.MonthEndFiles;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.payroll.PayrollRuns;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;
import cn.doudi.support.TestData;

/**
 * Notices written by month-end (OUTPUTS.md): the files per village and county, the public notice's
 * content from the run's PAY lines with masked IDs, a stop notice per stop, no full ID or account number
 * anywhere, and the same bytes when written twice.
 */
@DoudiIntegrationTest
class NoticesIntegrationTests {

	static final String COUNTY = "410102";
	static final String V1 = "410102001001";
	static final String V2 = "410102001002";
	static final YearMonth OCT = YearMonth.of(2026, 10);
	static final YearMonth NOV = YearMonth.of(2026, 11);
	static final String HEAD = TestData.id(COUNTY, "1970-03-02", 11);
	static final String SPOUSE = TestData.id(COUNTY, "1972-04-05", 22);
	static final String ENDING = TestData.id(COUNTY, "1940-05-06", 31);
	static final String OTHER = TestData.id(COUNTY, "1941-06-07", 43);

	@Autowired
	PayrollRuns payroll;

	@Autowired
	MonthEnd monthEnd;

	@Autowired
	MonthEndFiles files;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path out;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(jdbc);
		new TestData(jdbc).standard(COUNTY, "ELDERLY", "80-89", "2026-01", "100.00")
			.standard(COUNTY, "DIBAO_URBAN", "标准", "2026-01", "690.00")
			.user("fin1", "FINANCE", COUNTY)
			.user("fin2", "FINANCE", null)
			.beneficiary(V1, "H1", HEAD, "王建国", "户主", "DIBAO_URBAN", null, "300.00", "2026-01", null)
			.beneficiary(V1, "H1", SPOUSE, "刘桂花", "配偶", "DIBAO_URBAN", null, "300.00", "2026-01", null)
			.beneficiary(V1, "E1", ENDING, "张三", "户主", "ELDERLY", null, null, "2026-01", "2026-10")
			.beneficiary(V2, "E2", OTHER, "李四", "户主", "ELDERLY", null, null, "2026-01", null);
		long batch = jdbc.queryForObject("""
				insert into import_batch (source, content_hash, file_names, status, imported_by, started_at)
				values ('regions', repeat('1', 64), 'regions.csv', 'COMMITTED', 'test', now()) returning id
				""", Long.class);
		for (String[] r : List.of(new String[] { "410102", "中原区" }, new String[] { "410102001", "林山寨街道" },
				new String[] { V1, "建新社区" })) {
			jdbc.update("insert into region (import_id, code, name) values (?, ?, ?)", batch, r[0], r[1]);
		}
	}

	PayrollRun novemberAfterApprovedOctober(Path octoberFolder) {
		monthEnd.one(COUNTY, OCT, OCT.atDay(10), octoberFolder, "fin1");
		payroll.release(COUNTY, OCT, "fin1");
		payroll.approve(COUNTY, OCT, "fin2");
		return monthEnd.one(COUNTY, NOV, NOV.atDay(12), octoberFolder.resolveSibling("month-end-nov"), "fin1");
	}

	@Test
	void monthEndWritesAPublicNoticePerVillageAndTheStopNoticesPerCounty() throws IOException {
		PayrollRun nov = novemberAfterApprovedOctober(out.resolve("oct"));
		files.write(List.of(nov), out.resolve("nov"));

		Path dir = out.resolve("nov/notices/410102");
		assertThat(names(dir)).containsExactly("410102001001-202611.pdf", "410102001001-202611.xlsx",
				"410102001002-202611.pdf", "410102001002-202611.xlsx", "stops-202611.pdf");
		assertThat(names(out.resolve("oct/notices/410102"))).containsExactly("410102001001-202610.pdf",
				"410102001001-202610.xlsx", "410102001002-202610.pdf", "410102001002-202610.xlsx");
	}

	@Test
	void thePublicNoticeListsThePayLinesWithMaskedIdsAmountsTotalHotlineAndPeriod() throws IOException {
		PayrollRun nov = novemberAfterApprovedOctober(out.resolve("oct"));
		files.write(List.of(nov), out.resolve("nov"));
		String dibao = amount(nov, HEAD);

		List<String> rows = NoticeFiles.xlsxRows(out.resolve("nov/notices/410102/410102001001-202611.xlsx"));
		assertThat(rows.get(0)).isEqualTo("建新社区2026年11月城乡低保等救助对象公示");
		assertThat(rows.get(3)).isEqualTo("序号|户主/姓名|身份证号|救助项目|保障人数|金额（元）|备注");
		assertThat(rows.get(4)).isEqualTo("1|王建国|410102********" + HEAD.substring(14) + "|城市最低生活保障|2|" + dibao);
		assertThat(rows.get(5)).isEqualTo("合计（共1条）|" + dibao);
		assertThat(rows).contains("公示期：2026年11月12日至2026年11月18日（7天）。", "监督电话：0371-12345678", "中原区民政局",
				"2026年11月12日");

		String pdf = NoticeFiles.pdfText(out.resolve("nov/notices/410102/410102001002-202611.pdf"));
		assertThat(pdf).contains("410102001002 2026年11月城乡低保等救助对象公示", "李四", "410102********" + OTHER.substring(14),
				"高龄津贴", "100.00", "监督电话：0371-12345678");
	}

	@Test
	void eachStopGetsAPageAddressedToThePersonWithReasonAndAppeal() throws IOException {
		PayrollRun nov = novemberAfterApprovedOctober(out.resolve("oct"));
		files.write(List.of(nov), out.resolve("nov"));

		List<String> pages = NoticeFiles.pageTexts(out.resolve("nov/notices/410102/stops-202611.pdf"));
		// a notice and its receipt of service (送达回执) per stop
		assertThat(pages).hasSize(2 * jdbc.queryForObject("select count(*) from stop_record where run_id = ?", Integer.class,
				nov.id()));
		assertThat(pages).hasSize(2);
		assertThat(pages.get(1)).contains("送达回执", "〔2026〕中原区民救停字第11001号");
		assertThat(pages.get(0).replace("\n", "")).contains("停止发放社会救助资金告知书", "张三：", "410102********" + ENDING.substring(14), "高龄津贴",
				"保障期满", "最后一次发放月份为2026年10月", "2026年11月起停止发放", "申请行政复议", "提起行政诉讼", "0371-12345678");
	}

	@Test
	void noNoticeHoldsAFullIdOrAccountNumber() throws IOException {
		PayrollRun nov = novemberAfterApprovedOctober(out.resolve("oct"));
		files.write(List.of(nov), out.resolve("nov"));
		List<String> secrets = jdbc.queryForList(
				"select id_number from payment_line union select account_number from payment_line", String.class);

		try (Stream<Path> all = Files.walk(out)) {
			for (Path f : all.filter(p -> p.toString().contains("notices") && Files.isRegularFile(p)).toList()) {
				String text = f.toString().endsWith(".pdf") ? NoticeFiles.pdfText(f) : NoticeFiles.xlsxRaw(f);
				NoticeFiles.assertNoFullNumbers(text.replace(V2, "")); // a village without a name is shown as its code
				String raw = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
				for (String secret : secrets) {
					assertThat(text).as(f.toString()).doesNotContain(secret);
					assertThat(raw).as(f.toString()).doesNotContain(secret);
				}
			}
		}
	}

	@Test
	void writingTwiceGivesTheSameBytes() throws IOException {
		PayrollRun nov = novemberAfterApprovedOctober(out.resolve("oct"));
		files.write(List.of(nov), out.resolve("a"));
		files.write(List.of(nov), out.resolve("b"));

		Path a = out.resolve("a/notices/410102");
		Path b = out.resolve("b/notices/410102");
		assertThat(names(b)).isEqualTo(names(a)).hasSize(5);
		for (String name : names(a)) {
			assertThat(Files.readAllBytes(b.resolve(name))).as(name).isEqualTo(Files.readAllBytes(a.resolve(name)));
		}
	}

	@Test
	void aMissingFontIsAClearError() {
		assertThatThrownBy(() -> CjkFont.open("/nowhere/font.ttc")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("doudi.notice.font")
			.hasMessageContaining("/nowhere/font.ttc")
			.hasMessageContaining(CjkFont.INSTALL);
	}

	String amount(PayrollRun run, String id) {
		return String.format(java.util.Locale.ROOT, "%,.2f", jdbc.queryForObject(
				"select amount from payment_line where run_id = ? and id_number = ? and not arrears",
				java.math.BigDecimal.class, run.id(), id));
	}

	static List<String> names(Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}
}
