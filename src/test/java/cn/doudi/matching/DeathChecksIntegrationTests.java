package cn.doudi.matching;

import static cn.doudi.matching.CheckData.ZY;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.doudi.identity.IdNumber;
import cn.doudi.support.DoudiIntegrationTest;

/** DECEASED and DEATH_PROBABLE, with worked examples (CHECKS.md catalogue). */
@DoudiIntegrationTest
class DeathChecksIntegrationTests extends CheckTestSupport {

	static final String YANG = CheckData.id(ZY, "1960-03-15", 713);

	@Test
	void deceasedIsRaisedByTheFirstRunThatKnowsTheDeathAndListedWhileOnTheRoster() {
		data.row("410102001001", "E1", YANG, "孟素珍", "户主", "ELDERLY", "2026-01")
			.death(YANG, "孟素珍", "2026-11-12");

		check(ZY, OCT);
		assertThat(findings("DECEASED")).as("death month after M: not known yet").isEmpty();

		check(ZY, NOV);
		check(ZY, DEC);
		assertThat(findings("DECEASED")).containsExactly("DECEASED:" + YANG + ":410102:ELDERLY:E1:OPEN");
		assertThat(detail("DECEASED", YANG)).contains("2026-11-12死亡", "2026-12起停发").doesNotContain(YANG);

		data.clear("beneficiary");
		check(ZY, DEC.plusMonths(1));
		assertThat(findings("DECEASED")).containsExactly("DECEASED:" + YANG + ":410102:ELDERLY:E1:RESOLVED");
	}

	@Test
	void aDeathUnderAnotherNameIsNotDeceased() {
		data.row("410102001001", "E1", YANG, "杨桂英", "户主", "ELDERLY", "2026-01").death(YANG, "韩广才", "2026-09-01");

		check(ZY, OCT);

		assertThat(findings("DECEASED")).isEmpty();
		assertThat(findings("NAME_MISMATCH")).hasSize(1);
	}

	@Test
	void deathProbableForOneSubstitutedDigitWithAMatchingName() {
		String typo = withBody(YANG.substring(0, 16) + "4");
		data.row("410102001001", "C1", YANG, "杨军", "户主", "DISABILITY_CARE", "2026-01").death(typo, "杨军", "2026-10-05");

		check(ZY, NOV);

		assertThat(findings("DEATH_PROBABLE")).containsExactly("DEATH_PROBABLE:" + YANG + ":410102:DISABILITY_CARE:C1:OPEN");
		assertThat(detail("DEATH_PROBABLE", YANG)).contains(IdNumber.mask(typo)).doesNotContain(typo);
		assertThat(findings("DECEASED")).as("held, never stopped").isEmpty();
	}

	@Test
	void deathProbableForASwapOfAdjacentDigitsAndForAFlaggedCheckDigit() {
		String body = YANG.substring(0, 17);
		String swapped = withBody(body.substring(0, 14) + body.charAt(15) + body.charAt(14) + body.charAt(16));
		String second = CheckData.id(ZY, "1950-07-08", 586);
		String offByOne = second.substring(0, 14) + "587";
		String flagged = offByOne + (IdNumber.checkDigit(offByOne) == '1' ? '2' : '1'); // and a wrong check digit
		data.row("410102001001", "C1", YANG, "杨军", "户主", "ELDERLY", "2026-01")
			.row("410102001001", "C2", second, "岳根生", "户主", "ELDERLY", "2026-01")
			.death(swapped, "杨军", "2026-10-05")
			.death(flagged, "岳根生", "2026-10-06");

		check(ZY, NOV);

		assertThat(findings("DEATH_PROBABLE")).hasSize(2);
	}

	@Test
	void aTypoInAFifteenDigitIdIsStillOneEditAwayOnTheBody() {
		String fifteen = YANG.substring(0, 6) + YANG.substring(8, 17); // first-generation form of YANG
		String typo15 = fifteen.substring(0, 10) + (fifteen.charAt(10) == '9' ? '8' : '9') + fifteen.substring(11);
		data.row("410102001001", "C1", YANG, "杨军", "户主", "ELDERLY", "2026-01").death(typo15, "杨军", "2026-10-05");

		check(ZY, NOV);

		assertThat(findings("DEATH_PROBABLE")).hasSize(1);
	}

	@Test
	void noDeathProbableForTwoEditsAnotherNameAnIdMatchOrAnInactivePerson() {
		String body = YANG.substring(0, 17);
		String twoEdits = withBody(body.substring(0, 15) + (body.charAt(15) == '9' ? '8' : '9')
				+ (body.charAt(16) == '9' ? '8' : '9'));
		String other = CheckData.id(ZY, "1960-03-15", 714);
		String ended = CheckData.id(ZY, "1950-03-15", 713);
		data.row("410102001001", "C1", YANG, "杨军", "户主", "ELDERLY", "2026-01")
			.row("410102001001", "C2", other, "杨军", "户主", "ELDERLY", "2026-01")
			.row("410102001001", "C3", ended, "王伟", "户主", "ELDERLY", "2026-01", "2026-09", null)
			.death(twoEdits, "杨军", "2026-10-05")
			.death(withBody(YANG.substring(0, 16) + "0"), "李四", "2026-10-05")
			.death(other, "杨军", "2026-10-05") // matches a beneficiary by ID: a death, not a probable one
			.death(withBody(ended.substring(0, 16) + "0"), "王伟", "2026-10-05");

		check(ZY, NOV);

		assertThat(findings("DEATH_PROBABLE")).isEmpty();
		assertThat(findings("DECEASED")).hasSize(1);
	}

	static String withBody(String body17) {
		return body17 + IdNumber.checkDigit(body17);
	}
}
