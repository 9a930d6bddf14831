package cn.doudi.matching.checks;

import static cn.doudi.allowance.Fixtures.head;
import static cn.doudi.allowance.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import cn.doudi.allowance.DibaoPhase;
import cn.doudi.allowance.EnrollmentEnded;
import cn.doudi.allowance.Fixtures;
import cn.doudi.allowance.MonthRules;
import cn.doudi.allowance.RosterRow;
import cn.doudi.allowance.Settlement;
import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.PaymentKey;
import cn.doudi.kernel.Program;
import cn.doudi.kernel.StopReason;
import cn.doudi.matching.RaisedFinding;
import cn.doudi.matching.roster.RosterRecords;

/**
 * POVERTY_NOT_COVERED's decision, without a database: an enrollment ended by rule covers nobody, so a
 * monitored poor person whose household's gradual exit ended is a lead in the next run.
 */
class PovertyNotCoveredDecisionTests {

	static final String HEAD = id("19700203", 33);
	static final YearMonth NOV = YearMonth.of(2026, 11);
	static final YearMonth DEC = YearMonth.of(2026, 12);
	static final YearMonth JAN = YearMonth.of(2027, 1);

	final PovertyNotCoveredCheck check = new PovertyNotCoveredCheck();

	static PovertyNotCoveredCheck.Records records(List<RosterRow> rows, Map<PaymentKey, SortedSet<YearMonth>> ends) {
		return new PovertyNotCoveredCheck.Records(
				List.of(new PovertyNotCoveredCheck.Poor(HEAD, "王五", "P1", new TreeSet<>(Set.of("脱贫监测人口")))),
				new RosterRecords(rows, Map.of(), Map.of(Fixtures.COUNTY, ends)), Map.of());
	}

	@Test
	void aPersonWhoseGradualExitEndedIsALeadInTheNextRun() {
		// 渐退 K = 1: November was exit month 1 (frozen 490.00), December is month K+1 — no line, the enrollment ends
		Fixtures.Inputs december = Fixtures.month("2026-12")
			.standard(Program.DIBAO_URBAN, "标准", "790.00")
			.standard("PARAM", "渐退月数", "2020-01", "1")
			.add(head(Program.DIBAO_URBAN, "D1", HEAD, "900.00"))
			.previous(Program.DIBAO_URBAN, "D1", DibaoPhase.GRADUAL_EXIT, "490.00", "490.00", 1);
		Settlement settled = new MonthRules().settle(december.settleInputs(), december.history());
		assertThat(settled.ends()).extracting(EnrollmentEnded::reason).containsExactly(StopReason.GRADUAL_EXIT_END);

		// the run history now holds December's end: January's check sees the enrollment ended
		Map<PaymentKey, SortedSet<YearMonth>> ends = new TreeMap<>();
		settled.ends().forEach(e -> ends.computeIfAbsent(e.key(), k -> new TreeSet<>()).add(e.endedMonth()));
		List<RosterRow> roster = List.of(head(Program.DIBAO_URBAN, "D1", HEAD, "900.00").build());

		List<RaisedFinding> january = check.decide(records(roster, ends), new CheckMonth(Fixtures.COUNTY, JAN));
		List<RaisedFinding> november = check.decide(records(roster, ends), new CheckMonth(Fixtures.COUNTY, NOV));

		assertThat(january).singleElement().satisfies(f -> {
			assertThat(f.code()).isEqualTo(FindingCode.POVERTY_NOT_COVERED);
			assertThat(f.idNumber()).isEqualTo(HEAD);
			assertThat(f.detail()).contains("脱贫监测人口", "应保尽保");
		});
		assertThat(november).isEmpty();
	}

	@Test
	void aCoveredTekunOrDibaoMemberIsNoLeadAndNeitherIsTheDead() {
		List<RosterRow> tekun = List.of(Fixtures.row(Program.TEKUN, "T1", HEAD).category("全自理").build());
		PovertyNotCoveredCheck.Records dead = new PovertyNotCoveredCheck.Records(records(List.of(), Map.of()).poor(),
				new RosterRecords(List.of(), Map.of(), Map.of()), Map.of(HEAD, YearMonth.of(2026, 10)));

		assertThat(check.decide(records(tekun, Map.of()), new CheckMonth(Fixtures.COUNTY, JAN))).isEmpty();
		assertThat(check.decide(dead, new CheckMonth(Fixtures.COUNTY, JAN))).isEmpty();
		assertThat(check.decide(records(List.of(), Map.of()), new CheckMonth(Fixtures.COUNTY, JAN))).hasSize(1);
	}

	@Test
	void anElderlyAllowanceCoversNothing() {
		List<RosterRow> elderly = List.of(Fixtures.row(Program.ELDERLY, "E1", HEAD).build());
		assertThat(check.decide(records(elderly, Map.of()), new CheckMonth(Fixtures.COUNTY, DEC))).hasSize(1);
	}

}
