package cn.doudi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;

import cn.doudi.allowance.LineStatus;
import cn.doudi.ingest.ImportOptions;
import cn.doudi.ingest.ImportOutcome;
import cn.doudi.ingest.RosterImports;
import cn.doudi.ingest.Source;
import cn.doudi.kernel.Bank;
import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Program;
import cn.doudi.kernel.StopReason;
import cn.doudi.matching.FindingLedger;
import cn.doudi.payroll.MonthEnd;
import cn.doudi.payroll.PayrollRuns;
import cn.doudi.payroll.RunReader;
import cn.doudi.payroll.RunStatus;
import cn.doudi.security.Passwords;
import cn.doudi.security.Role;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.TestData;

/**
 * Each role's day in a real browser (headless Chromium at 1366×768, the real server and PostgreSQL) on the
 * sample city ({@code sample-data/}: October imported, computed, released and approved; November's rosters
 * imported): an OPERATOR uploads a roster with errors, reads the Chinese error report (file, row, column,
 * value, reason), downloads it, fixes the file and uploads it again; a FINANCE user runs November's month-end,
 * reviews the breakdown (by program, by bank, the change from October, the held lines) and releases it through
 * the confirmation page; a second FINANCE user approves it and downloads the bank files' ZIP; a MONITOR filters
 * the findings (code, village, program), searches by name and by masked and whole ID, and dismisses the rows
 * picked with one note; an ADMIN adds a user. A screenshot of each step goes to {@code target/screenshots/}, and
 * every page's visible text is checked for the codes of the enums people must never read (finding codes,
 * effects, statuses, decisions, programs, banks, roles, job states).
 */
class RolesDayBrowserTests extends BrowserTest {

	static final String A = "410102";
	static final YearMonth OCTOBER = YearMonth.of(2026, 10);
	static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
	static final String PASSWORD = WebFixture.PASSWORD;
	static final Path SAMPLE = Path.of("sample-data");

	/** Every code a machine reads and a person must not: as a whole word in a page's visible text. */
	static final Pattern CODES = codes();

	static final Pattern FILE_NAME = Pattern.compile("[\\w./-]+\\.(dat|txt|csv|xlsx|xml|zip|pdf)\\b");

	@Autowired
	MonthEnd monthEnd;

	@Autowired
	PayrollRuns payroll;

	@Autowired
	RunReader runs;

	@Autowired
	RosterImports imports;

	@Autowired
	Passwords passwords;

	final List<String> shots = new ArrayList<>();

	static Pattern codes() {
		Set<String> codes = new LinkedHashSet<>();
		Stream.of(FindingCode.values(), FindingCode.Effect.values(), FindingLedger.Decision.values(),
				RunStatus.values(), LineStatus.values(), Program.values(), Bank.values(), StopReason.values(),
				Role.values(), ImportOutcome.Status.values(), BatchStatus.values())
			.flatMap(Stream::of)
			.map(Enum::name)
			.forEach(codes::add);
		// the findings' statuses (strings in the finding table) and the job's outcome
		codes.addAll(List.of("OPEN", "CONFIRMED", "DISMISSED", "RESOLVED", "RECOVERED", "DONE"));
		return Pattern.compile("(?<![A-Za-z0-9_])(" + String.join("|", codes) + ")(?![A-Za-z0-9_])");
	}

	@BeforeEach
	void setUp() throws Exception {
		DatabaseCleaner.clean(jdbc);
		TestData data = new TestData(jdbc);
		data.user("op", "OPERATOR", A)
			.user("fin1", "FINANCE", A)
			.user("fin2", "FINANCE", A)
			.user("mon", "MONITOR", A)
			.user("admin", "ADMIN", null)
			.user("loader", "OPERATOR", null);
		for (String u : List.of("op", "fin1", "fin2", "mon", "admin", "loader")) {
			passwords.set(u, u, PASSWORD);
		}
		// the sample city: reference data, October's rosters, October computed, released and approved
		for (Source s : List.of(Source.REGIONS, Source.STANDARDS, Source.CPI)) {
			load(s, "admin", SAMPLE.resolve(s.code() + ".csv"));
		}
		Path october = SAMPLE.resolve("2026-10");
		load(Source.BENEFICIARIES, "loader", october.resolve("beneficiaries-410102.xlsx"),
				october.resolve("beneficiaries-410122.csv"));
		load(Source.DISABILITY, "loader", october.resolve("disability.xlsx"));
		load(Source.POVERTY, "loader", october.resolve("poverty.csv"));
		load(Source.DEATHS, "loader", october.resolve("deaths.csv"));
		load(Source.ECONOMIC, "loader", october.resolve("economic.csv"));
		load(Source.TEMP_ASSIST, "loader", october.resolve("temp-assist.csv"));
		Path out = Files.createTempDirectory("doudi-walk-");
		monthEnd.one(A, OCTOBER, LocalDate.of(2026, 10, 10), out.resolve("2026-10"), "fin1");
		payroll.release(A, OCTOBER, "fin1");
		payroll.approve(A, OCTOBER, "fin2");
		// November's rosters but the 临时救助 cases, which county A's operator uploads in the walk
		Path november = SAMPLE.resolve("2026-11");
		load(Source.BENEFICIARIES, "loader", november.resolve("beneficiaries-410102.xlsx"),
				november.resolve("beneficiaries-410122.csv"));
		load(Source.DEATHS, "loader", november.resolve("deaths.csv"));
		load(Source.MARRIAGES, "loader", november.resolve("marriages.csv"));
		load(Source.ECONOMIC, "loader", november.resolve("economic.csv"));

	}

	void load(Source source, String user, Path... files) {
		ImportOutcome o = imports.importFiles(source, List.of(files), ImportOptions.by(user));
		assertThat(o.committed()).as(source + " " + o.problems()).isTrue();
	}

	@AfterEach
	void tearDown() {
		System.out.println("[roles' day] screenshots: " + shots);
	}

	@Test
	void eachRoleWalksThroughItsDay() throws Exception {
		try {
			operatorUploadsFixesAndUploadsAgain();
			financeReviewsAndReleasesASecondApprovesAndTakesTheZip();
			monitorFiltersSearchesAndDecidesInBulk();
			adminAddsAUser();
		}
		catch (Exception | AssertionError e) {
			// the page where it stopped, for whoever reads the failure
			super.screenshot("failed-here.png");
			System.out.println("[roles' day] stopped at " + browser.getCurrentUrl() + ":\n"
					+ browser.findElement(By.tagName("body")).getText());
			throw e;
		}
	}

	void operatorUploadsFixesAndUploadsAgain() throws Exception {
		// November's 临时救助 cases of county A (the sample's 9 rows), two rows spoiled: an ID's check digit, an amount
		List<String> lines = Files.readAllLines(SAMPLE.resolve("2026-11").resolve("temp-assist.csv"));
		List<String> good = new ArrayList<>(List.of(lines.get(0)));
		lines.stream().skip(1).filter(l -> l.startsWith(A)).forEach(good::add);
		assertThat(good).hasSize(10);
		List<String> bad = new ArrayList<>(good);
		String[] third = bad.get(3).split(",", -1);
		String badId = third[2].substring(0, 17) + (third[2].charAt(17) == '1' ? '2' : '1');
		third[2] = badId;
		bad.set(3, String.join(",", third));
		String[] sixth = bad.get(6).split(",", -1);
		sixth[6] = "七百元";
		bad.set(6, String.join(",", sixth));
		Path badFile = profile.resolve("temp-assist-410102.csv");
		Files.writeString(badFile, String.join("\n", bad) + "\n");

		logIn("op");
		screenshot("01-operator-home");
		browser.findElement(By.id("nav-uploads")).click();
		new Select(browser.findElement(By.id("source"))).selectByValue("temp-assist");
		browser.findElement(By.id("files")).sendKeys(badFile.toString());
		browser.findElement(By.id("do-upload")).click();

		// the outcome: nothing imported, each bad row with its file, row, column, value and reason in Chinese
		wait(Duration.ofSeconds(180)).until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
		assertThat(text("outcome")).contains("未导入任何数据", "拒绝 2 行");
		String problems = text("problems");
		assertThat(problems).contains("文件", "行", "列", "值", "原因", "temp-assist-410102.csv", "身份证号", "救助金额",
				"七百元");
		// (the file's rows count from its header, row 1: the third data row is row 4, the sixth row 7)
		List<WebElement> rows = browser.findElements(By.cssSelector("#problems tr"));
		assertThat(rows).hasSize(3);
		assertThat(rows.get(1).getText()).startsWith("temp-assist-410102.csv 4 身份证号");
		assertThat(rows.get(2).getText()).startsWith("temp-assist-410102.csv 7 救助金额 七百元");
		// the wrong ID is shown masked
		assertThat(problems).doesNotContain(badId).contains(badId.substring(0, 6) + "********" + badId.substring(14));
		screenshot("02-operator-upload-rejected");

		// the error report, downloaded: the same rows with the reasons, in Chinese
		String reportLink = browser.findElement(By.cssSelector("#reports a")).getAttribute("href");
		byte[] report = download(reportLink);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(report))) {
			String all = sheetText(book.getSheetAt(0));
			assertThat(all).contains("七百元", "救助金额");
			assertThat(all.lines().count()).isGreaterThanOrEqualTo(3);
		}

		// fixes the file and uploads it again: imported
		Path fixed = profile.resolve("temp-assist-410102-fixed.csv");
		Files.writeString(fixed, String.join("\n", good) + "\n");
		browser.findElement(By.linkText("继续上传")).click();
		new Select(browser.findElement(By.id("source"))).selectByValue("temp-assist");
		browser.findElement(By.id("files")).sendKeys(fixed.toString());
		browser.findElement(By.id("do-upload")).click();
		wait(Duration.ofSeconds(180)).until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
		assertThat(text("outcome")).contains("已导入", "读取 9 行，导入 9 行，拒绝 0 行");
		screenshot("03-operator-upload-fixed");

		// the uploads page's history: the rejected upload with its report, then the imported one
		browser.findElement(By.id("nav-uploads")).click();
		String history = text("history");
		assertThat(history).contains("temp-assist-410102.csv", "temp-assist-410102-fixed.csv", "已拒绝", "op");
		screenshot("04-operator-upload-history");
		assertThat(jdbc.queryForObject(
				"select count(*) from import_batch where source = 'temp-assist' and imported_by = 'op' and status = 'COMMITTED'",
				Integer.class)).isEqualTo(1);
		logOut();
	}

	void financeReviewsAndReleasesASecondApprovesAndTakesTheZip() throws Exception {
		logIn("fin1");
		screenshot("05-finance-home");
		browser.findElement(By.id("nav-runs")).click();
		set("month", NOVEMBER.toString());
		new Select(browser.findElement(By.id("county"))).selectByValue(A);
		browser.findElement(By.id("start-month-end")).click();
		wait(Duration.ofSeconds(300)).until(ExpectedConditions.textToBe(By.id("job-state"), "已完成"));
		screenshot("06-finance-month-end-done");
		browser.findElement(By.id("run-link")).click();
		String batch = A + "-202611-01";
		waitForText("batch", batch);

		// the review: totals with thousands separators, by program and by bank, the change from October, held lines
		long runId = jdbc.queryForObject("select id from payroll_run where county = ? and month = '2026-11' and status = 'DRAFT'",
				Long.class, A);
		assertThat(text("total-paid")).matches("[\\d,]+ 笔，\\d{1,3}(,\\d{3})+\\.\\d{2} 元");
		assertThat(text("by-program")).contains("城市最低生活保障", "合计");
		assertThat(text("by-bank")).contains("工商银行", "合计");
		assertThat(text("change")).contains("增减");
		assertThat(Integer.parseInt(text("added-count")) + Integer.parseInt(text("stopped-count"))).isPositive();
		assertThat(text("held-lines")).isNotBlank();
		screenshot("07-finance-run-review");
		scrollTo("change");
		screenshot("08-finance-run-change");
		scrollTo("held-lines");
		screenshot("09-finance-run-held");

		browser.findElement(By.id("release")).click();
		waitForText("confirm-title", "确认提交审批：" + batch);
		screenshot("10-finance-release-confirm");
		browser.findElement(By.id("confirm")).click();
		waitForText("run-status", "已提交待审批");
		assertThat(browser.findElements(By.id("approve"))).isEmpty();
		logOut();

		logIn("fin2");
		screenshot("11-finance2-home");
		browser.findElement(By.cssSelector("[data-county='" + A + "'] .run-link")).click();
		browser.findElement(By.id("approve")).click();
		waitForText("confirm-title", "确认审批通过：" + batch);
		screenshot("12-finance2-approve-confirm");
		browser.findElement(By.id("confirm")).click();
		waitForText("run-status", "已审批");
		assertThat(text("approved-by")).startsWith("fin2");
		screenshot("13-finance2-approved");

		// the bank files' ZIP: one entry per bank file of the run, each the file's bytes
		byte[] zip = download(browser.findElement(By.id("bank-zip")).getAttribute("href"));
		Map<String, byte[]> entries = new TreeMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry e; (e = in.getNextEntry()) != null;) {
				entries.put(e.getName(), in.readAllBytes());
			}
		}
		Path bank = Path.of(runs.outputFolder(runId).orElseThrow()).resolve("bank");
		Map<String, byte[]> files = new TreeMap<>();
		try (Stream<Path> list = Files.list(bank)) {
			for (Path f : list.filter(Files::isRegularFile).toList()) {
				files.put(f.getFileName().toString(), Files.readAllBytes(f));
			}
		}
		// (the folder's checksum manifest stays with the files; the ZIP holds the files it lists, each as listed)
		String manifest = new String(files.remove("MANIFEST.sha256"), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(entries.keySet()).isNotEmpty().containsExactlyElementsOf(files.keySet());
		for (Map.Entry<String, byte[]> e : entries.entrySet()) {
			assertThat(e.getValue()).as(e.getKey()).isEqualTo(files.get(e.getKey()));
			String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(e.getValue()));
			assertThat(manifest).as(e.getKey()).containsPattern(sha + "\\s+\\*?" + Pattern.quote(e.getKey()));
		}
		// one file for each bank the run pays through, at least
		List<String> banks = jdbc.queryForList("""
				select distinct bank from payment_line where run_id = ? and status = 'PAY' order by bank""", String.class, runId);
		assertThat(entries.size()).isGreaterThanOrEqualTo(banks.size());
		logOut();
	}

	void monitorFiltersSearchesAndDecidesInBulk() {
		logIn("mon");
		screenshot("14-monitor-home");
		browser.findElement(By.id("nav-findings")).click();
		waitForPresent("total");
		screenshot("15-monitor-findings");
		noRowWraps();

		// the code (one a monitor may dismiss) with the most open findings of A in one village of the regions roster
		Map<String, Object> pick = jdbc.queryForMap("""
				select f.code, substr(b.region_code, 1, 12) as village, count(*) as n
				from finding f join current_beneficiary b on b.county = f.county and b.household_id = f.household_id
				where f.county = ? and f.status = 'OPEN' and f.code = any(?) and length(trim(b.region_code)) = 12
				group by 1, 2 order by n desc, 1, 2 limit 1""", A,
				Stream.of(FindingCode.values()).filter(FindingCode::dismissable).map(Enum::name).toArray(String[]::new));
		String code = (String) pick.get("code");
		assertThat(FindingCode.valueOf(code).dismissable()).as(code).isTrue();
		String village = ((String) pick.get("village")).strip();
		String program = jdbc.queryForObject("""
				select split_part(programs, ';', 1) from finding where county = ? and code = ? and status in ('OPEN', 'CONFIRMED')
				and household_id in (select household_id from current_beneficiary where region_code like ?)
				group by 1 order by count(*) desc, 1 limit 1""", String.class, A, code, village + "%");
		new Select(browser.findElement(By.id("f-code"))).selectByValue(code);
		new Select(browser.findElement(By.id("f-village"))).selectByValue(village);
		new Select(browser.findElement(By.id("f-program"))).selectByValue(program);
		clickAndWaitForPage("filter-go");
		long expected = jdbc.queryForObject("""
				select count(*) from finding f where f.county = ? and f.code = ? and f.status in ('OPEN', 'CONFIRMED')
				and (';' || f.programs || ';') like ?
				and f.household_id in (select household_id from current_beneficiary where county = ? and region_code like ?)""",
				Long.class, A, code, "%;" + program + ";%", A, village + "%");
		waitForTextStarting("total", "共 " + expected + " 条");
		assertThat(browser.getCurrentUrl()).contains("code=" + code, "village=" + village, "program=" + program);
		screenshot("16-monitor-findings-filtered");

		// search by name: one finding's person, then by the masked ID as lists show it, then by the whole ID
		Map<String, Object> one = jdbc.queryForMap("""
				select id, name, id_number from finding where county = ? and status in ('OPEN', 'CONFIRMED') and name <> ''
				and length(id_number) = 18 order by id limit 1""", A);
		long oneId = ((Number) one.get("id")).longValue();
		String id = (String) one.get("id_number");
		clearFilters();
		set("f-q", (String) one.get("name"));
		clickAndWaitForPage("filter-go");
		waitForPresent("finding-" + oneId);
		screenshot("17-monitor-search-name");
		String masked = id.substring(0, 6) + "********" + id.substring(14);
		set("f-q", masked);
		clickAndWaitForPage("filter-go");
		waitForPresent("finding-" + oneId);
		assertThat(text("findings")).contains(masked).doesNotContain(id);
		screenshot("18-monitor-search-masked-id");
		set("f-q", id);
		clickAndWaitForPage("filter-go");
		waitForPresent("finding-" + oneId);
		long sameId = jdbc.queryForObject("select count(*) from finding where county = ? and id_number = ? and status in ('OPEN', 'CONFIRMED')",
				Long.class, A, id);
		waitForTextStarting("total", "共 " + sameId + " 条");

		// back to the filtered list: pick every row of the page, one note, dismiss
		browser.get(url("/findings?code=" + code + "&village=" + village + "&program=" + program));
		waitForTextStarting("total", "共 " + expected + " 条");
		int onPage = browser.findElements(By.cssSelector("#findings tbody tr")).size();
		browser.findElement(By.id("pick-all")).click();
		waitForText("picked", "已选 " + onPage + " 条");
		set("bulk-note", "经入户核实，情况属实，排除");
		screenshot("19-monitor-bulk-picked");
		browser.findElement(By.id("bulk-dismiss")).click();
		wait(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("info"),
				"已排除 " + onPage + " 条疑点"));
		screenshot("20-monitor-bulk-done");
		assertThat(jdbc.queryForObject("""
				select count(*) from finding_decision d join finding f on f.id = d.finding_id
				where d.note = '经入户核实，情况属实，排除' and f.code = ?""", Integer.class, code)).isEqualTo(onPage);
		logOut();
	}

	void adminAddsAUser() {
		logIn("admin");
		screenshot("21-admin-home");
		browser.findElement(By.id("nav-users")).click();
		set("new-name", "fin3");
		new Select(browser.findElement(By.id("new-role"))).selectByVisibleText("财务人员");
		new Select(browser.findElement(By.id("new-county"))).selectByValue(A);
		set("new-password", "Xin-yong-2026");
		browser.findElement(By.id("do-add-user")).click();
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("info"), "已添加用户 fin3"));
		assertThat(browser.findElement(By.cssSelector("[data-user='fin3'] .role")).getText()).isEqualTo("财务人员");
		assertThat(browser.findElement(By.cssSelector("[data-user='fin3']")).getText()).contains("中原区");
		screenshot("22-admin-users");
		// the table's buttons keep their words on one line (a wrapped 停用 is two lines high)
		assertThat(browser.findElement(By.id("disable-fin3")).getSize().getHeight()).isLessThan(34);
		assertThat(jdbc.queryForObject("select role || ' ' || county from app_user where name = 'fin3'", String.class))
			.isEqualTo("FINANCE " + A);
		logOut();
	}

	// ---- the browser

	/** Saves the page as seen, and checks its visible text for codes a person must not read. */
	@Override
	void screenshot(String name) {
		super.screenshot(name + ".png");
		shots.add(name);
		// file names are names of files (a bank's file carries the bank's code, as the bank asks): not words
		String visible = FILE_NAME.matcher(browser.findElement(By.tagName("body")).getText()).replaceAll("〔文件〕");
		var codes = CODES.matcher(visible).results().map(r -> r.group(1)).collect(Collectors.toCollection(LinkedHashSet::new));
		assertThat(codes).as(name + ": codes in the page's text").isEmpty();
	}

	/** No row of the findings list wraps at 1366 px (a wrapped name or status would make it several lines high). */
	void noRowWraps() {
		for (WebElement row : browser.findElements(By.cssSelector("#findings tbody tr"))) {
			assertThat(row.getSize().getHeight()).as(row.getText()).isLessThan(60);
		}
	}

	void clearFilters() {
		browser.get(url("/findings"));
		waitForPresent("total");
	}

	/** A link's content with the browser's session (the download the user would save). */
	byte[] download(String href) throws Exception {
		String cookies = browser.manage().getCookies().stream().map(Cookie::toString)
			.map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
			.collect(Collectors.joining("; "));
		HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
			.header("Cookie", cookies)
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(r.statusCode()).as(href).isEqualTo(200);
		return r.body();
	}

	static String sheetText(Sheet sheet) {
		DataFormatter f = new DataFormatter();
		StringBuilder b = new StringBuilder();
		for (Row row : sheet) {
			List<String> cells = new ArrayList<>();
			row.forEach(c -> cells.add(f.formatCellValue(c)));
			b.append(String.join("|", cells)).append('\n');
		}
		return b.toString();
	}

	void scrollTo(String id) {
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id(id)));
	}

	void waitForTextStarting(String id, String text) {
		wait(Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
	}

	void waitForPresent(String id) {
		wait(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
	}
}
