package cn.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.security.AccessDeniedException;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;
import cn.doudi.support.TestData;

/** The run's life (RULES.md "Runs in order", "Runs and re-runs"; OUTPUTS.md maker–checker). */
@DoudiIntegrationTest
class PayrollRunsIntegrationTests {

	static final String COUNTY = "410102";
	static final YearMonth OCT = YearMonth.of(2026, 10);
	static final YearMonth NOV = YearMonth.of(2026, 11);

	@Autowired
	PayrollRuns payroll;

	@Autowired
	MonthEnd monthEnd;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path out;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(jdbc);
		new TestData(jdbc).standard(COUNTY, "ELDERLY", "80-89", "2026-01", "100.00")
			.standard(COUNTY, "DIBAO_URBAN", "标准", "2026-01", "690.00")
			.user("fin1", "FINANCE", COUNTY)
			.user("fin2", "FINANCE", null)
			.user("op", "OPERATOR", COUNTY)
			.user("fin-other", "FINANCE", "410122")
			.beneficiary("410102001001", "H1", TestData.id(COUNTY, "1940-03-02", 11), "张三", "户主", "ELDERLY", null,
					null, "2026-01", null);
	}

	@Test
	void aDraftReRunReplacesTheDraftWithTheNextRevision() {
		PayrollRun first = monthEnd.one(COUNTY, OCT, OCT.atDay(10), out, "fin1");
		PayrollRun second = monthEnd.one(COUNTY, OCT, OCT.atDay(10), out, "fin1");

		assertThat(first.batchNo()).isEqualTo("410102-202610-01");
		assertThat(second.batchNo()).isEqualTo("410102-202610-02");
		assertThat(second.status()).isEqualTo(RunStatus.DRAFT);
		assertThat(jdbc.queryForObject("select status from payroll_run where id = ?", String.class, first.id()))
			.isEqualTo("REPLACED");
		assertThat(jdbc.queryForObject("select count(*) from payment_line where run_id = ?", Integer.class, second.id()))
			.isEqualTo(1);
	}

	@Test
	void approvalNeedsASecondFinanceUser() {
		monthEnd.one(COUNTY, OCT, OCT.atDay(10), out, "fin1");
		payroll.release(COUNTY, OCT, "fin1");

		assertThatThrownBy(() -> payroll.approve(COUNTY, OCT, "fin1")).isInstanceOf(MonthEndRefusedException.class)
			.hasMessageContaining("审批人不能与提交人相同");
		assertThat(payroll.approve(COUNTY, OCT, "fin2").status()).isEqualTo(RunStatus.APPROVED);
	}

	@Test
	void onlyFinanceUsersOfTheCountyRunPayroll() {
		assertThatThrownBy(() -> monthEnd.one(COUNTY, OCT, OCT.atDay(10), out, "op"))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> monthEnd.one(COUNTY, OCT, OCT.atDay(10), out, "fin-other"))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> monthEnd.one(COUNTY, OCT, OCT.atDay(10), out, "nobody"))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void monthsRunInOrder() {
		monthEnd.one(COUNTY, OCT, OCT.atDay(10), out, "fin1");

		assertThatThrownBy(() -> monthEnd.one(COUNTY, NOV, NOV.atDay(10), out, "fin1"))
			.isInstanceOf(MonthEndRefusedException.class)
			.hasMessageContaining("2026-10");
		assertThatThrownBy(() -> monthEnd.one(COUNTY, YearMonth.of(2026, 9), LocalDate.of(2026, 9, 10), out, "fin1"))
			.isInstanceOf(MonthEndRefusedException.class);

		payroll.release(COUNTY, OCT, "fin1");
		payroll.approve(COUNTY, OCT, "fin2");
		assertThat(monthEnd.one(COUNTY, NOV, NOV.atDay(10), out, "fin1").batchNo()).isEqualTo("410102-202611-01");
	}

	@Test
	void aRunWhoseCountyFilesCannotBeWrittenIsNoDraftAndIsComputedAgainByTheNextMonthEnd() throws Exception {
		// the county's bank files and notices are written by its partition (README "Across machines"): a folder
		// that cannot be written fails the partition, so the run is FAILED and the audit says why
		Path notAFolder = java.nio.file.Files.writeString(out.resolve("2026-10"), "a file where the folder should be");

		assertThatThrownBy(() -> monthEnd.one(COUNTY, OCT, OCT.atDay(10), notAFolder, "fin1"))
			.hasMessageContaining("410102-202610-01");

		assertThat(jdbc.queryForObject("select status from payroll_run", String.class)).isEqualTo("FAILED");
		assertThat(jdbc.queryForObject("select detail from audit_event where action = 'RUN'", String.class))
			.startsWith("job failed: ").contains(notAFolder.toString());
		assertThatThrownBy(() -> payroll.release(COUNTY, OCT, "fin1")).isInstanceOf(MonthEndRefusedException.class)
			.hasMessageContaining("月结失败");

		// the next month-end computes it again as the next revision (PayrollRuns.prepare: what stopped a county's
		// files — a folder, a PAY line without an account — is corrected in the inputs, so the lines are too)
		java.nio.file.Files.delete(notAFolder);
		PayrollRun again = monthEnd.one(COUNTY, OCT, OCT.atDay(10), notAFolder, "fin1");

		assertThat(again.batchNo()).isEqualTo("410102-202610-02");
		assertThat(again.status()).isEqualTo(RunStatus.DRAFT);
		assertThat(jdbc.queryForList("select revision || ':' || status from payroll_run order by revision", String.class))
			.containsExactly("1:REPLACED", "2:DRAFT");
		assertThat(notAFolder.resolve("payments.csv")).exists();
	}

	@Test
	void anApprovedRunIsFinalUntilRevokedThenTheMonthCanBeReRun() {
		monthEnd.one(COUNTY, OCT, OCT.atDay(10), out, "fin1");
		payroll.release(COUNTY, OCT, "fin1");
		payroll.approve(COUNTY, OCT, "fin2");

		assertThatThrownBy(() -> monthEnd.one(COUNTY, OCT, OCT.atDay(10), out, "fin1"))
			.isInstanceOf(MonthEndRefusedException.class)
			.hasMessageContaining("revoke");

		PayrollRun revoked = payroll.revoke(COUNTY, OCT, "fin1", "standard corrected");
		assertThat(revoked.status()).isEqualTo(RunStatus.REVOKED);
		assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'REVOKE' and detail = ?",
				Integer.class, "standard corrected")).isEqualTo(1);

		PayrollRun rerun = monthEnd.one(COUNTY, OCT, OCT.atDay(10), out, "fin1");
		assertThat(rerun.batchNo()).isEqualTo("410102-202610-02");
		assertThat(rerun.status()).isEqualTo(RunStatus.DRAFT);
	}

	@Test
	void onlyTheLatestApprovedRunCanBeRevoked() {
		monthEnd.one(COUNTY, OCT, OCT.atDay(10), out, "fin1");
		payroll.release(COUNTY, OCT, "fin1");
		payroll.approve(COUNTY, OCT, "fin2");
		monthEnd.one(COUNTY, NOV, NOV.atDay(10), out, "fin1");
		payroll.release(COUNTY, NOV, "fin1");
		payroll.approve(COUNTY, NOV, "fin2");

		assertThatThrownBy(() -> payroll.revoke(COUNTY, OCT, "fin1", "x")).isInstanceOf(MonthEndRefusedException.class)
			.hasMessageContaining("2026-11");
	}

	@Test
	void revokingTheLatestApprovedRunAlsoRevokesTheNextMonthsDraftComputedOnIt() {
		monthEnd.one(COUNTY, OCT, OCT.atDay(10), out, "fin1");
		payroll.release(COUNTY, OCT, "fin1");
		payroll.approve(COUNTY, OCT, "fin2");
		PayrollRun novDraft = monthEnd.one(COUNTY, NOV, NOV.atDay(10), out, "fin1");

		payroll.revoke(COUNTY, OCT, "fin1", "标准录错");

		assertThat(payroll.current(COUNTY, NOV)).isEmpty();
		assertThat(jdbc.queryForObject("select status from payroll_run where id = ?", String.class, novDraft.id()))
			.isEqualTo("REVOKED");
		assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'REVOKE' and subject = ?",
				Integer.class, novDraft.batchNo())).isEqualTo(1);
		assertThat(monthEnd.one(COUNTY, OCT, OCT.atDay(10), out, "fin1").batchNo()).isEqualTo("410102-202610-02");
	}
}
