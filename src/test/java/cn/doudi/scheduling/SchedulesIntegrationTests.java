package cn.doudi.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import cn.doudi.payroll.MonthEnd;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.JobsFolderTest;
import cn.doudi.support.TestData;

/** Schedules from files, in Quartz's JDBC store, run by hand and fired by Quartz. */
class SchedulesIntegrationTests extends JobsFolderTest {

	static final String COUNTY = "410102";

	@Autowired
	Schedules schedules;

	@Autowired
	Scheduler scheduler;

	@Autowired
	JdbcTemplate jdbc;

	Path out;

	@BeforeEach
	void setUp() throws IOException {
		DatabaseCleaner.clean(jdbc);
		FileSystemUtils.deleteRecursively(JOBS.resolve("schedules"));
		Files.createDirectories(JOBS.resolve("schedules"));
		out = Files.createTempDirectory("doudi-scheduled-out");
		TestData data = new TestData(jdbc).standard(COUNTY, "ELDERLY", "80-89", "2026-01", "100.00")
			.user("scheduler", "FINANCE", null);
		data.beneficiary("410102001001", "H1", TestData.id(COUNTY, "1940-03-02", 11), "老人", "户主", "ELDERLY", null, null,
				"2026-01", null);
	}

	@AfterEach
	void stopScheduler() throws SchedulerException, IOException, InterruptedException {
		scheduler.standby();
		// a firing still running (a second one waits for the county's lock, then is refused) ends before the
		// next test cleans the tables, so that its audit event does not land in the next test
		long until = System.currentTimeMillis() + 60_000;
		while (!scheduler.getCurrentlyExecutingJobs().isEmpty() && System.currentTimeMillis() < until) {
			Thread.sleep(100);
		}
		scheduler.clear();
		FileSystemUtils.deleteRecursively(out);
	}

	void schedule(String name, String yaml) throws IOException {
		Files.writeString(JOBS.resolve("schedules").resolve(name + ".yml"), yaml);
	}

	@Test
	void runningAScheduleByHandComputesTheMonthWritesItsFilesAndAudits() throws IOException {
		schedule("monthly", """
				cron: "0 0 2 25 * ?"
				counties: [410102]
				out: %s/{month}
				user: scheduler
				""".formatted(out));

		MonthEnd.Report report = schedules.runNow("monthly", YearMonth.of(2026, 10));

		assertThat(report.runs()).extracting(r -> r.batchNo()).containsExactly("410102-202610-01");
		assertThat(report.refused()).isEmpty();
		assertThat(out.resolve("2026-10/payments.csv")).content().contains("410102,410102001001,ELDERLY,80-89,H1,")
			.contains(",100.00,PAY,");
		assertThat(jdbc.queryForObject("select out_dir from payroll_run where batch_no = '410102-202610-01'", String.class))
			.isEqualTo(out.resolve("2026-10").toAbsolutePath().toString());
		assertThat(jdbc.queryForList("select actor || ' ' || action || ' ' || subject from audit_event where action = 'SCHEDULE'",
				String.class)).containsExactly("scheduler SCHEDULE 410102-202610-01");

		assertThatThrownBy(() -> schedules.runNow("nonesuch", null)).hasMessageContaining("没有名为 nonesuch 的计划");
	}

	@Test
	void aRefusedCountyIsReportedAndAudited() throws IOException {
		jdbc.update("update app_user set county = '410103' where name = 'scheduler'");
		schedule("monthly", """
				cron: "0 0 2 25 * ?"
				out: %s/{month}
				user: scheduler
				""".formatted(out));

		MonthEnd.Report report = schedules.runNow("monthly", YearMonth.of(2026, 10));

		assertThat(report.runs()).isEmpty();
		assertThat(report.refused()).containsOnlyKeys(COUNTY);
		assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'SCHEDULE' and county = ?",
				Integer.class, COUNTY)).isEqualTo(1);
		assertThat(Files.exists(out.resolve("2026-10"))).isFalse();
	}

	@Test
	void synchronisingPutsTheEnabledSchedulesIntoQuartzAndTakesOutTheRest() throws IOException {
		schedule("monthly", "cron: \"0 0 2 25 * ?\"\nout: o/{month}\nuser: scheduler\n");
		schedule("paused", "cron: \"0 0 3 25 * ?\"\nout: o/{month}\nuser: scheduler\nenabled: false\n");

		assertThat(schedules.synchronise()).containsExactly("monthly");
		assertThat(jdbc.queryForList("select trigger_name || ' ' || cron_expression || ' ' || time_zone_id from qrtz_cron_triggers",
				String.class)).containsExactly("monthly 0 0 2 25 * ? Asia/Shanghai");

		schedule("monthly", "cron: \"0 30 1 24 * ?\"\nout: o/{month}\nuser: scheduler\n");
		schedules.synchronise();
		assertThat(jdbc.queryForList("select cron_expression from qrtz_cron_triggers", String.class))
			.containsExactly("0 30 1 24 * ?");

		Files.delete(JOBS.resolve("schedules/monthly.yml"));
		assertThat(schedules.synchronise()).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from qrtz_triggers", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from qrtz_job_details", Integer.class)).isZero();

		assertThat(schedules.list(ZonedDateTime.parse("2026-11-22T12:00:00+08:00[Asia/Shanghai]"), 2))
			.singleElement()
			.satisfies(l -> assertThat(l.next()).isEmpty());
	}

	@Test
	void listGivesTheNextFiringsInTheSchedulesZone() throws IOException {
		schedule("monthly", "cron: \"0 0 2 25 * ?\"\nout: o/{month}\nuser: scheduler\n");

		var listed = schedules.list(ZonedDateTime.parse("2026-11-25T03:00:00+08:00[Asia/Shanghai]"), 2);

		assertThat(listed).singleElement()
			.satisfies(l -> assertThat(l.next()).extracting(ZonedDateTime::toString)
				.containsExactly("2026-12-25T02:00+08:00[Asia/Shanghai]", "2027-01-25T02:00+08:00[Asia/Shanghai]"));
	}

	@Test
	void quartzFiresTheScheduleAndTheMonthEndRuns() throws Exception {
		schedule("every-second", """
				cron: "* * * * * ?"
				month: current
				counties: [410102]
				out: %s/{month}
				user: scheduler
				""".formatted(out));

		schedules.start();
		long until = System.currentTimeMillis() + 30_000;
		Integer runs = 0;
		while (System.currentTimeMillis() < until
				&& (runs = jdbc.queryForObject("select count(*) from payroll_run where status = 'DRAFT'", Integer.class)) == 0) {
			Thread.sleep(200);
		}
		scheduler.standby();

		assertThat(runs).as("a DRAFT run computed by the fired schedule").isEqualTo(1);
		assertThat(jdbc.queryForObject("select created_by from payroll_run where status = 'DRAFT'", String.class))
			.isEqualTo("scheduler");
	}
}
