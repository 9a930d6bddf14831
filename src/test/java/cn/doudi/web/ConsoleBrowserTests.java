package cn.doudi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.doudi.payroll.MonthEnd;
import cn.doudi.security.Passwords;
import cn.doudi.support.FreshSchemaConfiguration;

/**
 * The console in a real browser (Debian's headless Chromium through chromedriver, {@code .ci/run}
 * installs both) against the real server on a random port: a FINANCE user logs in, starts the month-end
 * and watches it to the end, releases the run; a second FINANCE user approves it; a MONITOR dismisses a
 * finding with a note.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "server.address=127.0.0.1" })
@ActiveProfiles("test")
@Import(FreshSchemaConfiguration.class)
class ConsoleBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MonthEnd monthEnd;

	@Autowired
	Passwords passwords;

	WebFixture fx;
	WebDriver browser;
	Path profile;

	@BeforeEach
	void setUp() throws Exception {
		fx = new WebFixture(jdbc, monthEnd, passwords, false);
		profile = Files.createTempDirectory("doudi-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterEach
	void tearDown() throws Exception {
		if (browser != null) {
			browser.quit();
		}
		try (var files = Files.walk(profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

	@Test
	void financeRunsTheMonthAndAMonitorReviewsAFinding() {
		// given a FINANCE user of county A, logged in
		logIn("fin1");
		assertThat(browser.findElement(By.id("me")).getText()).isEqualTo("fin1");

		// when the month-end is started from the runs page
		browser.findElement(By.id("nav-runs")).click();
		set("month", "2026-10");
		new Select(browser.findElement(By.id("county"))).selectByValue(WebFixture.A);
		browser.findElement(By.id("start-month-end")).click();

		// then its page follows it to the end and links the draft run
		wait(Duration.ofSeconds(120)).until(ExpectedConditions.textToBe(By.id("job-state"), "DONE"));
		browser.findElement(By.id("run-link")).click();
		waitForText("batch", WebFixture.A + "-202610-01");
		assertThat(browser.findElement(By.id("run-status")).getText()).isEqualTo("草稿");

		// the maker releases; the same user may not approve (the façade's words on the page)
		browser.findElement(By.id("release")).click();
		waitForText("run-status", "已提交待审批");
		browser.findElement(By.id("approve")).click();
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "审批人不能与提交人相同"));
		logOut();

		// a second FINANCE user approves
		logIn("fin2");
		browser.get(url("/runs"));
		browser.findElement(By.linkText(WebFixture.A + "-202610-01")).click();
		browser.findElement(By.id("approve")).click();
		waitForText("run-status", "已审批");
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
	}

	@Test
	void aWrongPasswordStaysOnTheLoginPage() {
		browser.get(url("/runs"));
		set("username", "mon");
		set("password", "not-the-password");
		browser.findElement(By.id("login")).click();
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "用户名或密码错误"));
	}

	void logIn(String user) {
		browser.get(url("/login"));
		set("username", user);
		set("password", WebFixture.PASSWORD);
		browser.findElement(By.id("login")).click();
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("me")));
	}

	void logOut() {
		browser.findElement(By.id("logout")).click();
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
	}

	void set(String id, String value) {
		var field = browser.findElement(By.id(id));
		if ("month".equals(field.getAttribute("type"))) {
			// <input type=month> takes its value through script in Chromium
			((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", field, value);
			return;
		}
		field.clear();
		field.sendKeys(value);
	}

	void waitForText(String id, String text) {
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id(id), text));
	}

	WebDriverWait wait(Duration timeout) {
		return new WebDriverWait(browser, timeout);
	}

	String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}
}
