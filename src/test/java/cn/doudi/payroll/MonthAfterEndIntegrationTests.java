package cn.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.matching.CheckData;
import cn.doudi.review.FindingReviews;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;

/**
 * The two defects of issue 10 end to end, month after month through month-end, release and approve: a held
 * month whose enrollment then ends is not back-paid while its evidence stands (and is after a dismissal);
 * a household whose gradual exit ended — also after a draft re-run of that month — covers nobody, so its
 * monitored poor member is a POVERTY_NOT_COVERED lead in the next run.
 */
@DoudiIntegrationTest
class MonthAfterEndIntegrationTests {

	static final String COUNTY = CheckData.ZY;
	/** 18 in 2026-12. */
	static final String GIRL = CheckData.id(COUNTY, "2008-11-15", 44);
	static final String HEAD = CheckData.id(COUNTY, "1970-02-03", 33);

	@Autowired
	PayrollRuns payroll;

	@Autowired
	MonthEnd monthEnd;

	@TempDir
	Path out;

	@Autowired
	FindingReviews reviews;

	@Autowired
	JdbcTemplate jdbc;

	CheckData data;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(jdbc);
		data = new CheckData(jdbc).counties(COUNTY)
			.user("fin1", "FINANCE", COUNTY)
			.user("fin2", "FINANCE", COUNTY)
			.user("mon1", "MONITOR", COUNTY);
	}

	void month(String m, boolean rerun) {
		YearMonth month = YearMonth.parse(m);
		if (rerun) {
			monthEnd.one(COUNTY, month, month.atDay(10), out.resolve(m), "fin1");
		}
		monthEnd.one(COUNTY, month, month.atDay(10), out.resolve(m), "fin1");
		payroll.release(COUNTY, month, "fin1");
		payroll.approve(COUNTY, month, "fin2");
	}

	/** {@code pay_month status arrears} of the approved run of the month. */
	List<String> lines(String m) {
		return jdbc.queryForList("""
				select l.pay_month || ' ' || l.status || ' ' || l.arrears from payment_line l join payroll_run r on r.id = l.run_id
				where r.month = ? and r.status = 'APPROVED' and l.program = 'ORPHAN' order by l.pay_month
				""", String.class, m);
	}

	List<String> findings(String code) {
		return jdbc.queryForList("select id_number || ' ' || status from finding where code = ? order by id", String.class,
				code);
	}

	@Test
	void heldMonthsAreNotBackPaidWhenTheEnrollmentThenEnds() {
		data.row("410102001001", "O1", GIRL, "李娃", "户主", "ORPHAN", "2026-01").death(GIRL, "李瓦", "2026-09-01");

		month("2026-10", false);
		month("2026-11", false);
		month("2026-12", false);

		assertThat(lines("2026-10")).containsExactly("2026-10 HELD false");
		assertThat(lines("2026-11")).containsExactly("2026-11 HELD false");
		assertThat(findings("NAME_MISMATCH")).containsExactly(GIRL + " RESOLVED");
		assertThat(lines("2026-12")).isEmpty();
	}

	@Test
	void theyAreBackPaidAfterADismissal() {
		data.row("410102001001", "O1", GIRL, "李娃", "户主", "ORPHAN", "2026-01").death(GIRL, "李瓦", "2026-09-01");
		month("2026-10", false);
		month("2026-11", false);
		long finding = jdbc.queryForObject("select id from finding where code = 'NAME_MISMATCH'", Long.class);
		reviews.dismiss("mon1", finding, "核实为同一人，死亡信息登记错误");

		month("2026-12", false);

		assertThat(lines("2026-12")).containsExactly("2026-10 PAY true", "2026-11 PAY true");
	}

	@Test
	void aHouseholdWhoseGradualExitEndedAfterADraftReRunCoversNobody() {
		data.standard(COUNTY, "PARAM", "渐退月数", "2026-01", "1")
			.row("410102001001", "D1", HEAD, "王五", "户主", "DIBAO_URBAN", "2026-01")
			.poverty("410102001001", "P1", HEAD, "王五", "未脱贫人口");
		month("2026-10", false);
		data.economic("D1", HEAD, "2026-11", 0, 0, false, false); // 900.00 for one: not below 790.00
		month("2026-11", false);
		month("2026-12", true); // the month the exit ends, computed twice before approval

		assertThat(jdbc.queryForList("""
				select e.reason || ' ' || r.status from enrollment_end e join payroll_run r on r.id = e.run_id order by r.id
				""", String.class)).containsExactly("GRADUAL_EXIT_END REPLACED", "GRADUAL_EXIT_END APPROVED");
		assertThat(findings("POVERTY_NOT_COVERED")).isEmpty();

		month("2027-01", false);

		assertThat(findings("POVERTY_NOT_COVERED")).containsExactly(HEAD + " OPEN");
		assertThat(findings("INCOME_ABOVE_STANDARD")).containsExactly(HEAD + " RESOLVED");
	}
}
