package cn.doudi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.FileSystemUtils;

import cn.doudi.intake.Intakes;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.TestData;

/**
 * 自动接收: each feed with its source in Chinese, its folder (an SFTP feed as user@host:port/folder, never its
 * secret), schedule, last poll and next firings in Beijing time, the files done and rejected with the rejected
 * file's error report (downloadable, audited, by a city-wide user who may import); county users see no feeds.
 */
@WebIntegrationTest
class IntakesPageIntegrationTests {

	static final Path JOBS;
	static final Path EXCHANGE;

	static {
		try {
			JOBS = Files.createTempDirectory("doudi-web-jobs");
			EXCHANGE = Files.createTempDirectory("doudi-web-exchange");
		}
		catch (java.io.IOException e) {
			throw new ExceptionInInitializerError(e);
		}
	}

	@DynamicPropertySource
	static void jobsFolder(DynamicPropertyRegistry registry) {
		registry.add("doudi.jobs-dir", JOBS::toString);
		registry.add("DOUDI_WEB_TEST_SFTP_PASSWORD", () -> "very-secret-sftp-password");
		registry.add("spring.quartz.scheduler-name", () -> "doudi-web-intakes-test");
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Intakes intakes;

	Path inbox;

	@BeforeEach
	void setUp() throws Exception {
		DatabaseCleaner.clean(jdbc);
		new TestData(jdbc).user("intake-gongan", "OPERATOR", null)
			.user("intake-canlian", "OPERATOR", null)
			.user("admin", "ADMIN", null)
			.user("op", "OPERATOR", null)
			.user("aud", "AUDITOR", null)
			.user("opA", "OPERATOR", "410102");
		FileSystemUtils.deleteRecursively(JOBS.resolve("intake"));
		Files.createDirectories(JOBS.resolve("intake"));
		FileSystemUtils.deleteRecursively(EXCHANGE);
		inbox = Files.createDirectories(EXCHANGE.resolve("gongan"));
		Files.writeString(JOBS.resolve("intake/deaths-gongan.yml"), """
				description: 公安死亡信息（前置机交换目录）
				source: deaths
				folder: %s
				files: ["死亡*.csv"]
				complete: marker
				cron: "0 0 2 * * ?"
				time-zone: Asia/Shanghai
				user: intake-gongan
				enabled: true
				""".formatted(inbox));
		Files.writeString(JOBS.resolve("intake/disability-canlian.yml"), """
				source: disability
				sftp:
				  host: sftp.canlian.example.gov.cn
				  port: 2222
				  user: minzheng
				  folder: /outbox/disability
				  password-env: DOUDI_WEB_TEST_SFTP_PASSWORD
				  host-key: "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
				files: ["残疾人*.csv"]
				complete: stable
				cron: "0 0 1-6 * * ?"
				user: intake-canlian
				enabled: false
				""");
		String good = TestData.id("410102", "1940-01-01", 1);
		Files.writeString(inbox.resolve("死亡-好.csv"), "身份证号,姓名,死亡日期,来源\r\n" + good + ",张一,2026-10-02,公安\r\n",
				StandardCharsets.UTF_8);
		Files.writeString(inbox.resolve("死亡-坏.csv"), "身份证号,姓名,死亡日期,来源\r\n41010219400101999,李二,2026-10-02,公安\r\n",
				StandardCharsets.UTF_8);
		Files.createFile(inbox.resolve("死亡-好.csv.ok"));
		Files.createFile(inbox.resolve("死亡-坏.csv.ok"));
		intakes.runNow("deaths-gongan");
	}

	String page(String user) throws Exception {
		MvcResult r = mvc.perform(get("/intakes").with(user(user))).andReturn();
		assertThat(r.getResponse().getStatus()).as(user).isEqualTo(200);
		return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void eachFeedWithItsLastPollNextFiringsAndFiles() throws Exception {
		String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
		String page = page("aud");
		assertThat(page).contains("自动接收", "deaths-gongan", "死亡/火化信息", "本机交换目录 " + inbox, "0 0 2 * * ?（北京时间）",
				"标记文件 .ok / .done", "有错误行则整个文件不导入");
		// last poll and the next firings, in Beijing time (the next: 02:00)
		String lastPoll = jdbc.queryForObject(
				"select to_char(last_poll_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') from intake_feed where feed = 'deaths-gongan'",
				String.class);
		assertThat(page).contains(lastPoll).containsPattern("\\d{4}-\\d{2}-\\d{2} 02:00:00；");
		// the files: one done, one rejected with its report
		assertThat(page).contains("死亡-好.csv", "已导入", "done/" + month + "/死亡-好.csv", "死亡-坏.csv", "已拒收",
				"rejected/" + month + "/死亡-坏.csv", "死亡-坏.csv.errors.xlsx");
		// the SFTP feed: where, never its secret
		assertThat(page).contains("disability-canlian", "残疾人基础信息", "SFTP minzheng@sftp.canlian.example.gov.cn:2222/outbox/disability",
				"（未启用）").doesNotContain("very-secret-sftp-password");
		assertThat(page).contains("id=\"nav-intakes\"");

		// the report: by a city-wide user who may import, audited
		String link = page.replaceAll("(?s).*href=\"(/intakes/deaths-gongan/reports/\\d+)\".*", "$1");
		MvcResult report = mvc.perform(get(link).with(user("op"))).andReturn();
		assertThat(report.getResponse().getStatus()).isEqualTo(200);
		assertThat(report.getResponse().getContentAsByteArray()).startsWith('P', 'K');
		assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'DOWNLOAD' and actor = 'op'", Integer.class))
			.isOne();
		assertThat(mvc.perform(get(link).with(user("aud"))).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/intakes/deaths-gongan/reports/999999").with(user("op"))).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void countyUsersSeeNoFeeds() throws Exception {
		MvcResult r = mvc.perform(get("/intakes").with(user("opA"))).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(403);
		String home = mvc.perform(get("/runs").with(user("opA"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(home).doesNotContain("nav-intakes");
	}
}
