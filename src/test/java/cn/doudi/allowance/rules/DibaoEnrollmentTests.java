package cn.doudi.allowance.rules;

import static cn.doudi.allowance.Fixtures.findings;
import static cn.doudi.allowance.Fixtures.head;
import static cn.doudi.allowance.Fixtures.id;
import static cn.doudi.allowance.Fixtures.lines;
import static cn.doudi.allowance.Fixtures.member;
import static cn.doudi.allowance.Fixtures.month;
import static cn.doudi.allowance.Fixtures.only;
import static cn.doudi.kernel.Program.DIBAO_URBAN;
import static org.assertj.core.api.Assertions.assertThat;
import cn.doudi.kernel.FindingCode;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.doudi.allowance.ComputedLine;
import cn.doudi.allowance.Fixtures;
import cn.doudi.allowance.LineStatus;
import cn.doudi.allowance.MonthOutcome;
import cn.doudi.allowance.RuleFinding;

/** Who is covered in a DIBAO household (RULES.md "Who is alive", "Enrollment", step 1 and 7). */
class DibaoEnrollmentTests {

	static final String HEAD = id("19700101", 31);
	static final String SPOUSE = id("19720202", 32);
	static final String SON = id("19950303", 33);

	/** S 690, income 300 for the household: 3 members → pci 100, g 590 → 1770.00; 2 → 540 × 2 = 1080.00. */
	static Fixtures.Inputs household(String month) {
		return month(month).standard(DIBAO_URBAN, "标准", "690.00");
	}

	static Fixtures.Row h() {
		return head(DIBAO_URBAN, "H1", HEAD, "300.00");
	}

	static Fixtures.Row spouse() {
		return member(DIBAO_URBAN, "H1", SPOUSE, "300.00").relation("配偶");
	}

	static Fixtures.Row son() {
		return member(DIBAO_URBAN, "H1", SON, "300.00");
	}

	@Test
	void aMemberDeadBeforeTheMonthShrinksTheHousehold() {
		ComputedLine line = only(household("2026-11").add(h(), spouse(), son()).died(SON, "2026-10").compute(),
				DIBAO_URBAN);
		assertThat(line.members()).isEqualTo(2);
		assertThat(line.memberIds()).containsExactly(HEAD, SPOUSE);
		assertThat(line.amount()).isEqualByComparingTo("1080.00");
		assertThat(line.status()).isEqualTo(LineStatus.PAY);
	}

	@Test
	void theMonthOfDeathIsPaidInFull() {
		ComputedLine line = only(household("2026-11").add(h(), spouse(), son()).died(SON, "2026-11").compute(),
				DIBAO_URBAN);
		assertThat(line.members()).isEqualTo(3);
		assertThat(line.amount()).isEqualByComparingTo("1770.00");
	}

	@Test
	void aDeadHeadWithLivingMembersHoldsTheLineWithPayeeDeceased() {
		MonthOutcome out = household("2026-11").add(h(), spouse(), son()).died(HEAD, "2026-09").compute();
		ComputedLine line = only(out, DIBAO_URBAN);
		assertThat(line.status()).isEqualTo(LineStatus.HELD);
		assertThat(line.reasons()).containsExactly(FindingCode.PAYEE_DECEASED);
		assertThat(line.amount()).isEqualByComparingTo("1080.00"); // the amount it would pay, for 2 members
		assertThat(line.idNumber()).isEqualTo(HEAD);
		assertThat(line.accountNumber()).isEqualTo("6222" + HEAD.substring(2, 17));
		assertThat(line.memberIds()).containsExactly(SPOUSE, SON);
		List<RuleFinding> f = findings(out, "PAYEE_DECEASED");
		assertThat(f).singleElement().satisfies(x -> {
			assertThat(x.idNumber()).isEqualTo(HEAD);
			assertThat(x.householdId()).isEqualTo("H1");
			assertThat(x.detail()).contains("户主").contains("2026-09");
		});
	}

	@Test
	void aHeadWhoDiesInTheMonthIsStillThePayee() {
		MonthOutcome out = household("2026-11").add(h(), spouse()).died(HEAD, "2026-11").compute();
		assertThat(only(out, DIBAO_URBAN).status()).isEqualTo(LineStatus.PAY);
		assertThat(out.findings()).isEmpty();
	}

	@Test
	void everyMemberDeadGivesNoLine() {
		MonthOutcome out = household("2026-11").add(h(), spouse())
			.died(HEAD, "2026-08")
			.died(SPOUSE, "2026-10")
			.compute();
		assertThat(out.lines()).isEmpty();
		assertThat(out.findings()).isEmpty();
	}

	@Test
	void aMemberEndMonthRemovesOnlyThatMemberFromTheNextMonth() {
		assertThat(only(household("2026-11").add(h(), spouse(), son().end("2026-11")).compute(), DIBAO_URBAN)
			.members()).isEqualTo(3);
		assertThat(only(household("2026-11").add(h(), spouse(), son().end("2026-10")).compute(), DIBAO_URBAN)
			.memberIds()).containsExactly(HEAD, SPOUSE);
	}

	@Test
	void theHouseholdFollowsTheHeadRowsEndMonth() {
		assertThat(lines(household("2026-11").add(h().end("2026-11"), spouse()).compute(), DIBAO_URBAN)).hasSize(1);
		assertThat(household("2026-11").add(h().end("2026-10"), spouse()).compute().lines()).isEmpty();
	}

	@Test
	void theHouseholdStartsWithTheHeadRowsStartMonth() {
		assertThat(household("2026-11").add(h().start("2026-12"), spouse()).compute().lines()).isEmpty();
		assertThat(lines(household("2026-11").add(h().start("2026-11"), spouse()).compute(), DIBAO_URBAN))
			.hasSize(1);
	}

	@Test
	void aMemberStartingAfterTheMonthIsNotYetCovered() {
		ComputedLine line = only(household("2026-11").add(h(), spouse(), son().start("2026-12")).compute(),
				DIBAO_URBAN);
		assertThat(line.memberIds()).containsExactly(HEAD, SPOUSE);
	}

	@Test
	void aHouseholdWithoutAHeadRowGetsNoLine() {
		assertThat(household("2026-11").add(spouse(), son()).compute().lines()).isEmpty();
	}

	@Test
	void anEnrollmentEndedByRuleBeforeTheMonthGivesNoLineAndNoFinding() {
		MonthOutcome out = household("2026-11").add(h(), spouse())
			.ended(DIBAO_URBAN, "H1", "", "2026-10")
			.compute();
		assertThat(out.lines()).isEmpty();
		assertThat(out.findings()).isEmpty();
		assertThat(out.ends()).isEmpty();
	}

	@Test
	void anEndLaterThanTheMonthDoesNotCountForIt() {
		// arrears: month 2026-11 recomputed with today's knowledge of an end in 2027-01
		MonthOutcome out = household("2026-11").add(h(), spouse())
			.ended(DIBAO_URBAN, "H1", "", "2027-01")
			.compute();
		assertThat(lines(out, DIBAO_URBAN)).hasSize(1);
	}

	@Test
	void aHeadRowStartingAfterTheEndIsANewApplication() {
		assertThat(household("2026-11").add(h().start("2026-10"), spouse())
			.ended(DIBAO_URBAN, "H1", "", "2026-09")
			.compute()
			.lines()).hasSize(1);
		assertThat(household("2026-11").add(h().start("2026-09"), spouse())
			.ended(DIBAO_URBAN, "H1", "", "2026-09")
			.compute()
			.lines()).isEmpty();
	}

	@Test
	void aCheckHoldOfACoveredMemberNamingTheProgramHoldsTheHouseholdLine() {
		MonthOutcome out = household("2026-11").add(h(), spouse(), son())
			.hold("EXCLUSIVE_PROGRAMS", SON, DIBAO_URBAN)
			.hold("ASSETS_DISQUALIFY", HEAD, DIBAO_URBAN)
			.compute();
		ComputedLine line = only(out, DIBAO_URBAN);
		assertThat(line.status()).isEqualTo(LineStatus.HELD);
		assertThat(line.reasons()).containsExactly(FindingCode.ASSETS_DISQUALIFY, FindingCode.EXCLUSIVE_PROGRAMS);
		assertThat(line.amount()).isEqualByComparingTo("1770.00");
	}

	@Test
	void holdsOfOtherProgramsOrPeopleOrHouseholdsDoNotTouchTheLine() {
		MonthOutcome out = household("2026-11").add(h(), spouse(), son().end("2026-10"))
			.hold("EXCLUSIVE_PROGRAMS", SPOUSE, cn.doudi.kernel.Program.TEKUN)
			.hold("EXCLUSIVE_PROGRAMS", SON, DIBAO_URBAN) // no longer covered
			.hold("EXCLUSIVE_PROGRAMS", id("19600101", 99), DIBAO_URBAN)
			.hold(new cn.doudi.allowance.CheckHold(FindingCode.EXCLUSIVE_PROGRAMS, SPOUSE, java.util.Set.of(DIBAO_URBAN), false,
					null, "H2"))
			.compute();
		assertThat(only(out, DIBAO_URBAN).status()).isEqualTo(LineStatus.PAY);
	}

	@Test
	void nameMismatchOfACoveredMemberAndASharedAccountHoldTheLine() {
		MonthOutcome out = household("2026-11").add(h(), spouse())
			.holdEveryLine("NAME_MISMATCH", SPOUSE)
			.holdAccount(HEAD, "6222" + HEAD.substring(2, 17))
			.compute();
		assertThat(only(out, DIBAO_URBAN).reasons()).containsExactly(FindingCode.NAME_MISMATCH, FindingCode.SHARED_ACCOUNT);
	}

	@Test
	void payeeDeceasedCombinesWithCheckHoldsInSortedOrder() {
		MonthOutcome out = household("2026-11").add(h(), spouse())
			.died(HEAD, "2026-01")
			.holdEveryLine("DEATH_PROBABLE", SPOUSE)
			.compute();
		assertThat(only(out, DIBAO_URBAN).reasons()).containsExactly(FindingCode.DEATH_PROBABLE, FindingCode.PAYEE_DECEASED);
	}
}
