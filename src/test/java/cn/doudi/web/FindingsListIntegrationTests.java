package cn.doudi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;


/**
 * The findings list that scales (issue 14): 10,000 findings of county A page 50 at a time (first page, a middle
 * page, a filtered search: the right rows and the total, the time printed), sorted and filtered in the query;
 * a county user's search and export never reach county B; a bulk dismiss with a refused row decides the
 * others and names it; the export holds every filtered row, masked, under Chinese headers, and is audited.
 */
@WebIntegrationTest
class FindingsListIntegrationTests extends ConsoleTest {

	static final String A = WebFixture.A;
	static final String B = WebFixture.B;
	static final Pattern ROW = Pattern.compile("id=\"finding-(\\d+)\"");

	WebFixture fx;

	@BeforeEach
	void setUp() {
		fx = fixture(false);
		// 10,000 open findings in A (four codes in turn), 300 in B; names 居民00001…, households H00001…
		insert(A, 10_000);
		insert(B, 300);
		jdbc.execute("analyze finding");
	}

	void insert(String county, int n) {
		jdbc.update("""
				insert into finding (code, effect, county, id_number, name, household_id, programs, detail, status,
				                     first_month, last_month)
				select (array['AGE_INELIGIBLE','NAME_MISMATCH','SHARED_ACCOUNT','MARRIAGE_CHANGE'])[i % 4 + 1],
				       (array['HOLD','HOLD','HOLD','INFO'])[i % 4 + 1], ?, ? || '1940' || lpad(i::text, 8, '0'),
				       ? || lpad(i::text, 5, '0'), ? || lpad(i::text, 5, '0'),
				       case when i % 2 = 0 then 'ELDERLY' else 'DIBAO_URBAN;ELDERLY' end, '核对说明', 'OPEN',
				       case when i % 3 = 0 then '2026-09' else '2026-10' end, '2026-10'
				from generate_series(1, ?) i
				""", county, county, county.equals(A) ? "居民" : "乙县居民", "H" + county.substring(4), n);
	}

	String page(String userName, MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse r = mvc.perform(request.with(user(userName))).andReturn().getResponse();
		assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
		return r.getContentAsString(StandardCharsets.UTF_8);
	}

	static List<Long> rows(String html) {
		List<Long> ids = new ArrayList<>();
		Matcher m = ROW.matcher(html);
		while (m.find()) {
			ids.add(Long.parseLong(m.group(1)));
		}
		return ids;
	}

	List<Long> expected(String where, String order, int offset, Object... args) {
		return jdbc.queryForList("select id from finding f where status in ('OPEN', 'CONFIRMED') and " + where
				+ " order by " + order + " limit 50 offset " + offset, Long.class, args);
	}

	long timed(String label, ThrowingRunnable r) throws Exception {
		long t0 = System.nanoTime();
		r.run();
		long ms = (System.nanoTime() - t0) / 1_000_000;
		System.out.println("[findings list, 10,000 rows] " + label + ": " + ms + " ms");
		return ms;
	}

	interface ThrowingRunnable {
		void run() throws Exception;
	}

	@Test
	void tenThousandFindingsPageFiftyAtATimeWithTheirTotal() throws Exception {
		page("mon", get("/findings")); // warm-up: templates compiled, plans cached
		String[] html = new String[1];

		long first = timed("first page", () -> html[0] = page("mon", get("/findings").param("sort", "id")));
		assertThat(rows(html[0])).containsExactlyElementsOf(expected("county = ?", "id", 0, A));
		assertThat(html[0]).contains("共 10001 条，第 1 / 201 页");

		long middle = timed("page 100 sorted by name, descending", () -> html[0] = page("mon",
				get("/findings").param("sort", "name").param("dir", "desc").param("page", "100")));
		assertThat(rows(html[0])).hasSize(50)
			.containsExactlyElementsOf(expected("county = ?", "name collate \"C\" desc, id desc", 99 * 50, A));
		assertThat(html[0]).contains("第 100 / 201 页");

		long search = timed("search 居民012 among code MARRIAGE_CHANGE, program DIBAO_URBAN, month 2026-09",
				() -> html[0] = page("mon", get("/findings").param("q", "居民012").param("code", "MARRIAGE_CHANGE")
					.param("program", "DIBAO_URBAN").param("month", "2026-09").param("sort", "id")));
		List<Long> want = jdbc.queryForList("""
				select id from finding where county = ? and name like '%居民012%' and code = 'MARRIAGE_CHANGE'
				  and programs like '%DIBAO_URBAN%' and first_month <= '2026-09' order by id
				""", Long.class, A);
		assertThat(want).isNotEmpty().hasSizeLessThan(50);
		assertThat(rows(html[0])).containsExactlyElementsOf(want);
		assertThat(html[0]).contains("共 " + want.size() + " 条");

		// a household number and a masked ID find their one finding
		assertThat(rows(page("mon", get("/findings").param("q", "H0204321")))).hasSize(1);
		assertThat(rows(page("op", get("/findings").param("q", "410102********4321")))).hasSize(1);
		System.out.println("[findings list, 10,000 rows] first " + first + " ms, middle " + middle + " ms, search "
				+ search + " ms (MockMvc, whole request with the page rendered)");
	}

	@Test
	void theListShowsWordsNotCodesAndNamesTheVillage() throws Exception {
		long importId = jdbc.queryForObject("""
				insert into import_batch (source, content_hash, file_names, status, imported_by, started_at)
				values ('regions', repeat('1', 64), 'regions.csv', 'COMMITTED', 'test', now()) returning id
				""", Long.class);
		jdbc.update("insert into region (import_id, code, name) values (?, '410102', '中原区'), (?, '410102001001', '建设村')",
				importId, importId);
		// the fixture's household E410102 lives in 410102001001
		long f = jdbc.queryForObject("""
				insert into finding (code, effect, county, id_number, name, household_id, programs, status, first_month, last_month)
				values ('EXCLUSIVE_PROGRAMS', 'HOLD', ?, '410102194003020117', '张三', 'E410102', 'DIBAO_URBAN;TEKUN', 'OPEN',
				        '2026-10', '2026-10') returning id
				""", Long.class, A);
		String html = page("mon", get("/findings").param("village", "410102001001"));
		assertThat(rows(html)).containsExactly(f);
		assertThat(html).contains("中原区（410102）", "建设村", "互斥项目重复享受", "暂停发放待核实", "待处理",
				"城市最低生活保障、特困人员救助供养", "410102********0117")
			.doesNotContain("410102194003020117", ">HOLD<", ">OPEN<", ">DIBAO_URBAN");
		// a village of another county is refused for A's monitor
		MockHttpServletResponse other = mvc.perform(get("/findings").param("village", "410122001001").with(user("mon")))
			.andReturn().getResponse();
		assertThat(other.getStatus()).isNotEqualTo(200);
	}

	@Test
	void aCountyUsersSearchAndExportStayInItsCounty() throws Exception {
		assertThat(rows(page("mon", get("/findings").param("q", "乙县居民")))).isEmpty();
		assertThat(rows(page("monB", get("/findings").param("q", "乙县居民00001")))).hasSize(1);
		assertThat(mvc.perform(get("/findings").param("county", B).with(user("mon"))).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/findings.xlsx").param("county", B).with(user("mon"))).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
		Sheet sheet = export("mon", get("/findings.xlsx").param("q", "居民"));
		assertThat(sheet.getLastRowNum()).isEqualTo(10_000);
		for (Row row : sheet) {
			assertThat(row.getCell(1).getStringCellValue()).as("row " + row.getRowNum()).isIn("区县", A);
		}
		// a city-wide auditor sees both counties, and may name one
		assertThat(page("aud", get("/findings").param("county", B))).contains("共 301 条");
	}

	Sheet export(String userName, MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse r = mvc.perform(request.with(user(userName))).andReturn().getResponse();
		assertThat(r.getStatus()).isEqualTo(200);
		assertThat(r.getContentType()).contains("spreadsheetml");
		XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.getContentAsByteArray()));
		return book.getSheet("疑点清单");
	}

	@Test
	void theExportHoldsEveryFilteredRowMaskedUnderChineseHeadersAndIsAudited() throws Exception {
		int audits = jdbc.queryForObject("select count(*) from audit_event where action = 'DOWNLOAD'", Integer.class);
		Sheet sheet = export("mon", get("/findings.xlsx").param("code", "SHARED_ACCOUNT").param("sort", "id"));
		Row head = sheet.getRow(0);
		List<String> headers = new ArrayList<>();
		head.forEach(c -> headers.add(c.getStringCellValue()));
		assertThat(headers).containsExactly(FindingsExport.HEADERS);
		List<Long> want = jdbc.queryForList(
				"select id from finding where county = ? and code = 'SHARED_ACCOUNT' and status = 'OPEN' order by id",
				Long.class, A);
		assertThat(sheet.getLastRowNum()).isEqualTo(want.size()).isEqualTo(2_500); // every page, not 50
		Row first = sheet.getRow(1);
		assertThat((long) first.getCell(0).getNumericCellValue()).isEqualTo(want.get(0));
		assertThat(first.getCell(3).getStringCellValue()).isEqualTo("多户共用收款账户");
		assertThat(first.getCell(5).getStringCellValue()).isEqualTo("暂停发放待核实");
		assertThat(first.getCell(6).getStringCellValue()).isEqualTo("待处理");
		assertThat(first.getCell(7).getStringCellValue()).matches("410102\\*{8}\\d{4}");
		assertThat(first.getCell(10).getStringCellValue()).isIn("高龄津贴", "城市最低生活保障、高龄津贴");
		assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'DOWNLOAD'", Integer.class))
			.isEqualTo(audits + 1);
		assertThat(jdbc.queryForObject("select actor || ' ' || county from audit_event where action = 'DOWNLOAD' order by id desc limit 1",
				String.class)).startsWith("mon ").contains(A);
	}

	@Test
	void theVillageFilterCombinesWithProgramAndMonth() throws Exception {
		// given one finding of the fixture's household E410102 (village 410102001001, ELDERLY) among the 10,000
		jdbc.update("""
				insert into finding (code, effect, county, id_number, name, household_id, programs, detail, status,
				                     first_month, last_month)
				values ('AGE_INELIGIBLE', 'HOLD', ?, ?, '张三', 'E410102', 'ELDERLY', '核对说明', 'OPEN', '2026-10', '2026-10')
				""", A, cn.doudi.support.TestData.id(A, "1940-03-02", 11));
		long id = jdbc.queryForObject("select id from finding where household_id = 'E410102'", Long.class);

		// when the village is asked with a program, and with a month (each clause ends in a parameter)
		String byProgram = page("mon", get("/findings").param("village", A + "001001").param("program", "ELDERLY"));
		String byMonth = page("mon", get("/findings").param("village", A + "001001").param("month", "2026-10"));

		// then that one finding, not a server error
		assertThat(rows(byProgram)).containsExactly(id);
		assertThat(rows(byMonth)).containsExactly(id);
		assertThat(rows(page("mon", get("/findings").param("village", A + "001001").param("month", "2026-09")))).isEmpty();
	}

	@Test
	void theSameDataAndFilterExportTheSameBytes() throws Exception {
		// given a filtered list of 2,500 rows (default order: county, code, ID, then number)
		MockHttpServletRequestBuilder request = get("/findings.xlsx").param("code", "NAME_MISMATCH").param("program",
				"DIBAO_URBAN");

		// when it is exported twice, more than a second apart (a clock in the file would show)
		byte[] first = bytes("mon", request);
		Thread.sleep(2_100);
		byte[] second = bytes("mon", request);

		// then the bytes are the same, and so is the content's document date (fixed, not the time of the export)
		assertThat(second).isEqualTo(first);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(first))) {
			assertThat(book.getSheet("疑点清单").getLastRowNum()).isEqualTo(jdbc.queryForObject("""
					select count(*) from finding where county = ? and code = 'NAME_MISMATCH' and status = 'OPEN'
					and programs like '%DIBAO_URBAN%'""", Integer.class, A));
			assertThat(book.getProperties().getCoreProperties().getCreated()).isEqualTo(new java.util.Date(0));
		}
		// and another filter gives other bytes (the bytes follow the data)
		assertThat(bytes("mon", get("/findings.xlsx").param("code", "NAME_MISMATCH"))).isNotEqualTo(first);
	}

	byte[] bytes(String userName, MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse r = mvc.perform(request.with(user(userName))).andReturn().getResponse();
		assertThat(r.getStatus()).isEqualTo(200);
		return r.getContentAsByteArray();
	}

	@Test
	void aBulkDismissDecidesEachRowAndNamesTheRefusedOnes() throws Exception {
		long dismissable = jdbc.queryForObject(
				"select min(id) from finding where county = ? and code = 'NAME_MISMATCH' and name like '居民%'", Long.class, A);
		long ruleFinding = jdbc.queryForObject("select min(id) from finding where county = ? and code = 'AGE_INELIGIBLE'",
				Long.class, A);
		long otherCounty = jdbc.queryForObject("select min(id) from finding where county = ? and code = 'NAME_MISMATCH'",
				Long.class, B);
		MockHttpServletResponse r = mvc.perform(post("/findings/bulk").param("decision", "DISMISS")
			.param("note", "经核实为同一人").param("back", "/findings?code=NAME_MISMATCH")
			.param("ids", String.valueOf(dismissable), String.valueOf(ruleFinding), String.valueOf(otherCounty))
			.with(user("mon")).with(csrf())).andReturn().getResponse();
		assertThat(r.getRedirectedUrl()).isEqualTo("/findings?code=NAME_MISMATCH");
		assertThat(status(dismissable)).isEqualTo("DISMISSED");
		assertThat(status(ruleFinding)).isEqualTo("OPEN");
		assertThat(status(otherCounty)).isEqualTo("OPEN");
		assertThat(jdbc.queryForList("select subject from audit_event where action = 'DISMISS'", String.class))
			.containsExactly("finding " + dismissable);
		assertThat(jdbc.queryForObject("select count(*) from finding_decision", Integer.class)).isEqualTo(1);
		// without a note nothing is decided, and the console names the field as the page does
		var flash = mvc.perform(post("/findings/bulk").param("decision", "CONFIRM").param("note", " ")
			.param("ids", String.valueOf(ruleFinding)).with(user("mon")).with(csrf())).andReturn().getFlashMap();
		assertThat((String) flash.get("error")).contains("须填写处理说明（备注）");
		assertThat(status(ruleFinding)).isEqualTo("OPEN");
	}

	@Test
	void theBulkMessagesNameEachRefusal() throws Exception {
		long ruleFinding = jdbc.queryForObject("select min(id) from finding where county = ? and code = 'AGE_INELIGIBLE'",
				Long.class, A);
		long otherCounty = jdbc.queryForObject("select min(id) from finding where county = ?", Long.class, B);
		long ok = jdbc.queryForObject("select min(id) from finding where county = ? and code = 'MARRIAGE_CHANGE'",
				Long.class, A);
		var flash = mvc.perform(post("/findings/bulk").param("decision", "DISMISS").param("note", "核实无误")
			.param("ids", String.valueOf(ok), String.valueOf(ruleFinding), String.valueOf(otherCounty))
			.with(user("mon")).with(csrf())).andReturn().getFlashMap();
		assertThat((String) flash.get("info")).isEqualTo("已排除 1 条疑点：" + ok);
		assertThat((String) flash.get("error")).startsWith("2 条未排除（其余不受影响）：")
			.contains("疑点 " + ruleFinding + "：", "不能撤销", "疑点 " + otherCounty + "：", "只能操作本县区");
	}

	String status(long id) {
		return jdbc.queryForObject("select status from finding where id = ?", String.class, id);
	}
}
