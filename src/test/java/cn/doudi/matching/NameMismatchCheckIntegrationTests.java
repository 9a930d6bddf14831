package cn.doudi.matching;

import static cn.doudi.matching.CheckData.ZY;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.doudi.support.DoudiIntegrationTest;

/** NAME_MISMATCH and the name rule of CHECKS.md "Matching people", with worked examples. */
@DoudiIntegrationTest
class NameMismatchCheckIntegrationTests extends CheckTestSupport {

	static final String LIU = CheckData.id(ZY, "1962-05-06", 335);
	static final String WANG = CheckData.id(ZY, "1955-01-02", 112);
	static final String MAI = CheckData.id(ZY, "1970-08-09", 781);

	@Test
	void traditionalCharactersPlaceholdersAndMiddleDotsAreNotMismatches() {
		data.row("410102001001", "H1", LIU, "刘建华", "户主", "DISABILITY_CARE", "2026-01")
			.row("410102001001", "H2", WANG, "王喆明", "户主", "ELDERLY", "2026-01")
			.row("410102001001", "H3", MAI, "买买提·艾力", "户主", "DISABILITY_CARE", "2026-01")
			.certificate(LIU, "劉建華", 4, 2, true)
			.poverty("410102001001", "P1", WANG, "王*明", "已稳定脱贫")
			.certificate(MAI, "买买提•艾力", 4, 1, true);

		check(ZY, OCT);

		assertThat(findings("NAME_MISMATCH")).isEmpty();
	}

	@Test
	void sameIdAnotherNameInDeathsDisabilityOrPovertyHolds() {
		data.row("410102001001", "H1", LIU, "杨桂英", "户主", "ELDERLY", "2026-01")
			.row("410102001001", "H2", WANG, "王喆明", "户主", "DISABILITY_CARE", "2026-01")
			.row("410102001001", "H3", MAI, "赵敏", "户主", "DIBAO_URBAN", "2026-01")
			.death(LIU, "韩广才", "2026-10-02")
			.certificate(WANG, "王建明", 4, 1, true)
			.poverty("410102001001", "P1", MAI, "赵明", "脱贫监测人口");

		check(ZY, NOV);

		assertThat(findings("NAME_MISMATCH")).containsExactlyInAnyOrder(
				"NAME_MISMATCH:" + LIU + ":410102:ELDERLY:H1:OPEN",
				"NAME_MISMATCH:" + WANG + ":410102:DISABILITY_CARE:H2:OPEN",
				"NAME_MISMATCH:" + MAI + ":410102:DIBAO_URBAN:H3:OPEN");
		assertThat(detail("NAME_MISMATCH", LIU)).contains("韩广才", "杨桂英").doesNotContain(LIU);
		assertThat(findings("DECEASED")).as("not a death").isEmpty();
	}

	@Test
	void onlyPeopleWithAnActiveRosterRow() {
		data.row("410102001001", "H1", LIU, "杨桂英", "户主", "ELDERLY", "2026-01", "2026-09", null)
			.row("410102001001", "H2", WANG, "王喆明", "户主", "ELDERLY", "2027-01")
			.death(LIU, "韩广才", "2026-10-02")
			.certificate(WANG, "王建明", 4, 1, true);

		check(ZY, NOV);

		assertThat(findings("NAME_MISMATCH")).isEmpty();
	}
}
