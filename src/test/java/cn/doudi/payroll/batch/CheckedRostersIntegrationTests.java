package cn.doudi.payroll.batch;

import static cn.doudi.matching.CheckData.ZM;
import static cn.doudi.matching.CheckData.ZY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.allowance.CountyRecords;
import cn.doudi.allowance.RosterRow;
import cn.doudi.matching.CheckData;
import cn.doudi.matching.CountyRoster;
import cn.doudi.matching.CrossChecks;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;

/**
 * The county's roster rows handed from the check step to the load of the same run ({@link CheckedRosters}): they
 * are the rows the load reads from the database, in its order; the load takes them once, only while nothing they
 * came from changed, and never after the job that held them ended (a restarted job computes from the database).
 */
@DoudiIntegrationTest
class CheckedRostersIntegrationTests {

	static final YearMonth M = YearMonth.of(2026, 10);
	static final String ZHANG = CheckData.id(ZM, "1940-02-03", 209);
	static final String WIFE = CheckData.id(ZM, "1942-05-06", 210);
	static final String XU = CheckData.id(ZM, "1966-01-02", 935);
	static final String LI = CheckData.id(ZY, "1968-03-04", 254);
	static final String WANG = CheckData.id(ZY, "1950-07-08", 371);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CrossChecks checks;

	@Autowired
	CheckedRosters rosters;

	@Autowired
	MonthInputsLoader loader;

	CheckData data;

	long runId;

	@BeforeEach
	void twoCountiesSharingAPerson() {
		DatabaseCleaner.clean(jdbc);
		// ZY's rows are listed out of the load's order (program, household, ID, row), and 张跃进 is on both rosters
		data = new CheckData(jdbc).counties(ZY, ZM)
			.row("410102001001", "H2", WANG, "王建国", "户主", "ELDERLY", "2024-01")
			.row("410102001001", "H1", LI, "李桂兰", "户主", "ELDERLY", "2024-01")
			.row("410102001001", "E1", ZHANG, "张跃进", "户主", "ELDERLY", "2026-08")
			.row("410102001001", "D9", LI, "李桂兰", "户主", "DIBAO_URBAN", "2025-03")
			.row("410122201001", "D1", ZHANG, "张跃进", "户主", "DIBAO_RURAL", "2018-06")
			.row("410122201001", "D1", WIFE, "王秀兰", "配偶", "DIBAO_RURAL", "2018-06")
			.row("410122201001", "H1", XU, "徐万年", "户主", "DIBAO_RURAL", "2024-01");
		runId = data.run(ZY, M);
	}

	@Test
	void theLoadTakesTheRowsTheCheckStepReadWhichAreTheRowsItReads() {
		List<RosterRow> fromTheDatabase = roster(); // nothing held: read
		List<CountyRoster> offered = new ArrayList<>();

		checks.check(ZY, M, runId, roster -> {
			offered.add(roster);
			rosters.offer(runId, roster);
		});

		assertThat(offered).singleElement().satisfies(r -> {
			assertThat(r.county()).isEqualTo(ZY);
			assertThat(r.rows()).isEqualTo(fromTheDatabase); // every row of the county, in the load's order
		});
		assertThat(fromTheDatabase).extracting(r -> r.program() + ":" + r.householdId()).containsExactly(
				"DIBAO_URBAN:D9", "ELDERLY:E1", "ELDERLY:H1", "ELDERLY:H2");
		List<RosterRow> taken = roster();
		assertThat(taken).isEqualTo(fromTheDatabase);
		for (int i = 0; i < taken.size(); i++) {
			assertThat(taken.get(i)).isSameAs(offered.get(0).rows().get(i)); // the held rows themselves
		}
		List<RosterRow> again = roster(); // taken once: read
		assertThat(again).isEqualTo(fromTheDatabase);
		assertThat(again.get(0)).isNotSameAs(taken.get(0));
	}

	@Test
	void aRosterChangedSinceTheCheckStepIsReadFromTheDatabase() {
		checks.check(ZY, M, runId, roster -> rosters.offer(runId, roster));
		// e.g. the partition crashed and runs again after a row was written into ZY's current upload
		data.row("410102001001", "H1", WIFE, "王秀兰", "其他", "ELDERLY", "2026-08");

		assertThat(roster()).extracting(RosterRow::idNumber).contains(WIFE).hasSize(5);
	}

	@Test
	void aJobThatEndedHoldsNothingForTheRestartedJob() {
		List<CountyRoster> offered = new ArrayList<>();
		checks.check(ZY, M, runId, roster -> {
			offered.add(roster);
			rosters.offer(runId, roster);
		});

		// the county's job failed (say in its compute step, before the load): its rows are dropped
		rosters.afterJob(new JobExecution(1L, new JobInstance(1L, MonthEndJobConfiguration.JOB_NAME),
				new JobParametersBuilder().addLong("runId", runId).toJobParameters()));

		List<RosterRow> restarted = roster();
		assertThat(restarted).isEqualTo(offered.get(0).rows());
		assertThat(restarted.get(0)).isNotSameAs(offered.get(0).rows().get(0));
	}

	@Test
	void rowsHeldForAnotherCountyAreNotTaken() {
		List<CountyRoster> offered = new ArrayList<>();
		checks.check(ZM, M, data.run(ZM, M), offered::add);
		rosters.offer(runId, offered.get(0)); // never so in a job: a run is one county's

		assertThat(roster()).extracting(RosterRow::county).containsOnly(ZY);
	}

	@Test
	void theLoadTakesTheCertificatesAndDeathMonthsTheCheckStepMatchedWhichAreTheOnesItReads() {
		data.certificate(LI, "李桂兰", 1, 2, true).death(WANG, "王建国", "2026-09-15");
		CountyRecords fromTheDatabase = records(); // nothing held: read

		checks.check(ZY, M, runId, roster -> rosters.offer(runId, roster));
		CountyRecords taken = records();

		assertThat(taken.deathMonths()).isEqualTo(fromTheDatabase.deathMonths())
			.containsEntry(WANG, YearMonth.of(2026, 9));
		assertThat(taken.certificates()).isEqualTo(fromTheDatabase.certificates()).containsKey(LI);
	}

	@Test
	void aDeathOrCertificateWrittenSinceTheCheckStepIsReadFromTheDatabase() {
		checks.check(ZY, M, runId, roster -> rosters.offer(runId, roster));
		// registered between the check step and the load (another upload committed meanwhile)
		data.death(WANG, "王建国", "2026-09-15").certificate(LI, "李桂兰", 1, 2, true);

		CountyRecords records = records();
		assertThat(records.deathMonths()).containsEntry(WANG, YearMonth.of(2026, 9));
		assertThat(records.certificates()).containsKey(LI);
	}

	@Test
	void aDeathAloneWrittenSinceTheCheckStepIsReadFromTheDatabase() {
		checks.check(ZY, M, runId, roster -> rosters.offer(runId, roster));
		data.death(WANG, "王建国", "2026-09-15"); // the death table's change count, not the roster's

		assertThat(records().deathMonths()).containsEntry(WANG, YearMonth.of(2026, 9));
	}

	private CountyRecords records() {
		return loader.load(runId, ZY, M).inputs().records();
	}

	private List<RosterRow> roster() {
		return loader.load(runId, ZY, M).inputs().records().roster();
	}
}
