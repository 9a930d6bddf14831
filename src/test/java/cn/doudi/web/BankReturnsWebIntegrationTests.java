package cn.doudi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import cn.doudi.payroll.PayrollRun;
import cn.doudi.payroll.PayrollRuns;

/** 银行回盘 in the console: FINANCE of the run's county reads a return; others are refused by the façade. */
@WebIntegrationTest
class BankReturnsWebIntegrationTests extends ConsoleTest {

	static final Charset GBK = Charset.forName("GBK");

	@Autowired
	PayrollRuns payroll;

	@TempDir
	Path out;

	MockMultipartFile icbcReturn;

	@BeforeEach
	void setUp() throws Exception {
		fixture(false);
		// the fixture's two people share an account and one has an open finding: give B its own account and
		// close the finding, so that A's line is paid
		jdbc.update("update beneficiary set account_number = '6222020200009999999' where county = ?", WebFixture.B);
		jdbc.update("update finding set status = 'DISMISSED'");
		PayrollRun run = monthEnd.one(WebFixture.A, WebFixture.OCTOBER, WebFixture.OCTOBER.atDay(10), out, "fin1");
		payroll.release(WebFixture.A, WebFixture.OCTOBER, "fin1");
		payroll.approve(WebFixture.A, WebFixture.OCTOBER, "fin2");
		List<String> lines = Files.readAllLines(out.resolve("bank/ICBC-410102-202610.txt"), GBK);
		List<String> answered = new ArrayList<>(List.of(lines.get(0)));
		lines.subList(1, lines.size()).forEach(l -> answered.add(l + "|成功|"));
		icbcReturn = new MockMultipartFile("files", "ICBC-410102-202610-回盘.txt", "text/plain",
				(String.join("\n", answered) + "\n").getBytes(GBK));
	}

	String page(String userName) throws Exception {
		return mvc.perform(multipart("/bank-returns").file(icbcReturn).with(user(userName)).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void financeOfTheCountyReadsTheReturnAndTheLinesArePaid() throws Exception {
		mvc.perform(get("/bank-returns").with(user("fin1"))).andExpect(status().isOk());

		assertThat(page("fin1")).contains("ICBC-410102-202610-回盘.txt", "已读入", "410102-202610-01");
		assertThat(jdbc.queryForList("select bank_status from payment_line where run_id = (select id from payroll_run "
				+ "where county = '410102' and status = 'APPROVED') and status = 'PAY'", String.class))
			.isNotEmpty()
			.containsOnly("PAID");

		assertThat(page("fin2")).contains("已读过");
	}

	@Test
	void othersAreRefusedAndNothingChanges() throws Exception {
		for (String u : List.of("finB", "mon", "op", "audA")) {
			mvc.perform(multipart("/bank-returns").file(icbcReturn).with(user(u)).with(csrf()))
				.andExpect(status().isForbidden());
		}
		mvc.perform(multipart("/bank-returns").file(icbcReturn).with(user("fin1"))).andExpect(status().isForbidden());
		assertThat(jdbc.queryForObject("select count(*) from payment_line where bank_status is not null", Integer.class))
			.isZero();
	}
}
