package cn.doudi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import cn.doudi.ingest.bench.RosterFiles;
import cn.doudi.kernel.FailPoint;
import cn.doudi.payroll.MonthEnd;
import cn.doudi.security.Passwords;

/**
 * The console in a real browser (Debian's headless Chromium through chromedriver, {@code .ci/run}
 * installs both) against the real server on a random port: a FINANCE user logs in, starts the month-end
 * and watches it to the end, releases the run; a second FINANCE user approves it; a MONITOR dismisses a
 * finding with a note.
 */
class ConsoleBrowserTests extends BrowserTest {

	@Autowired
	MonthEnd monthEnd;

	@Autowired
	Passwords passwords;

	WebFixture fx;

	@BeforeEach
	void setUp() {
		fx = new WebFixture(jdbc, monthEnd, passwords, false);
	}

	@AfterEach
	void tearDown() {
		FailPoint.hook(null);
	}

	@Test
	void financeRunsTheMonthAndAMonitorReviewsAFinding() {
		// given a FINANCE user of county A, logged in
		logIn("fin1");
		assertThat(browser.findElement(By.id("me")).getText()).isEqualTo("fin1");

		// when the month-end is started from the runs page (and held once its lines step has committed progress)
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch go = new CountDownLatch(1);
		FailPoint.hook(name -> {
			if (name.equals("month-end.progress") && held.getCount() > 0) {
				held.countDown();
				await(go);
			}
		});
		browser.findElement(By.id("nav-runs")).click();
		set("month", "2026-10");
		new Select(browser.findElement(By.id("county"))).selectByValue(WebFixture.A);
		browser.findElement(By.id("start-month-end")).click();

		// then its page shows the job's live progress from the job repository: step, county 1 of 1, lines
		wait(Duration.ofSeconds(60)).until(ExpectedConditions.textToBe(By.id("job-step"), "计算并写入发放明细"));
		assertThat(browser.getCurrentUrl()).endsWith("/runs/month-end/" + WebFixture.A + "/2026-10");
		assertThat(browser.findElement(By.id("job-state")).getText()).isEqualTo("正在计算");
		assertThat(browser.findElement(By.id("job-text")).getText())
			// (the total "（共 1 条）" may not be in the repository yet when the step's first progress is: a race of the
			// existing test, seen under load; the rest of the walk is what this test is for)
			.startsWith("第 1/1 个区县（" + WebFixture.A + "）：计算并写入发放明细，已写 0 条发放明细");
		assertThat(browser.findElement(By.id("job-started")).getText()).matches("2\\d{3}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
		screenshot("browser-month-end-progress.png");
		go.countDown();

		// and follows it to the end (the page polls, then shows the outcome) and links the draft run
		wait(Duration.ofSeconds(120)).until(ExpectedConditions.textToBe(By.id("job-state"), "已完成"));
		assertThat(browser.findElement(By.id("job-message")).getText()).contains("草稿 " + WebFixture.A + "-202610-01 已生成");
		screenshot("browser-month-end-done.png");
		browser.findElement(By.id("run-link")).click();
		waitForText("batch", WebFixture.A + "-202610-01");
		assertThat(browser.findElement(By.id("run-status")).getText()).isEqualTo("草稿");

		// the run page is the approver's review: totals by program and by bank, held lines, the reports
		assertThat(browser.findElement(By.id("by-program")).getText()).contains("高龄津贴", "合计");
		assertThat(browser.findElement(By.id("by-bank")).getText()).contains("合计");
		assertThat(browser.findElement(By.id("downloads")).getText()).contains("汇总表", "疑点清单", "停发名单", "多发待追回",
				"全部代发文件");
		screenshot("browser-run-review.png");

		// the maker releases, through the confirmation page; then is not offered approve
		browser.findElement(By.id("release")).click();
		waitForText("confirm-title", "确认提交审批：" + WebFixture.A + "-202610-01");
		screenshot("browser-release-confirm.png");
		browser.findElement(By.id("confirm")).click();
		waitForText("run-status", "已提交待审批");
		assertThat(browser.findElements(By.id("approve"))).isEmpty();
		assertThat(browser.findElement(By.id("awaits-other")).getText()).contains("另一名财务人员");
		logOut();

		// a second FINANCE user sees the month on its home page, approves through the confirmation, and may take the zip
		logIn("fin2");
		assertThat(browser.findElement(By.cssSelector("[data-county='" + WebFixture.A + "'] .run-status")).getText())
			.isEqualTo("已提交待审批");
		screenshot("browser-overview.png");
		browser.findElement(By.cssSelector("[data-county='" + WebFixture.A + "'] .run-link")).click();
		browser.findElement(By.id("approve")).click();
		waitForText("confirm-title", "确认审批通过：" + WebFixture.A + "-202610-01");
		browser.findElement(By.id("confirm")).click();
		waitForText("run-status", "已审批");
		assertThat(browser.findElement(By.id("bank-zip")).getAttribute("href")).endsWith("/bank.zip");
		assertThat(browser.findElement(By.id("approved-by")).getText()).startsWith("fin2");
		logOut();

		// a MONITOR of county A reviews a finding of A and sees none of B (A's finding raised again after
		// the run: its checks closed the fixture's, which no data backs)
		long findingA = WebFixture.finding(jdbc, WebFixture.A);
		long findingB = fx.findingB;
		logIn("mon");
		browser.findElement(By.id("nav-findings")).click();
		assertThat(browser.findElements(By.id("finding-" + findingB))).isEmpty();
		browser.findElement(By.id("finding-" + findingA)).click();
		browser.findElement(By.id("dismiss-note")).sendKeys("经核实为同一人，公安录入错误");
		browser.findElement(By.id("dismiss")).click();
		waitForText("finding-status", "已排除");
		assertThat(browser.findElement(By.id("info")).getText()).contains("已排除");
		assertThat(browser.findElement(By.id("decisions")).getText()).contains("mon", "经核实为同一人");

		// and a crafted URL to B's finding is refused
		browser.get(url("/findings/" + findingB));
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem"), "只能操作本县区"));
		assertThat(jdbc.queryForObject("select status from finding where id = ?", String.class, findingB))
			.isEqualTo("OPEN");
		browser.get(url("/"));
		logOut();

		// an ADMIN adds a user in the console
		logIn("admin");
		browser.findElement(By.id("nav-users")).click();
		set("new-name", "fin3");
		new Select(browser.findElement(By.id("new-role"))).selectByVisibleText("财务人员");
		new Select(browser.findElement(By.id("new-county"))).selectByValue(WebFixture.A);
		set("new-password", "Xin-yong-2026");
		browser.findElement(By.id("do-add-user")).click();
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("info"), "已添加用户 fin3"));
		assertThat(browser.findElement(By.cssSelector("[data-user='fin3'] .role")).getText()).isEqualTo("财务人员");
		screenshot("browser-users.png");
	}

	@Test
	void anUploadShowsItsTransferThenTheImportsProgressThenTheOutcome() throws Exception {
		Path roster = RosterFiles.csv(profile.resolve("beneficiaries.csv"), 20_000);
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch go = new CountDownLatch(1);
		AtomicInteger commits = new AtomicInteger();
		// the import's progress commits: at 0 rows, then after 4096 rows — held there
		FailPoint.hook(name -> {
			if (name.equals("import.progress") && commits.incrementAndGet() == 2) {
				held.countDown();
				await(go);
			}
		});
		logIn("admin");
		browser.findElement(By.id("nav-uploads")).click();
		new Select(browser.findElement(By.id("source"))).selectByValue("beneficiaries");
		browser.findElement(By.id("files")).sendKeys(roster.toString());
		// a slow line (1 MiB/s up), so that the transfer itself is seen
		org.openqa.selenium.chromium.ChromiumNetworkConditions slow = new org.openqa.selenium.chromium.ChromiumNetworkConditions();
		slow.setUploadThroughput(1_048_576);
		slow.setDownloadThroughput(10_485_760);
		((ChromeDriver) browser).setNetworkConditions(slow);
		browser.findElement(By.id("do-upload")).click();

		// the page shows the bytes sent of the request's size while they go
		wait(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-text"), "正在上传：已传"));
		screenshot("browser-upload-transfer.png");
		((ChromeDriver) browser).deleteNetworkConditions();

		// the page stays, and shows the import's rows and bytes read of the file's size, from the job repository
		wait(Duration.ofSeconds(60)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-text"),
				"已读 4,096 行 / 共 " + String.format("%.1f MB", Files.size(roster) / 1_048_576.0)));
		assertThat(browser.findElement(By.id("upload-bar")).getAttribute("value")).isNotEqualTo("0");
		screenshot("browser-upload-progress.png");

		// the import page shows the same, from the same source
		String upload = browser.getWindowHandle();
		browser.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
		browser.get(url("/uploads/progress"));
		assertThat(browser.findElement(By.id("import-text")).getText()).contains("已读 4,096 行");
		browser.close();
		browser.switchTo().window(upload);
		go.countDown();

		// then the outcome page, as without script
		wait(Duration.ofSeconds(120)).until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
		assertThat(browser.findElement(By.id("outcome")).getText()).contains("20000");
		screenshot("browser-upload-done.png");
	}

	@Test
	void aMonitorFiltersSearchesAndDecidesInBulkOnAnOfficeScreen() {
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
		long importId = jdbc.queryForObject("""
				insert into import_batch (source, content_hash, file_names, status, imported_by, started_at)
				values ('regions', repeat('1', 64), 'regions.csv', 'COMMITTED', 'test', now()) returning id
				""", Long.class);
		jdbc.update("insert into region (import_id, code, name) values (?, '410102', '中原区'), (?, '410102001001', '建设村')",
				importId, importId);
		// 120 open findings of A: NAME_MISMATCH and AGE_INELIGIBLE in turn, households of village 建设村 among them
		jdbc.update("""
				insert into finding (code, effect, county, id_number, name, household_id, programs, detail, status,
				                     first_month, last_month)
				select case when i % 2 = 0 then 'NAME_MISMATCH' else 'AGE_INELIGIBLE' end, 'HOLD', '410102',
				       '41010219400101' || lpad(i::text, 4, '0'), '欧阳' || lpad(i::text, 3, '0'),
				       case when i % 10 = 0 then 'E410102' else 'H' || i end, 'DIBAO_URBAN;ELDERLY',
				       '民政与公安姓名不一致：公安记录为另一写法', 'OPEN', '2026-10', '2026-10'
				from generate_series(1, 120) i
				""");
		logIn("mon");
		browser.findElement(By.id("nav-findings")).click();
		waitForText("total", "共 121 条，第 1 / 3 页");
		assertThat(browser.findElements(By.cssSelector("#findings tbody tr"))).hasSize(50);
		screenshot("browser-findings-list.png");
		// no cell of names or status wraps at 1366 px: every row one line high (a wrapped name would be several)
		for (var row : browser.findElements(By.cssSelector("#findings tbody tr"))) {
			assertThat(row.getSize().getHeight()).as(row.getText()).isLessThan(60);
		}
		assertThat(browser.findElement(By.id("findings")).getText()).contains("高龄津贴未满80周岁", "暂停发放待核实",
				"待处理", "城市最低生活保障、高龄津贴").doesNotContain("DIBAO_URBAN", "AGE_INELIGIBLE", " HOLD", "OPEN");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("疑点核查 中原区（410102）");
		assertThat(browser.findElement(By.className("who")).getText()).contains("核对人员，中原区");

		// the second page, then a filter by code and a search by name (the choices stay in the address)
		browser.findElement(By.id("page-2")).click();
		waitForText("total", "共 121 条，第 2 / 3 页");
		new Select(browser.findElement(By.id("f-code"))).selectByValue("NAME_MISMATCH");
		new Select(browser.findElement(By.id("f-village"))).selectByValue("410102001001");
		clickAndWaitForPage("filter-go");
		waitForText("total", "共 12 条，第 1 / 1 页");
		assertThat(browser.getCurrentUrl()).contains("code=NAME_MISMATCH", "village=410102001001");
		set("f-q", "欧阳1");
		clickAndWaitForPage("filter-go");
		waitForText("total", "共 3 条，第 1 / 1 页");
		assertThat(browser.findElement(By.id("findings")).getText()).contains("建设村", "身份证号相同姓名不一致", "欧阳110", "欧阳100")
			.doesNotContain("欧阳020");

		// ticks the whole page (the page's own script) and dismisses the three with one note
		browser.findElement(By.id("pick-all")).click();
		waitForText("picked", "已选 3 条");
		set("bulk-note", "经核实为同一人，公安录入错误");
		screenshot("browser-findings-bulk.png");
		browser.findElement(By.id("bulk-dismiss")).click();
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("info"), "已排除 3 条疑点"));
		assertThat(browser.getCurrentUrl()).contains("code=NAME_MISMATCH", "q=");
		assertThat(jdbc.queryForObject("""
				select count(*) from finding where status = 'DISMISSED' and name like '欧阳1%' and household_id = 'E410102'
				""", Integer.class)).isEqualTo(3);
		assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'DISMISS'", Integer.class))
			.isEqualTo(3);
		screenshot("browser-findings-after-bulk.png");

		// one finding's page: words, the decision in Beijing time
		long one = jdbc.queryForObject("select min(id) from finding where status = 'DISMISSED' and name like '欧阳%'",
				Long.class);
		browser.get(url("/findings/" + one));
		assertThat(browser.findElement(By.id("decisions")).getText()).contains("排除", "mon").doesNotContain("DISMISS");
		screenshot("browser-finding-one.png");
	}

	@Test
	void aWrongPasswordStaysOnTheLoginPage() {
		browser.get(url("/runs"));
		set("username", "mon");
		set("password", "not-the-password");
		browser.findElement(By.id("login")).click();
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "用户名或密码错误"));
	}

	static void await(CountDownLatch latch) {
		try {
			latch.await(120, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
