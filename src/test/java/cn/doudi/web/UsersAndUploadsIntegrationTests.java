package cn.doudi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;


/**
 * 用户管理 in the console (add, role and county, password, disable — audited, through the same façade as
 * {@code users}; a county's ADMIN only for its county) and 上传记录 on the uploads page.
 */
@WebIntegrationTest
class UsersAndUploadsIntegrationTests extends ConsoleTest {

	WebFixture fx;

	@BeforeEach
	void setUp() {
		fx = fixture(false);
		fx.data.user("adminA", "ADMIN", WebFixture.A);
	}

	String page(String user, String url) throws Exception {
		return mvc.perform(get(url).with(user(user))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	int status(String user, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(user(user)).with(csrf())).andReturn().getResponse().getStatus();
	}

	@Test
	void anAdminAddsAUserSetsItsRoleAndPasswordAndDisablesIt() throws Exception {
		String list = page("admin", "/users");
		assertThat(list).contains("用户管理", "财务人员", "核对人员", "fin1", "finB", "<option value=\"FINANCE\">财务人员</option>")
			.doesNotContain(">FINANCE<");
		mvc.perform(post("/users").param("name", "newfin").param("role", "FINANCE").param("county", WebFixture.A)
			.param("password", "Xin-yong-2026").with(user("admin")).with(csrf()));
		assertThat(jdbc.queryForList("select role || '/' || county from app_user where name = 'newfin'", String.class))
			.containsExactly("FINANCE/" + WebFixture.A);
		assertThat(passwords.authenticate("newfin", "Xin-yong-2026")).isPresent();
		// the policy applies: a short password is refused in the façade's words, nothing changes
		mvc.perform(post("/users/newfin/password").param("password", "short").param("again", "short").with(user("admin"))
			.with(csrf()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("error", org.hamcrest.Matchers.containsString("密码至少")));
		assertThat(passwords.authenticate("newfin", "Xin-yong-2026")).isPresent();
		mvc.perform(post("/users/newfin/password").param("password", "Geng-xin-2027").param("again", "Geng-xin-2027")
			.with(user("admin")).with(csrf()));
		assertThat(passwords.authenticate("newfin", "Geng-xin-2027")).isPresent();
		mvc.perform(post("/users/newfin/role").param("role", "MONITOR").param("county", WebFixture.A).with(user("admin"))
			.with(csrf()));
		assertThat(jdbc.queryForObject("select role from app_user where name = 'newfin'", String.class)).isEqualTo("MONITOR");
		mvc.perform(post("/users/newfin/disable").with(user("admin")).with(csrf()));
		assertThat(jdbc.queryForObject("select active from app_user where name = 'newfin'", Boolean.class)).isFalse();
		assertThat(jdbc.queryForList("select action from audit_event where subject = 'newfin' and actor = 'admin' order by id",
				String.class)).containsExactly("USER_ADD", "PASSWORD_SET", "PASSWORD_SET", "USER_ROLE", "USER_DISABLE");
		assertThat(page("admin", "/users")).contains("已停用");
	}

	@Test
	void aCountysAdminManagesOnlyItsCountyAndOtherRolesNone() throws Exception {
		assertThat(page("adminA", "/users")).contains("fin1").doesNotContain("finB");
		assertThat(status("adminA", post("/users").param("name", "x1").param("role", "FINANCE").param("county", WebFixture.B)))
			.isEqualTo(403);
		assertThat(status("adminA", post("/users").param("name", "x2").param("role", "FINANCE").param("county", ""))).isEqualTo(403);
		assertThat(status("adminA", post("/users/finB/role").param("role", "MONITOR").param("county", WebFixture.B)))
			.isEqualTo(403);
		assertThat(status("adminA", post("/users/fin1/role").param("role", "FINANCE").param("county", WebFixture.B)))
			.isEqualTo(403);
		assertThat(status("adminA", post("/users/finB/disable"))).isEqualTo(403);
		assertThat(status("adminA", post("/users/finB/password").param("password", "Geng-xin-2027").param("again",
				"Geng-xin-2027"))).isEqualTo(403);
		assertThat(jdbc.queryForObject("select count(*) from app_user where name in ('x1', 'x2')", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("select role || county || active from app_user where name = 'finB'", String.class))
			.isEqualTo("FINANCE" + WebFixture.B + "true");
		// within its county it may
		mvc.perform(post("/users").param("name", "opA2").param("role", "OPERATOR").param("county", WebFixture.A)
			.with(user("adminA")).with(csrf()));
		assertThat(jdbc.queryForObject("select count(*) from app_user where name = 'opA2'", Integer.class)).isEqualTo(1);
		for (String u : List.of("fin1", "mon", "op", "aud")) {
			assertThat(status(u, get("/users"))).as(u).isEqualTo(403);
			assertThat(status(u, post("/users").param("name", "y").param("role", "ADMIN"))).as(u).isEqualTo(403);
		}
		assertThat(page("fin1", "/")).doesNotContain("nav-users");
	}

	@Test
	void theUploadsPageShowsTheHistoryWithTheReportForTheSessionThatUploaded() throws Exception {
		MockHttpSession session = new MockHttpSession();
		MockMultipartFile bad = new MockMultipartFile("files", "deaths-10.csv", "text/csv",
				"身份证号,姓名,死亡日期\n123,张三,2026-10-01\n".getBytes(StandardCharsets.UTF_8));
		mvc.perform(multipart("/uploads").file(bad).param("source", "deaths").session(session).with(user("admin")).with(csrf()));
		String mine = mvc.perform(get("/uploads").session(session).with(user("admin"))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(mine).contains("上传记录", "死亡/火化信息", "deaths-10.csv", "<td class=\"nowrap\">admin</td>", "已拒绝", "拒绝 1 行", "/uploads/reports/");
		String other = page("fin1", "/uploads");
		assertThat(other).contains("deaths-10.csv", "已拒绝").doesNotContain("/uploads/reports/");
	}
}
