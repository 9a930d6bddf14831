package cn.doudi.matching;

import static cn.doudi.matching.CheckData.ZY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.matching.roster.RosterLoader;
import cn.doudi.matching.roster.RosterRecords;
import cn.doudi.payroll.MonthEnd;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.payroll.PayrollRuns;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;

/**
 * The checks in the month-end job: a planted NAME_MISMATCH and SHARED_ACCOUNT hold the lines they touch
 * (payments.csv reasons) and are listed in findings.csv; a rule finding the rules no longer raise is
 * RESOLVED by the next run; the silent-certification counts.
 */
@DoudiIntegrationTest
class CrossChecksMonthEndIntegrationTests {

	static final YearMonth OCT = YearMonth.of(2026, 10);
	static final YearMonth NOV = YearMonth.of(2026, 11);
	static final String ELDER = CheckData.id(ZY, "1940-03-02", 11);
	static final String YOUNG = CheckData.id(ZY, "1946-11-01", 12); // 79 in 2026-10, 80 in 2026-11
	static final String HEAD1 = CheckData.id(ZY, "1970-01-01", 21);
	static final String HEAD2 = CheckData.id(ZY, "1971-01-01", 22);
	static final String PAID = CheckData.id(ZY, "1942-01-01", 31);
	static final String ACCOUNT = "6217000010002008959";

	@Autowired
	PayrollRuns payroll;

	@Autowired
	MonthEnd monthEnd;

	@Autowired
	CrossChecks checks;

	@Autowired
	CheckHolds holds;

	@Autowired
	RosterLoader loader;

	@Autowired
	FindingLedger ledger;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path out;

	CheckData data;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(jdbc);
		data = new CheckData(jdbc).counties(ZY)
			.user("fin1", "FINANCE", ZY)
			.user("fin2", "FINANCE", ZY)
			.row("410102001001", "E1", ELDER, "杨桂英", "户主", "ELDERLY", "2026-01")
			.row("410102001001", "E2", YOUNG, "陈翠花", "户主", "ELDERLY", "2026-01")
			.row("410102001001", "E3", PAID, "李四", "户主", "ELDERLY", "2026-01")
			.row("410102001001", "D1", HEAD1, "徐万年", "户主", "DIBAO_URBAN", "2026-01", null, ACCOUNT)
			.row("410102001001", "D2", HEAD2, "李桂兰", "户主", "DIBAO_URBAN", "2026-01", null, ACCOUNT)
			.death(ELDER, "韩广才", "2026-09-20");
	}

	List<String> lines(PayrollRun run) {
		return jdbc.queryForList("""
				select program || ':' || id_number || ':' || status || ':' || reason from payment_line
				where run_id = ? order by program, id_number
				""", String.class, run.id());
	}

	@Test
	void checkFindingsHoldTheirLinesAndAreListed() throws Exception {
		PayrollRun oct = monthEnd.one(ZY, OCT, OCT.atDay(10), out, "fin1");

		assertThat(lines(oct)).containsExactly("DIBAO_URBAN:" + HEAD1 + ":HELD:SHARED_ACCOUNT",
				"DIBAO_URBAN:" + HEAD2 + ":HELD:SHARED_ACCOUNT", "ELDERLY:" + ELDER + ":HELD:NAME_MISMATCH",
				"ELDERLY:" + PAID + ":PAY:", "ELDERLY:" + YOUNG + ":HELD:AGE_INELIGIBLE");
		List<String> csv = Files.readAllLines(out.resolve("findings.csv"));
		assertThat(csv).hasSize(5);
		assertThat(csv.stream().map(l -> l.split(",")[1] + ":" + l.split(",")[3]).toList()).containsExactly("code:id_number",
				"AGE_INELIGIBLE:" + YOUNG, "NAME_MISMATCH:" + ELDER, "SHARED_ACCOUNT:" + HEAD1, "SHARED_ACCOUNT:" + HEAD2);
		CheckCounts counts = checks.countsFor(oct.id()).orElseThrow();
		assertThat(counts.checked()).isEqualTo(5);
		assertThat(counts.held()).isEqualTo(4);
		assertThat(counts.certifiedSilently()).isEqualTo(1);

		payroll.release(ZY, OCT, "fin1");
		payroll.approve(ZY, OCT, "fin2");
		PayrollRun nov = monthEnd.one(ZY, NOV, NOV.atDay(10), out.resolve("nov"), "fin1");

		assertThat(lines(nov)).contains("ELDERLY:" + YOUNG + ":PAY:");
		assertThat(jdbc.queryForObject("select status || ':' || closed_month from finding where code = 'AGE_INELIGIBLE'",
				String.class)).isEqualTo("RESOLVED:2026-11");
	}

	@Test
	void aRuleFindingIsNotRaisedTwiceWhenADraftIsReRun() {
		monthEnd.one(ZY, OCT, OCT.atDay(10), out, "fin1");
		monthEnd.one(ZY, OCT, OCT.atDay(10), out, "fin1");

		assertThat(jdbc.queryForList("select code || ':' || status from finding order by code, id", String.class))
			.containsExactly("AGE_INELIGIBLE:OPEN", "NAME_MISMATCH:OPEN", "SHARED_ACCOUNT:OPEN", "SHARED_ACCOUNT:OPEN");
	}

	/**
	 * Run M's HOLD conditions are read back from the findings its check step linked to the run: the same
	 * holds as evaluating the checks again — NAME_MISMATCH on every line of the person, SHARED_ACCOUNT on
	 * the account — and after a monitor dismisses one, neither way holds it.
	 */
	@Test
	void theRunsHoldsAreTheFindingsItsCheckStepLinked() {
		PayrollRun oct = monthEnd.one(ZY, OCT, OCT.atDay(10), out, "fin1");

		List<String> readBack = describe(holds.forRun(oct.id(), ZY, OCT, List.of(OCT)).forMonth(OCT));
		assertThat(readBack).containsExactly("NAME_MISMATCH:" + ELDER + ":every line:null",
				"SHARED_ACCOUNT:" + HEAD1 + ":account:" + ACCOUNT, "SHARED_ACCOUNT:" + HEAD2 + ":account:" + ACCOUNT);
		assertThat(readBack).isEqualTo(describe(holds.forMonths(ZY, List.of(OCT)).forMonth(OCT)));

		long shared = jdbc.queryForObject("select id from finding where code = 'SHARED_ACCOUNT' and id_number = ?",
				Long.class, HEAD2);
		ledger.decide(shared, FindingLedger.Decision.DISMISS);

		List<String> afterDismissal = describe(holds.forRun(oct.id(), ZY, OCT, List.of(OCT)).forMonth(OCT));
		assertThat(afterDismissal).containsExactly("NAME_MISMATCH:" + ELDER + ":every line:null",
				"SHARED_ACCOUNT:" + HEAD1 + ":account:" + ACCOUNT);
		assertThat(afterDismissal).isEqualTo(describe(holds.forMonths(ZY, List.of(OCT)).forMonth(OCT)));
	}

	/**
	 * The checks take a household from the county's loaded roster instead of reading it again: the same rows,
	 * and the death months matched by that household's own names. 王小芳 died in August (the death record
	 * names her so); on her other household she is 王芳, which matches no death record, so that household
	 * alone still covers her in October.
	 */
	@Test
	void aHouseholdTakenFromTheLoadedRosterIsTheHouseholdReadOnItsOwn() {
		String person = CheckData.id(CheckData.ZM, "1950-05-05", 41);
		data.counties(CheckData.ZM)
			.row("410122001001", "M1", person, "王芳", "户主", "ELDERLY", "2026-01")
			.row("410122001001", "M2", person, "王小芳", "户主", "DISABILITY_LIVING", "2026-01")
			.death(person, "王小芳", "2026-08-15");

		RosterRecords county = loader.load("select household_id from current_beneficiary where county = ?", CheckData.ZM);
		RosterRecords taken = county.of(List.of("M1"));
		RosterRecords read = loader.loadHouseholds(List.of("M1"));

		assertThat(county.in(OCT).enrollments()).isEmpty();
		assertThat(taken.rows()).hasSize(1).isEqualTo(read.rows());
		assertThat(taken.in(OCT).enrollments()).hasSize(1).isEqualTo(read.in(OCT).enrollments());
		assertThat(county.holds(List.of("M1", "M2"))).isTrue();
		assertThat(taken.holds(List.of("M2"))).isFalse();
	}

	/**
	 * Households taken from the loaded roster are active as when read on their own. 王芳's household (M1) alone
	 * does not give her the death month the whole roster gives her (her other name matches the death record): its
	 * answer is worked out anew. 赵二 (of the 低保 household M3) is dead for October under the name both give him,
	 * and 孙三's household (M4) has no death: theirs is the loaded roster's answer restricted to them.
	 */
	@Test
	void householdsTakenFromTheLoadedRosterAreActiveAsWhenReadOnTheirOwn() {
		String person = CheckData.id(CheckData.ZM, "1950-05-05", 41);
		String head = CheckData.id(CheckData.ZM, "1960-02-02", 42);
		String son = CheckData.id(CheckData.ZM, "1985-03-03", 43);
		String wife = CheckData.id(CheckData.ZM, "1962-04-04", 44);
		String elder = CheckData.id(CheckData.ZM, "1944-06-06", 45);
		data.counties(CheckData.ZM)
			.row("410122001001", "M1", person, "王芳", "户主", "ELDERLY", "2026-01")
			.row("410122001001", "M2", person, "王小芳", "户主", "DISABILITY_LIVING", "2026-01")
			.row("410122001001", "M3", head, "赵大", "户主", "DIBAO_RURAL", "2026-01")
			.row("410122001001", "M3", son, "赵二", "子女", "DIBAO_RURAL", "2026-01")
			.row("410122001001", "M3", wife, "钱花", "配偶", "DIBAO_RURAL", "2026-01")
			.row("410122001001", "M4", elder, "孙三", "户主", "ELDERLY", "2026-01")
			.death(person, "王小芳", "2026-08-15")
			.death(son, "赵二", "2026-07-01");

		RosterRecords county = loader.load("select household_id from current_beneficiary where county = ?", CheckData.ZM);
		assertThat(county.in(OCT).enrollments()).extracting(e -> e.name()).containsExactly("赵大", "钱花", "孙三");

		for (List<String> some : List.of(List.of("M1"), List.of("M3"), List.of("M4", "M3"), List.of("M1", "M4"))) {
			RosterRecords read = loader.loadHouseholds(some);
			RosterRecords.Active expected = new RosterRecords.Active(read.in(OCT).households(), read.in(OCT).enrollments());
			assertThat(county.of(some).active(OCT)).as(some.toString()).isEqualTo(expected);
		}
		assertThat(county.of(List.of("M1")).active(OCT).enrollments()).extracting(e -> e.name()).containsExactly("王芳");
		assertThat(county.of(List.of("M4", "M3")).active(OCT).households()).hasSize(1);
	}

	private static List<String> describe(List<cn.doudi.allowance.CheckHold> list) {
		return list.stream()
			.map(h -> h.code() + ":" + h.idNumber() + ":" + (h.everyLineOfPerson() ? "every line" : "account") + ":"
					+ h.accountNumber() + (h.programs().isEmpty() ? "" : ":" + h.programs())
					+ (h.householdId() == null ? "" : ":" + h.householdId()))
			.toList();
	}
}
