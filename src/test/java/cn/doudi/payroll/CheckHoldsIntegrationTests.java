package cn.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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
 * The hook the cross-agency checks plug into: an open HOLD finding holds the lines it touches (CHECKS.md)
 * and is listed in the run's findings.csv; a dismissed one no longer holds.
 */
@DoudiIntegrationTest
class CheckHoldsIntegrationTests {

	static final String COUNTY = "410102";
	static final YearMonth OCT = YearMonth.of(2026, 10);
	static final String ELDER = TestData.id(COUNTY, "1940-03-02", 11);
	static final String OTHER = TestData.id(COUNTY, "1941-04-03", 12);

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
			.user("fin1", "FINANCE", COUNTY)
			.beneficiary("410102001001", "E1", ELDER, "张三", "户主", "ELDERLY", null, null, "2026-01", null)
			.beneficiary("410102001001", "E2", OTHER, "李四", "户主", "ELDERLY", null, null, "2026-01", null);
	}

	void finding(String code, String status) {
		jdbc.update("""
				insert into finding (code, effect, county, id_number, name, programs, detail, status, first_month, last_month)
				values (?, 'HOLD', ?, ?, '张三', '', '死亡信息姓名不一致', ?, '2026-10', '2026-10')
				""", code, COUNTY, ELDER, status);
	}

	/** A death record with ELDER's ID under another name: the check step raises NAME_MISMATCH. */
	void deathRecordUnderAnotherName() {
		long importId = jdbc.queryForObject("""
				insert into import_batch (source, content_hash, file_names, status, imported_by, started_at)
				values ('deaths', repeat('1', 64), 'deaths.csv', 'COMMITTED', 'test', now()) returning id
				""", Long.class);
		jdbc.update("""
				insert into death (import_id, file_name, row_no, id_number, id_valid, name, death_date)
				values (?, 'deaths.csv', 2, ?, true, '韩广才', date '2026-09-05')
				""", importId, ELDER);
	}

	@Test
	void anOpenNameMismatchHoldsEveryLineOfThePersonAndIsListed() throws Exception {
		deathRecordUnderAnotherName();

		monthEnd.one(COUNTY, OCT, OCT.atDay(10), out, "fin1");

		assertThat(jdbc.queryForList("select id_number || ':' || status || ':' || reason from payment_line order by id_number",
				String.class)).containsExactly(ELDER + ":HELD:NAME_MISMATCH", OTHER + ":PAY:");
		assertThat(Files.readAllLines(out.resolve("findings.csv"))).hasSize(2)
			.last()
			.asString()
			.startsWith("410102,NAME_MISMATCH,HOLD," + ELDER + ",张三,");
	}

	@Test
	void aDismissedFindingNoLongerHolds() {
		finding("NAME_MISMATCH", "DISMISSED");

		monthEnd.one(COUNTY, OCT, OCT.atDay(10), out, "fin1");

		assertThat(jdbc.queryForList("select distinct status from payment_line", String.class)).containsExactly("PAY");
	}
}
