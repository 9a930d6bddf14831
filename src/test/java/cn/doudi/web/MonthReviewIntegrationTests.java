package cn.doudi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

import cn.doudi.kernel.StableZip;
import cn.doudi.payroll.RunReviews;
import cn.doudi.payroll.RunTotals;
import cn.doudi.payroll.PayrollRuns;
import cn.doudi.support.TestData;

/**
 * 本月概览 and the run page as the approver's review: the overview's content and county scope, the breakdowns
 * (by program and by bank, summing to the run's totals), the change from last month with the new household,
 * the buttons per role (the releaser is not offered approve), the confirmation step before release and approve,
 * the month's reports (masked) and the bank files' ZIP for FINANCE of the county only (its entries the bank files).
 */
@WebIntegrationTest
class MonthReviewIntegrationTests extends ConsoleTest {

	@Autowired
	RunReviews reviews;

	@Autowired
	PayrollRuns payroll;

	WebFixture fx;
	long runA;
	long runB;
	Path out;

	@BeforeEach
	void setUp() throws Exception {
		fx = fixture(false);
		TestData data = fx.data;
		// two more elders in A with accounts of their own (paid), one 90+ (another standard)
		data.standard(WebFixture.A, "ELDERLY", "90-99", "2026-01", "200.00")
			.beneficiary(WebFixture.A + "001002", "EA2", TestData.id(WebFixture.A, "1941-05-06", 21), "李四", "户主",
					"ELDERLY", null, null, "2026-01", null)
			.beneficiary(WebFixture.A + "001003", "EA3", TestData.id(WebFixture.A, "1930-07-08", 31), "王五", "户主",
					"ELDERLY", null, null, "2026-01", null);
		jdbc.update("insert into region (import_id, code, name) select min(id), '410102', '中原区' from import_batch");
		out = Files.createTempDirectory("doudi-review");
		runA = monthEnd.one(WebFixture.A, WebFixture.OCTOBER, LocalDate.of(2026, 10, 10), out.resolve("A"), "fin1").id();
		runB = monthEnd.one(WebFixture.B, WebFixture.OCTOBER, LocalDate.of(2026, 10, 10), out.resolve("B"), "finB").id();
	}

	String page(String user, String url) throws Exception {
		return mvc.perform(get(url).with(user(user))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void theOverviewShowsTheCountysMonthAndOnlyItsCounty() throws Exception {
		String fin = page("fin1", "/");
		assertThat(fin).contains("本月概览", "2026年10月", "中原区（410102）", WebFixture.A + "-202610-01", "草稿",
				"高龄津贴", "财务人员核对后提交审批");
		assertThat(fin).doesNotContain(WebFixture.B + "-202610-01").doesNotContain("data-county=\"" + WebFixture.B + "\"");
		// open findings by code, in Chinese
		// (the month-end's checks closed the fixture's NAME_MISMATCH, which no data backs, and raised SHARED_ACCOUNT)
		assertThat(fin).contains(ReviewLabels.finding("SHARED_ACCOUNT") + "：1 条").doesNotContain(">SHARED_ACCOUNT<");
		// the amounts with thousands separators and a chart (SVG, no script)
		RunTotals t = payroll.run("fin1", runA);
		assertThat(fin).contains(ReviewLabels.money(t.amountPaid())).contains("<svg class=\"bar\"");
		// a city-wide auditor sees both counties
		String aud = page("aud", "/");
		assertThat(aud).contains("data-county=\"" + WebFixture.A + "\"", "data-county=\"" + WebFixture.B + "\"",
				WebFixture.B + "-202610-01");
		// every role has it as its home page
		for (String u : new String[] { "op", "mon", "audA", "admin" }) {
			assertThat(page(u, "/")).as(u).contains("本月概览", "data-county=\"" + WebFixture.A + "\"");
		}
	}

	@Test
	void theBreakdownsSumToTheRunsTotals() throws Exception {
		RunTotals t = payroll.run("fin1", runA);
		var programs = reviews.byProgram("fin1", runA);
		assertThat(programs.stream().map(RunReviews.ProgramTotal::amountPaid).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo(t.amountPaid());
		assertThat(programs.stream().map(RunReviews.ProgramTotal::amountHeld).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo(t.amountHeld());
		assertThat(programs.stream().mapToLong(RunReviews.ProgramTotal::linesPaid).sum()).isEqualTo(t.linesPaid());
		var banks = reviews.byBank("fin1", runA);
		assertThat(banks.stream().map(RunReviews.BankTotal::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo(t.amountPaid());
		assertThat(t.amountPaid()).isEqualByComparingTo("300.00"); // 100 + 200; the shared account's line is held
		assertThat(t.linesHeld()).isEqualTo(1);
		String run = page("mon", "/runs/" + runA);
		assertThat(run).contains("id=\"by-program\"", "高龄津贴", "300.00", "工商银行", "暂停发放的明细",
				ReviewLabels.finding("SHARED_ACCOUNT"));
		// held lines masked
		assertThat(run).doesNotContain(TestData.id(WebFixture.A, "1940-03-02", 11));
		assertThat(run).contains("全部文件");
	}

	@Test
	void heldLinesComeAPageAtATimeAndTheMaskedDetailListsEveryLine() throws Exception {
		RunTotals t = payroll.run("fin1", runA);

		// the run's one held line (the shared account's) on the first page, none after it
		assertThat(reviews.held("fin1", runA, 0, 10)).singleElement()
			.satisfies(l -> assertThat(l.isPay()).isFalse());
		assertThat(reviews.held("fin1", runA, 1, 10)).isEmpty();
		assertThat(reviews.held("fin1", runA, 0, 0)).isEmpty();

		// 发放明细（脱敏）: a header and every line, paid and held, with masked ID numbers
		MockHttpServletResponse r = mvc.perform(get("/runs/" + runA + "/payments.xlsx").with(user("audA"))).andReturn()
			.getResponse();
		assertThat(r.getStatus()).isEqualTo(200);
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.getContentAsByteArray()))) {
			var sheet = wb.getSheet("发放明细");
			assertThat(sheet.getLastRowNum()).isEqualTo(t.linesPaid() + t.linesHeld());
			DataFormatter f = new DataFormatter();
			for (Row row : sheet) {
				if (row.getRowNum() > 0) {
					assertThat(f.formatCellValue(row.getCell(5))).matches("\\d{6}\\*{8}\\d{3}[\\dX]");
				}
			}
		}
	}

	@Test
	void buttonsOnlyForWhoMayPressThemAndAConfirmationStepBeforeReleaseAndApprove() throws Exception {
		assertThat(page("fin1", "/runs/" + runA)).contains("id=\"release\"").doesNotContain("id=\"approve\"");
		for (String u : new String[] { "mon", "op", "audA", "aud", "admin" }) {
			assertThat(page(u, "/runs/" + runA)).as(u).doesNotContain("id=\"release\"", "id=\"approve\"", "id=\"revoke\"");
		}
		// without the confirmation the POST leads to the confirmation page and changes nothing
		mvc.perform(post("/runs/" + runA + "/release").with(user("fin1")).with(csrf()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
					"/runs/" + runA + "/confirm/release"));
		assertThat(status(runA)).isEqualTo("DRAFT");
		assertThat(page("fin1", "/runs/" + runA + "/confirm/release")).contains("确认提交审批", "id=\"by-bank\"",
				"name=\"confirmed\" value=\"true\"");
		assertThat(mvc.perform(get("/runs/" + runA + "/confirm/release").with(user("mon"))).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(mvc.perform(post("/runs/" + runA + "/release").param("confirmed", "true").with(user("fin1")).with(csrf()))
			.andReturn().getFlashMap().get("info")).isEqualTo("已提交 中原区（410102） 2026-10 第 1 次计算，须由另一名财务人员审批");
		assertThat(status(runA)).isEqualTo("RELEASED");
		// the releaser is not offered approve; the second finance user is
		assertThat(page("fin1", "/runs/" + runA)).doesNotContain("id=\"approve\"").contains("id=\"awaits-other\"");
		assertThat(page("fin2", "/runs/" + runA)).contains("id=\"approve\"");
		mvc.perform(post("/runs/" + runA + "/approve").with(user("fin2")).with(csrf()));
		assertThat(status(runA)).isEqualTo("RELEASED");
		mvc.perform(post("/runs/" + runA + "/approve").param("confirmed", "true").with(user("fin2")).with(csrf()));
		assertThat(status(runA)).isEqualTo("APPROVED");
		String approved = page("fin1", "/");
		assertThat(approved).contains("已审批", "fin1", "fin2", "银行回盘：待回盘 <span class=\"pending\">2</span> 笔");
	}

	@Test
	void theBankZipIsForFinanceOfTheCountyOnlyAndHoldsTheBankFiles() throws Exception {
		mvc.perform(post("/runs/" + runA + "/release").param("confirmed", "true").with(user("fin1")).with(csrf()));
		mvc.perform(post("/runs/" + runA + "/approve").param("confirmed", "true").with(user("fin2")).with(csrf()));
		for (String u : new String[] { "mon", "op", "audA", "aud", "admin", "finB" }) {
			assertThat(mvc.perform(get("/runs/" + runA + "/bank.zip").with(user(u))).andReturn().getResponse().getStatus())
				.as(u).isEqualTo(403);
		}
		MockHttpServletResponse zip = mvc.perform(get("/runs/" + runA + "/bank.zip").with(user("fin2"))).andReturn().getResponse();
		assertThat(zip.getStatus()).isEqualTo(200);
		Map<String, byte[]> entries = new TreeMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.getContentAsByteArray()))) {
			for (ZipEntry e; (e = in.getNextEntry()) != null;) {
				entries.put(e.getName(), in.readAllBytes());
			}
		}
		Path bank = out.resolve("A").resolve("bank");
		Map<String, byte[]> expected = new TreeMap<>();
		try (var files = Files.list(bank)) {
			for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
				// the county's own files (MANIFEST.sha256 of a month-end folder may cover several counties: not served)
				.filter(f -> f.getFileName().toString().contains("-" + WebFixture.A + "-")
						|| f.getFileName().toString().startsWith(WebFixture.A + "-"))
				.toList()) {
				expected.put(f.getFileName().toString(), Files.readAllBytes(f));
			}
		}
		assertThat(entries.keySet()).isEqualTo(expected.keySet()).contains("ICBC-" + WebFixture.A + "-202610.txt");
		expected.forEach((name, bytes) -> assertThat(entries.get(name)).as(name).isEqualTo(bytes));
		// the same files give the same bytes
		assertThat(mvc.perform(get("/runs/" + runA + "/bank.zip").with(user("fin1"))).andReturn().getResponse()
			.getContentAsByteArray()).isEqualTo(zip.getContentAsByteArray());
		assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'DOWNLOAD' and subject like 'bank-%.zip'",
				Integer.class)).isEqualTo(2);
	}

	@Test
	void theMonthsReportsAreMaskedXlsxInChinese() throws Exception {
		MockHttpServletResponse r = mvc.perform(get("/runs/" + runA + "/reports/findings.xlsx").with(user("mon"))).andReturn()
			.getResponse();
		assertThat(r.getStatus()).isEqualTo(200);
		StringBuilder text = new StringBuilder();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.getContentAsByteArray()))) {
			assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("疑点清单");
			for (Row row : wb.getSheetAt(0)) {
				row.forEach(c -> text.append(new DataFormatter().formatCellValue(c)).append('|'));
			}
		}
		assertThat(text).contains("身份证号", "疑点类型", ReviewLabels.finding("SHARED_ACCOUNT"), "中原区（410102）")
			.doesNotContain(TestData.id(WebFixture.A, "1940-03-02", 11)).doesNotContain("SHARED_ACCOUNT");
		// byte-stable: the entries stamped with the fixed time, the document dated 1970, so a second download is the same
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(r.getContentAsByteArray()))) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				assertThat(e.getTimeLocal()).as(e.getName()).isEqualTo(StableZip.FIXED_TIME);
			}
		}
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.getContentAsByteArray()))) {
			assertThat(wb.getProperties().getCoreProperties().getCreated()).isEqualTo(new java.util.Date(0));
		}
		assertThat(mvc.perform(get("/runs/" + runA + "/reports/findings.xlsx").with(user("mon"))).andReturn().getResponse()
			.getContentAsByteArray()).isEqualTo(r.getContentAsByteArray());
		for (String name : new String[] { "summary", "stops", "overpayments" }) {
			assertThat(mvc.perform(get("/runs/" + runA + "/reports/" + name + ".xlsx").with(user("audA"))).andReturn()
				.getResponse().getStatus()).as(name).isEqualTo(200);
		}
		assertThat(mvc.perform(get("/runs/" + runB + "/reports/summary.xlsx").with(user("audA"))).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
	}

	@Test
	void theChangeFromLastMonthListsTheNewHousehold() throws Exception {
		mvc.perform(post("/runs/" + runA + "/release").param("confirmed", "true").with(user("fin1")).with(csrf()));
		mvc.perform(post("/runs/" + runA + "/approve").param("confirmed", "true").with(user("fin2")).with(csrf()));
		fx.data.beneficiary(WebFixture.A + "001004", "EA4", TestData.id(WebFixture.A, "1942-01-01", 41), "赵六",
				"户主", "ELDERLY", null, null, "2026-11", null);
		long nov = monthEnd.one(WebFixture.A, YearMonth.of(2026, 11), LocalDate.of(2026, 11, 10), out.resolve("A11"), "fin1").id();
		RunReviews.Change change = reviews.change("fin1", nov);
		assertThat(change.previousBatch()).isEqualTo(WebFixture.A + "-202610-01");
		assertThat(change.added()).extracting(RunReviews.Household::householdId).containsExactly("EA4");
		assertThat(change.stopped()).isEmpty();
		assertThat(change.current().households() - change.previous().households()).isEqualTo(1);
		String run = page("fin1", "/runs/" + nov);
		assertThat(run).contains("与上月比较", "赵六", "id=\"delta-households\">+1<");
	}

	String status(long run) {
		return jdbc.queryForObject("select status from payroll_run where id = ?", String.class, run);
	}
}
