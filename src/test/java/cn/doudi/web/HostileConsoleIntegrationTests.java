package cn.doudi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.doudi.ingest.Fixtures;
import cn.doudi.ingest.read.CraftedXlsx;
import cn.doudi.review.FindingReviews;
import cn.doudi.support.TestData;

/**
 * The console under the issue-11 attacks: each cause of a 500 page or of leaked internals is now a 4xx page
 * in Chinese; logins are throttled; headers are set; free text holding a whole ID is masked for the roles
 * that may not see whole numbers, and whole-number reads and downloads are audited; old uploads are cleaned.
 */
@WebIntegrationTest
class HostileConsoleIntegrationTests extends ConsoleTest {

	/** Wording that must never reach a page. */
	static final List<String> INTERNALS = List.of("Exception", "Whitelabel", "No enum constant", "Failed to convert",
			"java.", "org.", "SQL", "select ", "insert ", "COPY", "at cn.doudi", "EOF", "XMLStream", "numeric field overflow");

	@Autowired
	FindingReviews reviews;

	@Autowired
	UploadRetention retention;

	@Value("${doudi.home}")
	Path home;

	WebFixture fx;

	@BeforeEach
	void setUp() {
		fx = fixture(true);
	}

	<B extends AbstractMockHttpServletRequestBuilder<B>> MvcResult as(String userName, B request) throws Exception {
		return mvc.perform(request.with(user(userName)).with(csrf())).andReturn();
	}

	static String page(MvcResult r) throws Exception {
		return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	static void clean(MvcResult r, int status, String... shown) throws Exception {
		assertThat(r.getResponse().getStatus()).as(r.getRequest().getRequestURI()).isEqualTo(status);
		String page = withoutTokens(page(r));
		if (shown.length > 0) {
			assertThat(page).contains(shown);
		}
		for (String internal : INTERNALS) {
			assertThat(page).as("page of " + r.getRequest().getRequestURI()).doesNotContain(internal);
		}
	}

	@Test
	void theFiveHundredsOfTheIssueAreChineseFourHundreds() throws Exception {
		clean(as("mon", get("/findings/abc")), 400, "格式不对");
		clean(as("mon", get("/findings").param("code", "NOPE")), 400, "没有这个疑点类型：NOPE");
		clean(as("mon", get("/findings").param("status", "WHATEVER")), 400, "没有这个疑点状态");
		clean(as("fin1", get("/runs/9999999999999999999999")), 400, "格式不对");
		clean(as("fin1", post("/runs/month-end").param("county", "4".repeat(500)).param("month", "2026-10")), 400,
				"区县代码应为6位数字");
		clean(as("fin1", post("/runs/month-end").param("county", WebFixture.A).param("month", "2026-13")), 400, "月份应为 YYYY-MM");
		clean(as("fin1", post("/runs/month-end").param("county", WebFixture.A)), 400, "表单不完整");
		clean(as("fin1", put("/runs")), 405, "不接受这种请求");
		clean(as("fin1", get("/no/such/page")), 404, "没有这个页面");
		clean(as("mon", post("/findings/" + fx.findingA + "/recover").param("amount", "9".repeat(30)).param("note", "x")), 302);
		clean(as("admin", multipart("/uploads").param("source", "beneficiaries")), 400, "请选择要上传的文件");
		clean(as("admin", multipart("/uploads").param("source", "nope")
			.file(new MockMultipartFile("files", "a.csv", "text/csv", "x".getBytes(StandardCharsets.UTF_8)))), 400,
				"没有这个数据来源");
	}

	@Test
	void getErrorItselfIsANotFoundPageInChinese() throws Exception {
		clean(as("mon", get("/error")), 404, "未找到", "没有这个页面");
		clean(mvc.perform(get("/error")).andReturn(), 404, "没有这个页面");
	}

	@Test
	void aFifteenDigitIncomeIsARejectedRowNotAnOverflow() throws Exception {
		String csv = Fixtures.BENEFICIARY_HEADER + "\n410102001001,H1," + TestData.id(WebFixture.A, "1950-01-01", 1)
				+ ",张三,户主,DIBAO_URBAN,,123456789012345,2026-01,,ICBC,6222020200000000001,张三\n";
		MvcResult r = as("admin", multipart("/uploads").param("source", "beneficiaries")
			.file(new MockMultipartFile("files", "income.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))));

		clean(r, 200, "未导入任何数据", "家庭月收入超出允许的范围（最多 999999999999.99 元）");
	}

	@Test
	void aNinetyCharacterChineseFileNameIsKeptAndShownInFull() throws Exception {
		String name = "郑州市金水区".repeat(15) + ".csv"; // 90 characters, 270 bytes before the extension
		MvcResult r = as("admin", multipart("/uploads").param("source", "regions")
			.file(new MockMultipartFile("files", name, "text/csv", "区划代码,名称\n41010x,金水区\n".getBytes(StandardCharsets.UTF_8))));

		clean(r, 200, name, name + ".errors.xlsx");
	}

	@Test
	void aNegativeSharedStringIndexIsARefusedFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		Path xlsx = CraftedXlsx.write(dir.resolve("bad.xlsx"), w -> w.text("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>-1</v></c></row>"),
				w -> w.text("<si><t>区划代码</t></si>"));
		MvcResult r = as("admin", multipart("/uploads").param("source", "regions")
			.file(new MockMultipartFile("files", "bad.xlsx", "application/octet-stream", Files.readAllBytes(xlsx))));

		clean(r, 200, "未导入任何数据", "引用的共享字符串不存在");
	}

	@Test
	void pagesCarryTheSecurityHeaders() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", WebSecurityConfiguration.CONTENT_SECURITY_POLICY))
			.andExpect(header().string("Referrer-Policy", "same-origin"))
			.andExpect(header().string("Permissions-Policy", WebSecurityConfiguration.PERMISSIONS_POLICY))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
		// no inline script: only the console's own files (CSP script-src 'self')
		assertThat(page(as("mon", get("/findings")))).doesNotContainPattern("<script(?![^>]*src=\"/js/[a-z-]+\\.js\")");
	}

	@Test
	void fiveWrongPasswordsLockTheUserEvenForTheRightOne() throws Exception {
		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin("/login").user("mon").password("wrong-" + i)).andExpect(unauthenticated());
		}
		mvc.perform(formLogin("/login").user("mon").password(WebFixture.PASSWORD))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?locked"));
		// another user from the same address is not locked by mon's failures
		mvc.perform(formLogin("/login").user("fin1").password(WebFixture.PASSWORD)).andExpect(authenticated());
		assertThat(jdbc.queryForList("select actor from audit_event where action = 'LOGIN_LOCKED'", String.class))
			.containsExactly("mon");
		assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'LOGIN_REFUSED_LOCKED'", Integer.class))
			.isOne();

		// once the lockout has passed, the right password opens again
		jdbc.update("update login_throttle set locked_until = now() - interval '1 second' where key = 'user:mon'");
		mvc.perform(formLogin("/login").user("mon").password(WebFixture.PASSWORD)).andExpect(authenticated());
	}

	@Test
	void twentyFailuresFromOneAddressLockThatAddress() throws Exception {
		RequestPostProcessor from = request -> {
			request.setRemoteAddr("10.1.2.3");
			return request;
		};
		for (int i = 0; i < 20; i++) {
			mvc.perform(login("guess" + i, "Wrong-pass-1").with(from)).andExpect(unauthenticated());
		}
		mvc.perform(login("fin2", WebFixture.PASSWORD).with(from)).andExpect(redirectedUrl("/login?locked"));
		mvc.perform(formLogin("/login").user("fin2").password(WebFixture.PASSWORD)).andExpect(authenticated());
		assertThat(jdbc.queryForObject("select detail from audit_event where action = 'LOGIN_LOCKED'", String.class))
			.contains("address 10.1.2.3");
	}

	@Test
	void aNoteHoldingAWholeIdIsMaskedForTheRolesThatMayNotSeeWholeNumbers() throws Exception {
		String quoted = TestData.id(WebFixture.A, "1951-07-09", 3);
		String masked = quoted.substring(0, 6) + "********" + quoted.substring(14);
		reviews.confirm("mon", fx.findingA, "经核实与 " + quoted + " 为同一人");
		jdbc.update("update finding set detail = ? where id = ?", "公安记录 " + quoted + " 姓名不同", fx.findingA);
		jdbc.update("delete from audit_event");

		for (String whole : List.of("mon", "audA", "aud")) {
			assertThat(page(as(whole, get("/findings/" + fx.findingA)))).as(whole).contains(quoted);
		}
		for (String partial : List.of("fin1", "op", "admin", "finCity")) {
			String page = page(as(partial, get("/findings/" + fx.findingA)));
			assertThat(page).as(partial).doesNotContain(quoted).contains("经核实与 " + masked, "公安记录 " + masked);
		}
		assertThat(page(as("mon", get("/findings")))).doesNotContain(quoted).contains("公安记录 " + masked);
		// the same rule on the command line's façade
		assertThat(reviews.show("fin1", fx.findingA).decisions().get(0).note()).isEqualTo("经核实与 " + masked + " 为同一人");
		// every read of whole numbers is audited, the masked ones are not
		assertThat(jdbc.queryForList("select actor from audit_event where action = 'READ_WHOLE' order by id", String.class))
			.containsExactly("mon", "audA", "aud");
	}

	@Test
	void everyDownloadIsAudited() throws Exception {
		assertThat(as("fin1", get("/runs/" + fx.runA + "/payments.csv")).getResponse().getStatus()).isEqualTo(200);
		assertThat(as("audA", get("/runs/" + fx.runA + "/payments.xlsx")).getResponse().getStatus()).isEqualTo(200);
		assertThat(as("audA", get("/runs/" + fx.runA + "/payments.csv")).getResponse().getStatus()).isEqualTo(403);

		assertThat(jdbc.queryForList("select actor || ' ' || county || ' ' || detail || ' ' || subject from audit_event "
				+ "where action = 'DOWNLOAD' order by id", String.class))
			.containsExactly("fin1 410102 发放明细（完整证件号和账号） payments-410102-202610-01.csv",
					"audA 410102 发放明细（脱敏） payments-410102-202610-01.xlsx");
	}

	@Test
	void uploadsOlderThanTheRetentionAreDeletedAndAudited() throws Exception {
		Path uploads = home.resolve("console-uploads");
		Path old = Files.createDirectories(uploads.resolve("old-upload/1"));
		Path file = Files.writeString(old.resolve("roster.csv"), "x".repeat(100));
		Path recent = Files.createDirectories(uploads.resolve("recent-upload/1"));
		Files.writeString(recent.resolve("roster.csv"), "y");
		FileTime longAgo = FileTime.from(Instant.now().minus(91, ChronoUnit.DAYS));
		for (Path p : List.of(file, old, old.getParent())) {
			Files.setLastModifiedTime(p, longAgo);
		}

		int removed = retention.clean();

		assertThat(removed).isGreaterThanOrEqualTo(1);
		assertThat(old.getParent()).doesNotExist();
		assertThat(recent).exists();
		assertThat(jdbc.queryForObject("select detail from audit_event where action = 'UPLOADS_CLEANED'", String.class))
			.contains("older than 90 days");
	}

	/** The page without its CSRF tokens (random text that may spell anything, "EOF" included). */
	static String withoutTokens(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
	}

	static MockHttpServletRequestBuilder login(String name, String password) {
		return post("/login").param("username", name).param("password", password).with(csrf());
	}
}
