package cn.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.nio.file.Path;
import java.time.YearMonth;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;
import cn.doudi.support.TestData;

/**
 * RULES.md TEMP_ASSIST: "No line when the person is dead for that month" — also for a case whose person
 * is on no roster (INPUTS.md: a case need not be), with the death matched by ID and the case's name.
 */
@DoudiIntegrationTest
class TempAssistDeathsIntegrationTests {

	static final String COUNTY = "410102";
	static final YearMonth DEC = YearMonth.of(2026, 12);
	static final String ALIVE = TestData.id(COUNTY, "1972-02-02", 21);
	static final String DEAD = TestData.id(COUNTY, "1955-05-05", 31);
	static final String OTHER_NAME = TestData.id(COUNTY, "1960-06-06", 41);
	static final String DIED_IN_MONTH = TestData.id(COUNTY, "1950-01-01", 51);

	@Autowired
	PayrollRuns payroll;

	@Autowired
	MonthEnd monthEnd;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path out;

	long importId;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(jdbc);
		new TestData(jdbc).standard(COUNTY, "ELDERLY", "80-89", "2026-01", "100.00").user("fin1", "FINANCE", COUNTY);
		importId = jdbc.queryForObject("""
				insert into import_batch (source, content_hash, file_names, status, imported_by, started_at)
				values ('temp-assist', repeat('7', 64), 'cases.csv', 'COMMITTED', 'test', now()) returning id""", Long.class);
		kase("T1", ALIVE, "钱二");
		kase("T2", DEAD, "陈十一");
		kase("T3", OTHER_NAME, "孙五");
		kase("T4", DIED_IN_MONTH, "周六");
		death(DEAD, "陈十一", "2026-11-05");       // dead for December
		death(OTHER_NAME, "孙武", "2026-11-05");   // another person's name: no match, the case is paid
		death(DIED_IN_MONTH, "周六", "2026-12-03"); // the month of death is paid in full
	}

	void kase(String caseNo, String id, String name) {
		jdbc.update("""
				insert into temp_assist (import_id, file_name, row_no, region_code, county, household_id, id_number, name,
				  case_no, approval_month, amount, cause, bank, account_number, account_name)
				values (?, 'cases.csv', 2, '410102001005', ?, ?, ?, ?, ?, '2026-12', 1000.00, '重病', 'ICBC', ?, ?)""",
				importId, COUNTY, "H" + caseNo, id, name, caseNo, "62122600000000" + id.substring(12, 17), name);
	}

	void death(String id, String name, String date) {
		jdbc.update("""
				insert into death (import_id, file_name, row_no, id_number, id_valid, name, death_date, origin)
				values (?, 'deaths.csv', 2, ?, true, ?, ?, '公安')""", importId, id, name, Date.valueOf(date));
	}

	@Test
	void noCaseIsPaidForAPersonDeadForTheMonthEvenOffTheRoster() {
		PayrollRun run = monthEnd.one(COUNTY, DEC, DEC.atDay(10), out, "fin1");

		assertThat(jdbc.queryForList("""
				select household_id || ':' || status || ':' || amount from payment_line
				where run_id = ? and program = 'TEMP_ASSIST' order by household_id""", String.class, run.id()))
			.containsExactly("HT1:PAY:1000.00", "HT3:PAY:1000.00", "HT4:PAY:1000.00");
	}
}
