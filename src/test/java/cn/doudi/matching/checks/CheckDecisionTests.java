package cn.doudi.matching.checks;

import static cn.doudi.allowance.Fixtures.head;
import static cn.doudi.allowance.Fixtures.id;
import static cn.doudi.allowance.Fixtures.member;
import static cn.doudi.allowance.Fixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import cn.doudi.allowance.Fixtures;
import cn.doudi.allowance.RosterRow;
import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Program;
import cn.doudi.matching.RaisedFinding;
import cn.doudi.matching.roster.RosterRecords;

/**
 * The checks' decisions over their records, month by month, without a database (their queries are
 * tested against PostgreSQL in the checks' integration tests). Each decides for one county and month
 * what CHECKS.md's catalogue says, with today's records.
 */
class CheckDecisionTests {

	static final String ZY = Fixtures.COUNTY;
	static final YearMonth SEP = YearMonth.of(2026, 9);
	static final YearMonth OCT = YearMonth.of(2026, 10);
	static final YearMonth NOV = YearMonth.of(2026, 11);
	static final YearMonth DEC = YearMonth.of(2026, 12);
	static final String OLD = id("19400302", 11);
	static final String HEAD = id("19700101", 13);
	static final String WIFE = id("19720101", 14);

	static RosterRecords roster(RosterRow... rows) {
		return new RosterRecords(List.of(rows), Map.of(), Map.of());
	}

	static CheckMonth in(YearMonth month) {
		return new CheckMonth(ZY, month);
	}

	static List<String> people(List<RaisedFinding> findings) {
		return findings.stream().map(RaisedFinding::idNumber).toList();
	}

	@Nested
	class NameMismatch {

		final NameMismatchCheck check = new NameMismatchCheck();

		NameMismatchCheck.Records records(String deathName) {
			return new NameMismatchCheck.Records(
					roster(row(Program.ELDERLY, "E1", OLD).name("刘桂英").end("2026-10").build()),
					List.of(new NameMismatchCheck.Other(OLD, "死亡信息", deathName, "2026-09-05")));
		}

		@Test
		void anotherNameForTheSameIdHoldsWhileTheRowIsActive() {
			List<RaisedFinding> oct = check.decide(records("韩广才"), in(OCT));

			assertThat(oct).singleElement().satisfies(f -> {
				assertThat(f.code()).isEqualTo(FindingCode.NAME_MISMATCH);
				assertThat(f.programs()).containsExactly(Program.ELDERLY);
				assertThat(f.detail()).contains("韩广才", "刘桂英");
			});
			// November: the row ended in October — raised only for people with an active row in M
			assertThat(check.decide(records("韩广才"), in(NOV))).isEmpty();
		}

		@Test
		void traditionalAndSimplifiedAreTheSameName() {
			assertThat(check.decide(records("劉桂英"), in(OCT))).isEmpty();
		}
	}

	@Nested
	class DeathProbable {

		final DeathProbableCheck check = new DeathProbableCheck();

		DeathProbableCheck.Records records(String deathId, String name, String date) {
			OneEditIndex<DeathProbableCheck.Death> index = new OneEditIndex<>();
			String body = OneEditIndex.body(deathId);
			index.add(body, new DeathProbableCheck.Death(deathId, body, name, date));
			return new DeathProbableCheck.Records(roster(row(Program.ELDERLY, "E1", OLD).name("杨桂英").build()), index);
		}

		@Test
		void oneDigitAwayAndTheSameNameHoldFromTheMonthOfDeath() {
			// the serial 011 of the body read as 012: one substituted digit (the check digit left out)
			String typo = id("19400302", 12);
			DeathProbableCheck.Records records = records(typo, "杨桂英", "2026-10-20");

			assertThat(check.decide(records, in(SEP))).isEmpty();
			assertThat(check.decide(records, in(OCT))).extracting(RaisedFinding::code)
				.containsExactly(FindingCode.DEATH_PROBABLE);
		}

		@Test
		void anotherNameOrTwoDigitsAwayIsNoOne() {
			assertThat(check.decide(records(id("19400302", 12), "王建国", "2026-10-20"), in(OCT))).isEmpty();
			assertThat(check.decide(records(id("19400302", 22), "杨桂英", "2026-10-20"), in(OCT))).isEmpty();
		}

		/**
		 * Only the people near a death are grouped, yet each with all their enrollments: the name may be
		 * another row's, and the finding names every program. The findings come in ID order, whatever the
		 * roster's order; a death of another name, or two digits away, or after M, is no one.
		 */
		@Test
		void everyEnrollmentOfAPersonNearADeathCountsAndFindingsComeInIdOrder() {
			String late = id("19450101", 31);
			String early = id("19300101", 41);
			String far = id("19500101", 51);
			OneEditIndex<DeathProbableCheck.Death> index = new OneEditIndex<>();
			for (String[] d : new String[][] { { id("19450101", 32), "赵德华", "2026-09-03" },
					{ id("19300101", 43), "孙秀英", "2026-08-01" }, { id("19300101", 42), "孫秀蘭", "2026-10-02" },
					{ id("19500101", 95), "钱明", "2026-09-09" } }) {
				String body = OneEditIndex.body(d[0]);
				index.add(body, new DeathProbableCheck.Death(d[0], body, d[1], d[2]));
			}
			RosterRecords roster = roster(row(Program.ELDERLY, "E9", late).name("赵得华").build(),
					row(Program.ELDERLY, "E9", far).name("钱明").build(),
					row(Program.DISABILITY_LIVING, "L9", late).name("趙德華").build(),
					row(Program.ELDERLY, "E8", early).name("孙秀兰").build());

			List<RaisedFinding> findings = check.decide(new DeathProbableCheck.Records(roster, index), in(OCT));

			assertThat(people(findings)).containsExactly(early, late);
			assertThat(findings.get(0).evidence()).contains(id("19300101", 42)).doesNotContain(id("19300101", 43));
			assertThat(findings.get(1).programs()).containsExactlyInAnyOrder(Program.ELDERLY, Program.DISABILITY_LIVING);
			assertThat(people(check.decide(new DeathProbableCheck.Records(roster, index), in(SEP)))).containsExactly(late);
		}
	}

	@Nested
	class ExclusivePrograms {

		final ExclusiveProgramsCheck check = new ExclusiveProgramsCheck();

		@Test
		void theLaterEnrollmentIsHeld() {
			RosterRecords roster = roster(head(Program.DIBAO_URBAN, "H1", HEAD, "300.00").start("2024-01").build(),
					row(Program.TEKUN, "T1", HEAD).category("全自理").start("2025-03").build());

			assertThat(check.decide(roster, in(OCT))).singleElement().satisfies(f -> {
				assertThat(f.programs()).containsExactly(Program.TEKUN);
				assertThat(f.householdId()).isEqualTo("T1");
			});
		}

		@Test
		void peopleComeInIdOrderWhateverTheRosterOrder() {
			String younger = id("19900101", 61);
			RosterRecords roster = roster(row(Program.TEKUN, "T2", younger).start("2025-05").build(),
					row(Program.TEKUN, "T1", HEAD).start("2025-03").build(),
					row(Program.DISABILITY_LIVING, "L2", younger).start("2025-06").build(),
					row(Program.ELDERLY, "E1", OLD).build(),
					head(Program.DIBAO_URBAN, "H1", HEAD, "300.00").start("2024-01").build());

			assertThat(people(check.decide(roster, in(OCT)))).containsExactly(HEAD, younger);
		}

		@Test
		void aDeFactoChildInADibaoHouseholdIsToppedUpNotAConflict() {
			String child = id("20150101", 21);
			RosterRecords roster = roster(head(Program.DIBAO_URBAN, "H1", HEAD, "300.00").build(),
					member(Program.DIBAO_URBAN, "H1", child, "300.00").build(),
					row(Program.DE_FACTO_CHILD, "D1", child).start("2025-01").build());

			assertThat(check.decide(roster, in(OCT))).isEmpty();
		}
	}

	@Nested
	class AssetsDisqualify {

		final AssetsDisqualifyCheck check = new AssetsDisqualifyCheck();

		@Test
		void theLatestResultUpToTheMonthDecides() {
			AssetsDisqualifyCheck.Records records = new AssetsDisqualifyCheck.Records(
					roster(head(Program.DIBAO_URBAN, "H1", HEAD, "300.00").build()),
					Map.of("H1", List.of(new AssetsDisqualifyCheck.Result("2026-10", 0, 1, false, false),
							new AssetsDisqualifyCheck.Result("2026-12", 1, 1, false, false))));

			assertThat(check.decide(records, in(NOV))).isEmpty();
			assertThat(check.decide(records, in(DEC))).singleElement().satisfies(f -> {
				assertThat(f.idNumber()).isEqualTo(HEAD);
				assertThat(f.detail()).contains("机动车1辆", "需核实");
			});
		}
	}

	@Nested
	class SharedAccount {

		final SharedAccountCheck check = new SharedAccountCheck();

		@Test
		void anAccountPayingTwoHouseholdsHoldsEveryPersonPaidIntoIt() {
			SharedAccountCheck.Records records = new SharedAccountCheck.Records(roster(
					row(Program.ELDERLY, "E1", OLD).account("6222000011112222").build(),
					row(Program.TEKUN, "T9", HEAD).category("全自理").account("6222 0000 1111 2222").build(),
					row(Program.ELDERLY, "E2", WIFE).account("6222000099998888").build()), List.of());

			assertThat(people(check.decide(records, in(OCT)))).containsExactlyInAnyOrder(OLD, HEAD);
		}

		@Test
		void aTempAssistCaseCountsInItsOwnMonthOnly() {
			String stranger = id("19800101", 31);
			SharedAccountCheck.Line caseLine = new SharedAccountCheck.Line(ZY, Program.TEMP_ASSIST, "C1", stranger, "某",
					"6222000011112222");
			SharedAccountCheck.Records records = new SharedAccountCheck.Records(
					roster(row(Program.ELDERLY, "E1", OLD).account("6222000011112222").build()),
					List.of(new SharedAccountCheck.Case(caseLine, NOV, null)));

			assertThat(check.decide(records, in(OCT))).isEmpty();
			assertThat(people(check.decide(records, in(NOV)))).containsExactlyInAnyOrder(OLD, stranger);
		}
	}

	@Nested
	class Deceased {

		final DeceasedCheck check = new DeceasedCheck();

		@Test
		void raisedByTheFirstRunThatKnowsTheDeath() {
			List<DeceasedCheck.Match> matches = List.of(new DeceasedCheck.Match(OLD, "杨桂英", Program.ELDERLY, "E1",
					"杨桂英", LocalDate.of(2026, 10, 5), "公安"));

			assertThat(check.decide(matches, in(SEP))).isEmpty();
			assertThat(check.decide(matches, in(OCT))).singleElement()
				.satisfies(f -> assertThat(f.detail()).contains("2026-10-05死亡", "2026-11起停发"));
		}
	}

	@Nested
	class MarriageChange {

		final MarriageChangeCheck check = new MarriageChangeCheck();

		@Test
		void aCoveredMembersMarriageInOrAfterTheRowsStart() {
			String spouse = id("19750101", 41);
			MarriageChangeCheck.Records records = new MarriageChangeCheck.Records(
					roster(head(Program.DIBAO_URBAN, "H1", HEAD, "300.00").name("张伟").start("2024-01").build()),
					List.of(new MarriageChangeCheck.Marriage(HEAD, "张伟", spouse, "李娜", "结婚", "2026-11-03"),
							new MarriageChangeCheck.Marriage(HEAD, "张伟", spouse, "李娜", "离婚", "2023-05-01")));

			assertThat(check.decide(records, in(OCT))).isEmpty();
			assertThat(check.decide(records, in(NOV))).singleElement().satisfies(f -> {
				assertThat(f.evidence()).contains("marriage:结婚:2026-11-03").doesNotContain("离婚");
				assertThat(f.programs()).containsExactly(Program.DIBAO_URBAN);
			});
		}
	}

	@Nested
	class SevereDisabilityNotCovered {

		final SevereDisabilityNotCoveredCheck check = new SevereDisabilityNotCoveredCheck();

		SevereDisabilityNotCoveredCheck.Records records(RosterRecords roster, Map<String, YearMonth> deaths) {
			return new SevereDisabilityNotCoveredCheck.Records(
					Map.of(OLD, new SevereDisabilityNotCoveredCheck.Cert(OLD, "杨桂英", "C1", 5, 3)), roster, NOV, null,
					deaths);
		}

		@Test
		void aGradeThreeIntellectualCertificateQualifiesFromTheMonthTheCountyPaysIt() {
			RosterRecords roster = roster(row(Program.ELDERLY, "E1", OLD).build());

			assertThat(check.decide(records(roster, Map.of()), in(OCT))).isEmpty();
			assertThat(check.decide(records(roster, Map.of()), in(NOV))).singleElement()
				.satisfies(f -> assertThat(f.programs()).containsExactly(Program.DISABILITY_CARE));
		}

		@Test
		void notWhenCaredForNorWhenDead() {
			RosterRecords cared = roster(row(Program.DISABILITY_CARE, "C1", OLD).category("三级智力精神").build());
			RosterRecords plain = roster(row(Program.ELDERLY, "E1", OLD).build());

			assertThat(check.decide(records(cared, Map.of()), in(NOV))).isEmpty();
			assertThat(check.decide(records(plain, Map.of(OLD, OCT)), in(NOV))).isEmpty();
		}
	}
}
