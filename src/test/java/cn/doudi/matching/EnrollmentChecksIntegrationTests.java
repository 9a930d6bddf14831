package cn.doudi.matching;

import static cn.doudi.matching.CheckData.ZM;
import static cn.doudi.matching.CheckData.ZY;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.doudi.identity.IdNumber;
import cn.doudi.support.DoudiIntegrationTest;

/** EXCLUSIVE_PROGRAMS, SHARED_ACCOUNT, ASSETS_DISQUALIFY and MARRIAGE_CHANGE, with worked examples. */
@DoudiIntegrationTest
class EnrollmentChecksIntegrationTests extends CheckTestSupport {

	static final String ZHOU = CheckData.id(ZM, "1958-04-05", 341);
	static final String ZHANG = CheckData.id(ZM, "1940-02-03", 209);
	static final String CHILD = CheckData.id(ZY, "2015-06-07", 524);
	static final String HEAD = CheckData.id(ZY, "1980-06-07", 511);
	static final String XU = CheckData.id(ZM, "1966-01-02", 935);
	static final String LI = CheckData.id(ZM, "1968-03-04", 254);
	static final String ACCOUNT = "6217000010002008959";

	@Test
	void theLaterEnrollmentIsHeld() {
		data.row("410122201001", "D1", ZHOU, "周军", "户主", "DIBAO_RURAL", "2021-04")
			.row("410122201001", "T1", ZHOU, "周军", "户主", "TEKUN", "2026-09");

		check(ZM, OCT);

		assertThat(findings("EXCLUSIVE_PROGRAMS")).containsExactly("EXCLUSIVE_PROGRAMS:" + ZHOU + ":410122:TEKUN:T1:OPEN");
		assertThat(detail("EXCLUSIVE_PROGRAMS", ZHOU)).contains("特困人员救助供养", "农村最低生活保障");
	}

	@Test
	void theSameProgramInTwoCountiesHoldsTheLaterCountysEnrollmentOnly() {
		data.row("410122201001", "E-ZM", ZHANG, "张跃进", "户主", "ELDERLY", "2018-06")
			.row("410102001001", "E-ZY", ZHANG, "张跃进", "户主", "ELDERLY", "2026-08");

		check(ZM, OCT);
		check(ZY, OCT);

		assertThat(findings("EXCLUSIVE_PROGRAMS")).containsExactly("EXCLUSIVE_PROGRAMS:" + ZHANG + ":410102:ELDERLY:E-ZY:OPEN");
	}

	@Test
	void bothAreHeldWhenTheyStartTheSameMonth() {
		data.row("410122201001", "D1", ZHOU, "周军", "户主", "DIBAO_RURAL", "2026-09")
			.row("410122201001", "D2", ZHOU, "周军", "户主", "DIBAO_RURAL", "2026-09");

		check(ZM, OCT);

		assertThat(findings("EXCLUSIVE_PROGRAMS")).containsExactly("EXCLUSIVE_PROGRAMS:" + ZHOU + ":410122:DIBAO_RURAL::OPEN");
		// the pair is named once, not once from each side
		assertThat(detail("EXCLUSIVE_PROGRAMS", ZHOU).split("不能同时享受", -1)).hasSize(2);
	}

	@Test
	void aDeFactoChildInADibaoHouseholdIsToppedUpNotAConflict() {
		data.row("410102001005", "H1", HEAD, "马强", "户主", "DIBAO_URBAN", "2025-01")
			.row("410102001005", "H1", CHILD, "马可馨", "子女", "DIBAO_URBAN", "2025-01")
			.row("410102001005", "H1", CHILD, "马可馨", "子女", "DE_FACTO_CHILD", "2026-01");

		check(ZY, OCT);

		assertThat(findings("EXCLUSIVE_PROGRAMS")).isEmpty();
	}

	@Test
	void anAccountPayingTwoHouseholdsHoldsEveryPersonPaidIntoIt() {
		data.row("410122201001", "D1", XU, "徐万年", "户主", "DIBAO_RURAL", "2024-01", null, ACCOUNT)
			.row("410122201002", "D2", LI, "李桂兰", "户主", "DIBAO_RURAL", "2024-01", null, ACCOUNT);

		check(ZM, OCT);

		assertThat(findings("SHARED_ACCOUNT")).containsExactlyInAnyOrder(
				"SHARED_ACCOUNT:" + XU + ":410122:DIBAO_RURAL:D1:OPEN", "SHARED_ACCOUNT:" + LI + ":410122:DIBAO_RURAL:D2:OPEN");
		assertThat(jdbc.queryForList("select distinct account_number from finding", String.class)).containsExactly(ACCOUNT);
		assertThat(detail("SHARED_ACCOUNT", XU)).contains(IdNumber.mask(ACCOUNT)).doesNotContain(ACCOUNT);
	}

	@Test
	void anInstitutionsCollectiveHouseholdSharesItsAccountLegitimately() {
		data.row("410122001002", "410122001002JT01", XU, "徐万年", "户主", "TEKUN", "2024-01", null, ACCOUNT)
			.row("410122001002", "410122001002JT01", LI, "李桂兰", "其他", "TEKUN", "2024-01", null, ACCOUNT)
			.row("410122001002", "410122001002JT01", CHILD, "马可馨", "其他", "ORPHAN", "2024-01", null, ACCOUNT);

		check(ZM, OCT);

		assertThat(findings("SHARED_ACCOUNT")).isEmpty();
	}

	@Test
	void aSharedAccountAcrossCountiesIsFoundWhicheverCountyRuns() {
		data.row("410122201001", "D1", XU, "徐万年", "户主", "DIBAO_RURAL", "2024-01", null, ACCOUNT)
			.row("410102001001", "E1", ZHANG, "张跃进", "户主", "ELDERLY", "2024-01", null, ACCOUNT);

		check(ZY, OCT);

		assertThat(findings("SHARED_ACCOUNT")).containsExactly("SHARED_ACCOUNT:" + ZHANG + ":410102:ELDERLY:E1:OPEN");
	}

	@Test
	void assetsInTheLatestEconomicResultHoldTheHousehold() {
		data.row("410102001001", "H1", HEAD, "赵建伟", "户主", "DIBAO_URBAN", "2024-01")
			.row("410102001001", "H1", CHILD, "赵小", "子女", "DIBAO_URBAN", "2024-01")
			.economic("H1", HEAD, "2026-11", 1, 1, false, false)
			.economic("H1", HEAD, "2026-12", 0, 1, false, false);

		check(ZY, OCT);
		assertThat(findings("ASSETS_DISQUALIFY")).isEmpty();

		check(ZY, NOV);
		assertThat(findings("ASSETS_DISQUALIFY")).containsExactly("ASSETS_DISQUALIFY:" + HEAD + ":410102:DIBAO_URBAN:H1:OPEN");
		assertThat(detail("ASSETS_DISQUALIFY", HEAD)).contains("机动车1辆", "需核实");

		check(ZY, DEC);
		assertThat(findings("ASSETS_DISQUALIFY")).containsExactly("ASSETS_DISQUALIFY:" + HEAD + ":410102:DIBAO_URBAN:H1:RESOLVED");
	}

	@Test
	void aPublicEmployeeOrTwoPropertiesAskForVerification() {
		data.row("410122201001", "D1", XU, "岳斌", "户主", "DIBAO_RURAL", "2024-01")
			.row("410122201002", "D2", LI, "李桂兰", "户主", "DIBAO_RURAL", "2024-01")
			.economic("D1", XU, "2026-10", 0, 1, false, true)
			.economic("D2", LI, "2026-10", 0, 2, false, false);

		check(ZM, OCT);

		assertThat(findings("ASSETS_DISQUALIFY")).hasSize(2);
		assertThat(detail("ASSETS_DISQUALIFY", XU)).contains("财政供养人员", "需核实收入/近亲属备案");
	}

	@Test
	void aCoveredMembersMarriageAfterTheRowStarts() {
		String husband = CheckData.id(ZM, "1990-01-01", 111);
		data.row("410122201001", "D1", XU, "陈父", "户主", "DIBAO_RURAL", "2020-01")
			.row("410122201001", "D1", LI, "陈佳怡", "子女", "DIBAO_RURAL", "2020-01")
			.row("410122201002", "D2", ZHOU, "周军", "户主", "DIBAO_RURAL", "2026-06")
			.marriage(husband, "王强", LI, "陈佳怡", "结婚", "2026-11-06")
			.marriage(ZHOU, "周军", CheckData.id(ZM, "1960-01-01", 222), "刘芳", "离婚", "2026-05-30");

		check(ZM, OCT);
		assertThat(findings("MARRIAGE_CHANGE")).as("registered after M").isEmpty();

		check(ZM, NOV);
		assertThat(findings("MARRIAGE_CHANGE")).containsExactly("MARRIAGE_CHANGE:" + LI + ":410122:DIBAO_RURAL:D1:OPEN");
		assertThat(detail("MARRIAGE_CHANGE", LI)).contains("结婚", "王强").doesNotContain(husband);
	}
}
