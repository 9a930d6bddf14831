package cn.doudi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.RequestBuilder;

import cn.doudi.support.TestData;

/**
 * Who may see and do what in the web console: every endpoint for every role and for a user of the
 * other county (crafted URLs included), login and CSRF, and the maker–checker refusal in the façade's words.
 */
@WebIntegrationTest
class WebAccessIntegrationTests extends ConsoleTest {

	WebFixture fx;

	@BeforeEach
	void setUp() {
		fx = fixture(true);
	}

	int statusOf(String userName, RequestBuilder request) throws Exception {
		return mvc.perform(request instanceof org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder b
				? b.with(user(userName)).with(csrf()) : request).andReturn().getResponse().getStatus();
	}

	@Test
	void everyPageNeedsALogin() throws Exception {
		for (String url : List.of("/", "/runs", "/runs/" + fx.runA, "/runs/" + fx.runA + "/payments.xlsx",
				"/runs/" + fx.runA + "/payments.csv", "/findings", "/findings/" + fx.findingA, "/uploads")) {
			mvc.perform(get(url)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		}
		mvc.perform(get("/login")).andExpect(status().isOk());
	}

	@Test
	void loginChecksThePasswordAndNeedsTheCsrfToken() throws Exception {
		mvc.perform(formLogin("/login").user("mon").password(WebFixture.PASSWORD))
			.andExpect(authenticated().withUsername("mon"))
			.andExpect(redirectedUrl("/"));
		mvc.perform(formLogin("/login").user("mon").password("wrong-password"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(formLogin("/login").user("nobody").password("whatever1")).andExpect(unauthenticated());
		// without the token the login form is refused before any password check
		mvc.perform(post("/login").param("username", "mon").param("password", WebFixture.PASSWORD))
			.andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'LOGIN_FAILED'", Integer.class))
			.isEqualTo(2);
		assertThat(jdbc.queryForList("select actor from audit_event where action = 'LOGIN_FAILED' order by id", String.class))
			.containsExactly("mon", "(unknown)");
	}

	@Test
	void aUserWithoutAPasswordCannotLogIn() throws Exception {
		jdbc.update("update app_user set password_hash = null where name = 'mon'");
		mvc.perform(formLogin("/login").user("mon").password(WebFixture.PASSWORD)).andExpect(unauthenticated());
	}

	@Test
	void postsWithoutTheCsrfTokenAreRefused() throws Exception {
		mvc.perform(post("/runs/" + fx.runA + "/release").with(user("fin1"))).andExpect(status().isForbidden());
		mvc.perform(post("/findings/" + fx.findingA + "/dismiss").param("note", "核实").with(user("mon")))
			.andExpect(status().isForbidden());
		assertThat(findingStatus(fx.findingA)).isEqualTo("OPEN");
		assertThat(runStatus(fx.runA)).isEqualTo("DRAFT");
	}

	@Test
	void readsAreScopedToTheUsersCounty() throws Exception {
		String runA = "/runs/" + fx.runA;
		String runB = "/runs/" + fx.runB;
		String fA = "/findings/" + fx.findingA;
		String fB = "/findings/" + fx.findingB;
		// every role of county A reads A's runs and findings, and nothing of B, even by crafted URLs
		for (String u : List.of("fin1", "mon", "op", "audA")) {
			assertThat(statusOf(u, get("/runs"))).as(u).isEqualTo(200);
			assertThat(statusOf(u, get(runA))).as(u).isEqualTo(200);
			assertThat(statusOf(u, get(runA + "/payments.xlsx"))).as(u).isEqualTo(200);
			assertThat(statusOf(u, get("/findings"))).as(u).isEqualTo(200);
			assertThat(statusOf(u, get(fA))).as(u).isEqualTo(200);
			assertThat(statusOf(u, get(runB))).as(u).isEqualTo(403);
			assertThat(statusOf(u, get(runB + "/payments.xlsx"))).as(u).isEqualTo(403);
			assertThat(statusOf(u, get(runB + "/payments.csv"))).as(u).isEqualTo(403);
			assertThat(statusOf(u, get("/runs?county=" + WebFixture.B))).as(u).isEqualTo(403);
			assertThat(statusOf(u, get("/findings?county=" + WebFixture.B))).as(u).isEqualTo(403);
			assertThat(statusOf(u, get(fB))).as(u).isEqualTo(403);
		}
		// city-wide users read both counties
		for (String u : List.of("aud", "finCity", "admin")) {
			assertThat(statusOf(u, get(runB))).as(u).isEqualTo(200);
			assertThat(statusOf(u, get(fB))).as(u).isEqualTo(200);
			assertThat(statusOf(u, get("/findings?county=" + WebFixture.B))).as(u).isEqualTo(200);
		}
		// lists show only the county's own rows
		String list = mvc.perform(get("/runs").with(user("mon"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(list).contains(WebFixture.A + "-202610-01").doesNotContain(WebFixture.B + "-202610-01");
		String all = mvc.perform(get("/runs").with(user("aud"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(all).contains(WebFixture.A + "-202610-01", WebFixture.B + "-202610-01");
		// a run id that does not exist is not a server error
		assertThat(statusOf("aud", get("/runs/999999"))).isEqualTo(409);
	}

	@Test
	void fullIdNumbersAndBankFilesAreForFinanceOfTheCountyOnly() throws Exception {
		String csv = "/runs/" + fx.runA + "/payments.csv";
		assertThat(statusOf("fin1", get(csv))).isEqualTo(200);
		assertThat(statusOf("finCity", get(csv))).isEqualTo(200);
		for (String u : List.of("mon", "op", "audA", "aud", "admin", "finB")) {
			assertThat(statusOf(u, get(csv))).as(u).isEqualTo(403);
		}
		String id = TestData.id(WebFixture.A, "1940-03-02", 11);
		assertThat(mvc.perform(get(csv).with(user("fin1"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains(id);
		// a file name that is not listed for the run is not served (no path from the URL reaches the disk)
		assertThat(statusOf("fin1", get("/runs/" + fx.runA + "/files/bank/..%2F..%2Fetc%2Fpasswd"))).isIn(400, 404);
		assertThat(statusOf("fin1", get("/runs/" + fx.runA + "/files/notices/x.pdf"))).isEqualTo(404);
	}

	@Test
	void changesNeedTheRoleAndTheCounty() throws Exception {
		// month-end: FINANCE of the county (or city-wide) only
		for (String u : List.of("mon", "op", "audA", "aud", "admin", "finB")) {
			assertThat(statusOf(u, post("/runs/month-end").param("county", WebFixture.A).param("month", "2026-11")))
				.as(u).isEqualTo(403);
		}
		// release / approve: FINANCE of the county only
		for (String u : List.of("mon", "op", "audA", "aud", "admin", "finB")) {
			assertThat(statusOf(u, post("/runs/" + fx.runA + "/release"))).as(u).isEqualTo(403);
			assertThat(statusOf(u, post("/runs/" + fx.runA + "/approve"))).as(u).isEqualTo(403);
		}
		assertThat(runStatus(fx.runA)).isEqualTo("DRAFT");
		// review: MONITOR of the finding's county only
		for (String u : List.of("fin1", "op", "audA", "aud", "admin", "monB")) {
			assertThat(statusOf(u, post("/findings/" + fx.findingA + "/dismiss").param("note", "核实无误"))).as(u).isEqualTo(403);
			assertThat(statusOf(u, post("/findings/" + fx.findingA + "/confirm").param("note", "核实无误"))).as(u).isEqualTo(403);
		}
		assertThat(findingStatus(fx.findingA)).isEqualTo("OPEN");
		// uploads: the ingest façade's rules (an auditor may not import; an operator not another county's rows)
		MockMultipartFile roster = new MockMultipartFile("files", "deaths.csv", "text/csv",
				"身份证号,姓名,死亡日期\n".getBytes(StandardCharsets.UTF_8));
		assertThat(mvc.perform(multipart("/uploads").file(roster).param("source", "deaths").with(user("aud")).with(csrf()))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void makerCheckerNeedsTwoFinanceUsersAndShowsTheFacadesRefusal() throws Exception {
		mvc.perform(post("/runs/" + fx.runA + "/release").param("confirmed", "true").with(user("fin1")).with(csrf()))
			.andExpect(redirectedUrl("/runs/" + fx.runA))
			// the run named as a person would (no region names in the fixture: the county's code), not 410102-202610-01
			.andExpect(flash().attribute("info", "已提交 410102 2026-10 第 1 次计算，须由另一名财务人员审批"));
		mvc.perform(post("/runs/" + fx.runA + "/approve").param("confirmed", "true").with(user("fin1")).with(csrf()))
			.andExpect(redirectedUrl("/runs/" + fx.runA))
			.andExpect(flash().attribute("error", "审批人不能与提交人相同（fin1）：须由另一名财务人员审批"));
		assertThat(runStatus(fx.runA)).isEqualTo("RELEASED");
		// the refusal is shown on the run's page
		mvc.perform(get("/runs/" + fx.runA).with(user("fin1")).flashAttr("error", "审批人不能与提交人相同（fin1）：须由另一名财务人员审批"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("审批人不能与提交人相同")));
		mvc.perform(post("/runs/" + fx.runA + "/approve").param("confirmed", "true").with(user("fin2")).with(csrf()))
			.andExpect(flash().attribute("info", "已审批 410102 2026-10 第 1 次计算，批次已生效"));
		assertThat(runStatus(fx.runA)).isEqualTo("APPROVED");

		// revoking needs a reason, FINANCE of the county, and goes through the façade (audited)
		mvc.perform(post("/runs/" + fx.runA + "/revoke").param("reason", " ").with(user("fin1")).with(csrf()))
			.andExpect(flash().attribute("error", "撤销须说明原因"));
		mvc.perform(post("/runs/" + fx.runA + "/revoke").param("reason", "标准录错").with(user("finB")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/runs/" + fx.runA + "/revoke").param("reason", "标准录错").with(user("mon")).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(runStatus(fx.runA)).isEqualTo("APPROVED");
		mvc.perform(post("/runs/" + fx.runA + "/revoke").param("reason", "标准录错").with(user("fin1")).with(csrf()))
			.andExpect(flash().attribute("info", "已撤销 410102 2026-10 第 1 次计算，该月可以重新计算；其正式代发文件已移出 bank/"));
		assertThat(runStatus(fx.runA)).isEqualTo("REVOKED");
		assertThat(jdbc.queryForObject("select detail from audit_event where action = 'REVOKE'", String.class))
			.isEqualTo("标准录错");
	}

	@Test
	void aMonitorReviewsWithANote() throws Exception {
		mvc.perform(post("/findings/" + fx.findingA + "/dismiss").param("note", " ").with(user("mon")).with(csrf()))
			.andExpect(flash().attribute("error", "须填写处理说明（备注）"));
		assertThat(findingStatus(fx.findingA)).isEqualTo("OPEN");
		mvc.perform(post("/findings/" + fx.findingA + "/dismiss").param("note", "经核实为同一人").with(user("mon")).with(csrf()))
			.andExpect(redirectedUrl("/findings/" + fx.findingA));
		assertThat(findingStatus(fx.findingA)).isEqualTo("DISMISSED");
		assertThat(jdbc.queryForObject("select decided_by || ':' || note from finding_decision where finding_id = ?",
				String.class, fx.findingA)).isEqualTo("mon:经核实为同一人");
	}

	@Test
	void anUploadShowsTheProblemsAndItsErrorReportIsDownloadableInItsSessionOnly() throws Exception {
		String good = TestData.id(WebFixture.A, "1940-03-02", 11);
		String csv = "身份证号,姓名,死亡日期,来源\n" + good + ",张三,2026-09-01,公安\n" + "41010219400302999,李四,2026-09-01,公安\n";
		MockMultipartFile file = new MockMultipartFile("files", "deaths.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
		// deaths come from a city-level agency: a county operator may not import them (the ingest façade's words)
		mvc.perform(multipart("/uploads").file(file).param("source", "deaths").with(user("op")).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("须由全市范围的用户导入")));
		org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
		var result = mvc.perform(multipart("/uploads").file(file).param("source", "deaths").session(session)
				.with(user("admin")).with(csrf()))
			.andExpect(status().isOk())
			.andReturn();
		String page = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("未导入任何数据", "拒绝 1 行", "错误报告");
		String link = page.replaceAll("(?s).*href=\"(/uploads/reports/[^\"]+)\".*", "$1");
		mvc.perform(get(link).session(session).with(user("admin"))).andExpect(status().isOk());
		// another session (another user, or the same user elsewhere) cannot fetch it
		mvc.perform(get(link).with(user("admin"))).andExpect(status().isNotFound());

		// the valid rows alone, when asked
		mvc.perform(multipart("/uploads").file(file).param("source", "deaths").param("acceptValidRows", "true")
				.with(user("admin")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("导入 1 行")));
	}

	@Test
	void theRunPageNamesTheSourcesThatWereStale() throws Exception {
		// the fixture's runs were computed with no deaths or economic data ever imported
		String page = mvc.perform(get("/runs/" + fx.runA).with(user("audA"))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("数据时效提醒", "死亡/火化信息（deaths）从未导入", "家庭经济状况核对结果（economic）从未导入");
		// a run whose data was fresh says nothing
		jdbc.update("update payroll_run set stale_sources = '' where id = ?", fx.runA);
		assertThat(mvc.perform(get("/runs/" + fx.runA).with(user("audA"))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("数据时效提醒");
	}

	@Test
	void listsMaskIdNumbers() throws Exception {
		String id = TestData.id(WebFixture.A, "1940-03-02", 11);
		String page = mvc.perform(get("/findings").with(user("mon"))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("张三").doesNotContain(id).contains(id.substring(0, 6) + "********" + id.substring(14));
	}

	String findingStatus(long findingId) {
		return jdbc.queryForObject("select status from finding where id = ?", String.class, findingId);
	}

	String runStatus(long runId) {
		return jdbc.queryForObject("select status from payroll_run where id = ?", String.class, runId);
	}
}
