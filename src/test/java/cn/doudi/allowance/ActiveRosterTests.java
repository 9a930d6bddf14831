package cn.doudi.allowance;

import static cn.doudi.allowance.Fixtures.head;
import static cn.doudi.allowance.Fixtures.id;
import static cn.doudi.allowance.Fixtures.member;
import static cn.doudi.allowance.Fixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import cn.doudi.kernel.PaymentKey;
import cn.doudi.kernel.Program;

/** RULES.md "Enrollment": who is active in M — for the rules and for every check that asks "covered". */
class ActiveRosterTests {

	static final String HEAD = id("19700101", 13);
	static final String CHILD = id("20100101", 14);
	static final String GIRL = id("20081115", 44);
	static final YearMonth DEC = YearMonth.of(2026, 12);
	static final YearMonth JAN = YearMonth.of(2027, 1);

	static ActiveRoster.RuleEnds ended(Program program, String household, String idNumber, YearMonth month) {
		SortedSet<YearMonth> months = new TreeSet<>(List.of(month));
		return ActiveRoster.RuleEnds.of(Map.of(Fixtures.COUNTY, Map.of(PaymentKey.of(program, household, idNumber), months)));
	}

	static List<RosterRow> household(String headStart) {
		return List.of(head(Program.DIBAO_URBAN, "H1", HEAD, "300.00").start(headStart).build(),
				member(Program.DIBAO_URBAN, "H1", CHILD, "300.00").build());
	}

	@Test
	void aHouseholdWhoseGradualExitEndedCoversNobody() {
		ActiveRoster.RuleEnds ends = ended(Program.DIBAO_URBAN, "H1", null, DEC);

		ActiveRoster december = new ActiveRoster(DEC, household("2020-01"), Map.of(), ends);
		ActiveRoster january = new ActiveRoster(JAN, household("2020-01"), Map.of(), ends);

		// the end counts from the month after it (run M's own end is written by run M)
		assertThat(december.households()).extracting(ActiveRoster.Household::memberIds).containsExactly(List.of(HEAD, CHILD));
		assertThat(january.households()).isEmpty();
		assertThat(january.enrollments()).isEmpty();
	}

	@Test
	void aHeadRowStartingAfterTheEndIsANewApplication() {
		ActiveRoster january = new ActiveRoster(JAN, household("2027-01"), Map.of(),
				ended(Program.DIBAO_URBAN, "H1", null, DEC));

		assertThat(january.enrollments()).extracting(ActiveRoster.Enrollment::idNumber).containsExactly(HEAD, CHILD);
	}

	@Test
	void anOrphanOf18IsNoLongerEnrolledButHerRowStillCountsForTheRule() {
		RosterRow girl = row(Program.ORPHAN, "O1", GIRL).category("散居").build();
		ActiveRoster december = new ActiveRoster(DEC, List.of(girl), Map.of(), ActiveRoster.RuleEnds.NONE);

		assertThat(december.enrollments()).isEmpty();
		assertThat(december.activeRows(Program.ORPHAN)).containsExactly(girl);
		assertThat(ActiveRoster.agedOut(girl, DEC)).isTrue();
		assertThat(ActiveRoster.firstMonthAged(GIRL, 18)).isEqualTo(DEC);
	}

	@Test
	void theDeadAreNotCovered() {
		ActiveRoster december = new ActiveRoster(DEC, household("2020-01"), Map.of(CHILD, YearMonth.of(2026, 11)),
				ActiveRoster.RuleEnds.NONE);

		assertThat(december.households()).singleElement().satisfies(h -> assertThat(h.n()).isEqualTo(1));
	}
}
