package cn.doudi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.doudi.payroll.MonthEnd;

/**
 * The console's progress pages read the job repository, not the console's memory: the fixture's month-ends
 * ran through {@link MonthEnd} directly — as the command line, a schedule or another {@code serve} would run
 * them, or this one before a restart — and this console, which queued nothing, shows them whole; a county
 * the user may not read is refused; the import page says when no import runs.
 */
@WebIntegrationTest
class ProgressPagesIntegrationTests extends ConsoleTest {

	WebFixture fx;

	@BeforeEach
	void setUp() {
		fx = fixture(true);
	}

	@Test
	void aMonthEndThisConsoleNeverStartedIsShownFromTheJobRepository() throws Exception {
		mvc.perform(get("/runs/month-end/" + WebFixture.A + "/2026-10/progress").with(user("fin1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("DONE"))
			.andExpect(jsonPath("$.stateTitle").value("已完成"))
			.andExpect(jsonPath("$.finished").value(true))
			.andExpect(jsonPath("$.countyNo").value(1))
			.andExpect(jsonPath("$.countyCount").value(1))
			.andExpect(jsonPath("$.countiesDone").value(1))
			.andExpect(jsonPath("$.linesWritten").value(1))
			.andExpect(jsonPath("$.percent").value(100))
			.andExpect(jsonPath("$.runId").value(fx.runA))
			.andExpect(jsonPath("$.text").value("第 1/1 个区县（" + WebFixture.A + "）：已完成，已写 1 条发放明细（共 1 条）"))
			.andExpect(jsonPath("$.started").value(org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")));

		String page = mvc.perform(get("/runs/month-end/" + WebFixture.A + "/2026-10").with(user("fin1")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", WebSecurityConfiguration.CONTENT_SECURITY_POLICY))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("已完成", "第 1/1 个区县", "北京时间", "/runs/" + fx.runA + "\"", "data-running=\"false\"")
			.doesNotContain("http-equiv=\"refresh\"");
		// the state once, not "已完成（已完成）": the step in brackets only while the job runs
		String state = page.substring(page.indexOf("状态："));
		assertThat(state.substring(0, state.indexOf("</p>")).replaceAll("<[^>]+>", "").replaceAll("\\s+", ""))
			.isEqualTo("状态：已完成");
	}

	@Test
	void theCountyIsNamedWhereTheRegionsRosterNamesItAndShownByItsCodeWhereNot() throws Exception {
		// the fixture has no regions roster: the code alone, as every page of the console shows an unnamed county
		mvc.perform(get("/runs/month-end/" + WebFixture.A + "/2026-10/progress").with(user("fin1")))
			.andExpect(jsonPath("$.text").value(org.hamcrest.Matchers.startsWith("第 1/1 个区县（" + WebFixture.A + "）：")));
		long importId = jdbc.queryForObject("""
				insert into import_batch (source, content_hash, file_names, status, imported_by, started_at)
				values ('regions', repeat('1', 64), 'regions.csv', 'COMMITTED', 'test', now()) returning id
				""", Long.class);
		jdbc.update("insert into region (import_id, code, name) values (?, ?, '中原区')", importId, WebFixture.A);
		mvc.perform(get("/runs/month-end/" + WebFixture.A + "/2026-10/progress").with(user("fin1")))
			.andExpect(jsonPath("$.text").value("第 1/1 个区县（中原区 " + WebFixture.A + "）：已完成，已写 1 条发放明细（共 1 条）"));
		String page = mvc.perform(get("/runs/month-end/" + WebFixture.A + "/2026-10").with(user("fin1")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("中原区（" + WebFixture.A + "） 2026-10", "中原区 " + WebFixture.A);
	}

	@Test
	void anotherCountysMonthEndIsRefusedAndAMonthWithoutOneIsNotFound() throws Exception {
		mvc.perform(get("/runs/month-end/" + WebFixture.B + "/2026-10/progress").with(user("fin1")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/runs/month-end/" + WebFixture.A + "/2026-11").with(user("fin1")))
			.andExpect(status().isNotFound())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("该区县该月尚未执行过月结")));
		mvc.perform(get("/runs/month-end/not-a-county/2026-10").with(user("fin1"))).andExpect(status().is4xxClientError());
	}

	@Test
	void theImportPageSaysWhenNoImportRuns() throws Exception {
		mvc.perform(get("/uploads/progress/status").with(user("op")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.running").value(false))
			.andExpect(jsonPath("$.text").value("当前没有正在进行的导入"));
		mvc.perform(get("/uploads/progress").with(user("op")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("当前没有正在进行的导入")));
	}
}
