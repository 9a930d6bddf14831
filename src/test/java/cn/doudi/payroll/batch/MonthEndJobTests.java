package cn.doudi.payroll.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.YearMonth;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.payroll.MonthEnd;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.payroll.PayrollRuns;
import cn.doudi.payroll.RunStatus;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;
import cn.doudi.support.TestData;

/**
 * The month-end job is restartable: a crash in the middle of writing the lines leaves nothing, and the
 * next {@code month-end} restarts the same job instance (same county, month, revision) and writes every
 * line exactly once.
 */
@DoudiIntegrationTest
class MonthEndJobTests {

	static final String COUNTY = "410102";
	static final YearMonth OCT = YearMonth.of(2026, 10);

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
		TestData data = new TestData(jdbc).standard(COUNTY, "ELDERLY", "80-89", "2026-01", "100.00")
			.standard(COUNTY, "ELDERLY", "90-99", "2026-01", "200.00")
			.user("fin1", "FINANCE", COUNTY);
		for (int i = 1; i <= 30; i++) {
			data.beneficiary("410102001001", "E" + i, TestData.id(COUNTY, i % 2 == 0 ? "1940-03-02" : "1934-05-06", i),
					"老人" + i, "户主", "ELDERLY", null, null, "2026-01", null);
		}
		// a crash half-way through writing the lines: the 20th insert fails while the flag is set
		jdbc.execute("create table if not exists test_crash (armed boolean)");
		jdbc.execute("""
				create or replace function test_crash_fn() returns trigger language plpgsql as $$
				begin
				  if exists (select 1 from test_crash where armed)
				     and (select count(*) from payment_line where run_id = new.run_id) >= 19 then
				    raise exception 'simulated crash while writing lines';
				  end if;
				  return new;
				end $$""");
		jdbc.execute("drop trigger if exists test_crash_trg on payment_line");
		jdbc.execute("create trigger test_crash_trg before insert on payment_line for each row execute function test_crash_fn()");
	}

	@AfterEach
	void tearDown() {
		jdbc.execute("drop trigger if exists test_crash_trg on payment_line");
		jdbc.execute("drop table if exists test_crash");
	}

	/** The executions of the county's monthEndJob, not those of the month's partitioned job around it. */
	private static final String OF_MONTH_END_JOB = " from batch_job_execution e "
			+ "join batch_job_instance i on i.job_instance_id = e.job_instance_id where i.job_name = 'monthEndJob'";

	@Test
	void aCrashedRunLeavesNothingAndTheRestartWritesEveryLineOnce() {
		jdbc.update("insert into test_crash values (true)");

		assertThatThrownBy(() -> monthEnd.one(COUNTY, OCT, OCT.atDay(10), out, "fin1"))
			.hasMessageContaining("月结作业失败");
		assertThat(jdbc.queryForObject("select count(*) from payment_line", Integer.class)).isZero();
		assertThat(payroll.current(COUNTY, OCT)).get().extracting(PayrollRun::status).isEqualTo(RunStatus.FAILED);

		jdbc.update("delete from test_crash");
		PayrollRun run = monthEnd.one(COUNTY, OCT, OCT.atDay(10), out, "fin1");

		assertThat(run.revision()).isEqualTo(1);
		assertThat(run.status()).isEqualTo(RunStatus.DRAFT);
		assertThat(jdbc.queryForObject("select count(*) from payment_line where run_id = ?", Integer.class, run.id()))
			.isEqualTo(30);
		assertThat(jdbc.queryForObject("select count(distinct payment_key) from payment_line", Integer.class))
			.isEqualTo(30);
		// one job instance (county, month, revision), two executions: the second was a restart
		assertThat(jdbc.queryForObject("select count(*) from batch_job_instance where job_name = 'monthEndJob'",
				Integer.class)).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*)" + OF_MONTH_END_JOB, Integer.class))
			.isEqualTo(2);
	}

	@Test
	void aRunLeftRunningByAKilledProcessIsRecoveredAndRestartedByTheNextMonthEnd() {
		jdbc.update("insert into test_crash values (true)");
		assertThatThrownBy(() -> monthEnd.one(COUNTY, OCT, OCT.atDay(10), out, "fin1"));
		// what a process killed in the middle of the job leaves: its execution and step STARTED, the run RUNNING
		jdbc.update("update batch_job_execution set status = 'STARTED', exit_code = 'UNKNOWN', end_time = null");
		jdbc.update("update batch_step_execution set status = 'STARTED', exit_code = 'EXECUTING', end_time = null");
		jdbc.update("update payroll_run set status = 'RUNNING'");
		jdbc.update("delete from test_crash");

		PayrollRun run = monthEnd.one(COUNTY, OCT, OCT.atDay(10), out, "fin1");

		assertThat(run.status()).isEqualTo(RunStatus.DRAFT);
		assertThat(run.revision()).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(distinct payment_key) from payment_line", Integer.class)).isEqualTo(30);
		assertThat(jdbc.queryForObject("select count(*) from payment_line", Integer.class)).isEqualTo(30);
		// the county's own job (the month's monthEndCountiesJob that ran it has executions of its own)
		assertThat(jdbc.queryForList("select e.status" + OF_MONTH_END_JOB + " order by e.job_execution_id", String.class))
			.containsExactly("FAILED", "COMPLETED");
	}

	@Test
	void linesAreWrittenWithTheirAmountsAndTiers() {
		PayrollRun run = monthEnd.one(COUNTY, OCT, OCT.atDay(10), out, "fin1");

		assertThat(jdbc.queryForList("select distinct category || '=' || amount from payment_line where run_id = ?"
				+ " order by 1", String.class, run.id())).containsExactly("80-89=100.00", "90-99=200.00");
	}
}
