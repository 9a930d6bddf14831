package cn.doudi.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import cn.doudi.support.FreshSchemaConfiguration;

/**
 * A test of the console in a real browser: the whole application on a random port of 127.0.0.1 with the real
 * PostgreSQL, and Debian's headless Chromium through chromedriver ({@code .ci/run} installs both) at 1366×768,
 * in Chinese, with a profile of its own (removed after each test). Helpers for what every walk does: log in with
 * {@link WebFixture#PASSWORD}, fill a field, wait for a text, save a screenshot under {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "server.address=127.0.0.1" })
@ActiveProfiles("test")
@Import(FreshSchemaConfiguration.class)
abstract class BrowserTest {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	WebDriver browser;

	/** The browser's profile folder, removed after the test (files to upload may be written there too). */
	Path profile;

	@BeforeEach
	void openBrowser() throws IOException {
		profile = Files.createTempDirectory("doudi-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--lang=zh-CN", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().window().setSize(new Dimension(1366, 768));
	}

	@AfterEach
	void closeBrowser() throws IOException {
		if (browser != null) {
			browser.quit();
		}
		try (var files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

	/** Saves what the browser shows as {@code target/screenshots/<fileName>}. */
	void screenshot(String fileName) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve(fileName), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void logIn(String user) {
		browser.get(url("/login"));
		set("username", user);
		set("password", WebFixture.PASSWORD);
		browser.findElement(By.id("login")).click();
		wait(Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("me")));
	}

	void logOut() {
		browser.findElement(By.id("logout")).click();
		wait(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
	}

	void set(String id, String value) {
		var field = browser.findElement(By.id(id));
		if ("month".equals(field.getAttribute("type"))) {
			// <input type=month> takes its value through script in Chromium
			((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", field, value);
			return;
		}
		field.clear();
		field.sendKeys(value);
	}

	/**
	 * Clicks {@code id} (a form's button, a link) and waits for the page it loads, so that nothing is read from the
	 * page before it by mistake (an element also on the old page would be found there, then be stale).
	 */
	void clickAndWaitForPage(String id) {
		// a mark on the old page's window, gone once the new page has loaded (asking the old page's element whether
		// it is stale is answered by Chromium with "Node … does not belong to the document", not as staleness)
		JavascriptExecutor script = (JavascriptExecutor) browser;
		script.executeScript("window.doudiOldPage = true");
		browser.findElement(By.id(id)).click();
		wait(Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
			.executeScript("return window.doudiOldPage === undefined && document.readyState === 'complete'")));
	}

	String text(String id) {
		return browser.findElement(By.id(id)).getText();
	}

	void waitForText(String id, String text) {
		wait(Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(By.id(id), text));
	}

	WebDriverWait wait(Duration timeout) {
		return new WebDriverWait(browser, timeout);
	}

	String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}
}
