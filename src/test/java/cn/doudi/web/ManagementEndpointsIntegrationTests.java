package cn.doudi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.doudi.ingest.ImportOptions;
import cn.doudi.ingest.ImportOutcome;
import cn.doudi.ingest.RosterImports;
import cn.doudi.ingest.Source;

/**
 * The management endpoints under {@code serve} (README "Watching it run"): never public — the bare
 * status of {@code /actuator/health} for anyone, the rest for a city-wide ADMIN or AUDITOR only (console
 * session or HTTP Basic); the health's groups, a county whose month-end failed or stopped named; the
 * Prometheus output with Spring Batch's job and step observations and Doudi's meters after a month-end.
 */
@WebIntegrationTest
class ManagementEndpointsIntegrationTests extends ConsoleTest {

	static final List<String> GUARDED = List.of("/actuator", "/actuator/health/database", "/actuator/health/month-end",
			"/actuator/health/intake", "/actuator/info", "/actuator/metrics", "/actuator/prometheus");

	@Autowired
	RosterImports imports;

	WebFixture fx;

	@BeforeEach
	void setUp() {
		fx = fixture(true);
	}

	MockHttpServletResponse as(String userName, String url) throws Exception {
		MockHttpServletRequestBuilder request = get(url);
		if (userName != null) {
			// as after a console login: the session's authorities are ConsoleLogin's
			request.with(user(userName).roles(role(userName)));
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	String[] role(String userName) {
		String role = jdbc.queryForObject("select role from app_user where name = ?", String.class, userName);
		boolean cityWide = jdbc.queryForObject("select county is null from app_user where name = ?", Boolean.class, userName);
		return cityWide && (role.equals("ADMIN") || role.equals("AUDITOR")) ? new String[] { role, "MANAGEMENT" }
				: new String[] { role };
	}

	static String body(MockHttpServletResponse r) throws Exception {
		return r.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void anonymousGetsTheBareStatusAndNothingElse() throws Exception {
		MockHttpServletResponse health = as(null, "/actuator/health");
		assertThat(health.getStatus()).isIn(200, 503);
		assertThat(body(health)).contains("\"status\"").doesNotContain("components").doesNotContain("410102")
			.doesNotContain("db");
		for (String url : GUARDED) {
			MockHttpServletResponse r = as(null, url);
			assertThat(r.getStatus()).as(url).isEqualTo(401);
			assertThat(r.getHeader("WWW-Authenticate")).as(url).startsWith("Basic");
			assertThat(body(r)).as(url).doesNotContain("spring_batch").doesNotContain("410102");
		}
	}

	@Test
	void onlyACityWideAdminOrAuditorReadsThem() throws Exception {
		for (String url : GUARDED) {
			for (String refused : List.of("mon", "op", "fin1", "finCity", "audA")) {
				assertThat(as(refused, url).getStatus()).as(refused + " " + url).isEqualTo(403);
			}
			for (String reader : List.of("admin", "aud")) {
				assertThat(as(reader, url).getStatus()).as(reader + " " + url).isIn(200, 503);
			}
		}
		// a scraper sends the name and password of a city-wide AUDITOR
		assertThat(mvc.perform(get("/actuator/prometheus").with(httpBasic("aud", WebFixture.PASSWORD))).andReturn()
			.getResponse().getStatus()).isEqualTo(200);
		assertThat(mvc.perform(get("/actuator/prometheus").with(httpBasic("aud", "wrong-password-1"))).andReturn()
			.getResponse().getStatus()).isEqualTo(401);
		assertThat(mvc.perform(get("/actuator/prometheus").with(httpBasic("mon", WebFixture.PASSWORD))).andReturn()
			.getResponse().getStatus()).isEqualTo(403);
		// a user disabled since the login reads nothing more
		jdbc.update("update app_user set active = false where name = 'aud'");
		assertThat(as("aud", "/actuator/prometheus").getStatus()).isEqualTo(403);
	}

	@Test
	void healthShowsEveryGroupToAReader() throws Exception {
		String health = body(as("admin", "/actuator/health"));
		assertThat(health).contains("\"db\"", "\"diskSpace\"", "\"quartz\"", "\"feeds\"", "\"monthEnd\"", "410102",
				"410122");
		String database = body(as("aud", "/actuator/health/database"));
		assertThat(database).contains("\"status\":\"UP\"", "PostgreSQL");
		assertThat(body(as("aud", "/actuator/health/disk"))).contains("\"status\":\"UP\"", "\"path\"");
		// outside `serve` nothing starts the scheduler: nothing fires from this process
		assertThat(body(as("aud", "/actuator/health/scheduler"))).contains("OUT_OF_SERVICE");
		String info = body(as("aud", "/actuator/info"));
		assertThat(info).contains("\"build\"", "\"version\"");
		if (java.nio.file.Files.exists(Path.of(".git"))) { // a build without .git has no git.properties, and says nothing
			assertThat(info).contains("\"git\"").containsPattern("\"commit\":\\{[^}]*\"id\":\"[0-9a-f]{7,}\"");
		}
	}

	@Test
	void aCountyWhoseLastMonthEndFailedOrStoppedIsNamed() throws Exception {
		MockHttpServletResponse ok = as("admin", "/actuator/health/month-end");
		assertThat(ok.getStatus()).isEqualTo(200);
		assertThat(body(ok)).contains("\"status\":\"UP\"", "\"DRAFT\"");

		// a run left RUNNING by a killed month-end (no process holds the county's lock)
		jdbc.update("update payroll_run set status = 'RUNNING' where id = ?", fx.runA);
		MockHttpServletResponse stuck = as("admin", "/actuator/health/month-end");
		assertThat(stuck.getStatus()).isEqualTo(503);
		assertThat(body(stuck)).contains("OUT_OF_SERVICE", "月结中断", WebFixture.A).doesNotContain("月结中断（状态 RUNNING，无进程在处理）的区县：" + WebFixture.B);

		// a run whose files could not be written
		jdbc.update("update payroll_run set status = 'FAILED' where id = ?", fx.runB);
		MockHttpServletResponse failed = as("admin", "/actuator/health/month-end");
		assertThat(failed.getStatus()).isEqualTo(503);
		assertThat(body(failed)).contains("\"status\":\"DOWN\"", "月结失败的区县：" + WebFixture.B + "（2026-10）", WebFixture.A);
		// the overall status says it too, to anyone
		assertThat(body(as(null, "/actuator/health"))).contains("\"status\":\"DOWN\"").doesNotContain("components")
			.doesNotContain(WebFixture.B);
	}

	@Test
	void prometheusHoldsTheJobObservationsAndDoudisMeters() throws Exception {
		ImportOutcome standards = imports.importFiles(Source.STANDARDS, List.of(Path.of("sample-data", "standards.csv")),
				ImportOptions.by("admin"));
		assertThat(standards.committed()).as(standards.toString()).isTrue();

		String scrape = body(as("aud", "/actuator/prometheus"));
		// Spring Batch 6's observations of the month-end job and its steps
		assertThat(scrape).containsPattern("spring_batch_job_seconds_count\\{[^}]*spring_batch_job_name=\"monthEndJob\"[^}]*\\} [1-9]")
			.containsPattern("spring_batch_step_seconds_count\\{[^}]*spring_batch_step_name=\"computeLinesStep\"[^}]*\\} [1-9]")
			.containsPattern("spring_batch_step_seconds_count\\{[^}]*spring_batch_step_name=\"crossCheckStep\"")
			.containsPattern("spring_batch_job_seconds_count\\{[^}]*spring_batch_job_name=\"rosterImportJob\"");
		// Doudi's own: the month-ends of this process, the latest runs' lines, open findings, rows imported
		assertThat(scrape).containsPattern("doudi_month_end_seconds_count\\{[^}]*outcome=\"computed\"[^}]*\\} [1-9]")
			// each county's one elder is held: the fixture's households share one account (SHARED_ACCOUNT, open)
			.containsPattern("doudi_run_lines\\{[^}]*county=\"410102\",program=\"ELDERLY\",status=\"HELD\"\\} 1\\.0")
			.containsPattern("doudi_run_amount_yuan\\{[^}]*county=\"410122\",program=\"ELDERLY\",status=\"HELD\"\\} 100\\.0")
			.containsPattern("doudi_run_lines\\{[^}]*county=\"410102\",program=\"ELDERLY\",status=\"PAY\"\\} 0\\.0")
			.containsPattern("doudi_findings_open\\{[^}]*code=\"NAME_MISMATCH\"\\} 2\\.0")
			.containsPattern("doudi_findings_open\\{[^}]*code=\"SHARED_ACCOUNT\"\\} 2\\.0")
			.containsPattern("doudi_findings_open\\{[^}]*code=\"DECEASED\"\\} 0\\.0")
			.containsPattern("doudi_import_rows_total\\{[^}]*outcome=\"imported\",source=\"standards\"\\} [1-9]")
			.containsPattern("doudi_import_files_total\\{[^}]*source=\"standards\",status=\"COMMITTED\"\\} 1\\.0");
		// and no personal data: no ID in any label
		assertThat(scrape).doesNotContainPattern("\"\\d{17}[\\dX]\"");
	}
}
