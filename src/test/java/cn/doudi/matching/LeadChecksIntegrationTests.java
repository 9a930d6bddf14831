package cn.doudi.matching;

import static cn.doudi.matching.CheckData.ZM;
import static cn.doudi.matching.CheckData.ZY;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.doudi.support.DoudiIntegrationTest;

/** POVERTY_NOT_COVERED and SEVERE_DISABILITY_NOT_COVERED (LEAD, 应保尽保), with worked examples. */
@DoudiIntegrationTest
class LeadChecksIntegrationTests extends CheckTestSupport {

	static final String LI = CheckData.id(ZM, "1975-09-10", 96);
	static final String WANG = CheckData.id(ZY, "1972-01-14", 101);
	static final String COVERED = CheckData.id(ZM, "1970-02-03", 33);
	static final String STABLE = CheckData.id(ZM, "1971-02-03", 44);
	static final String DEAD = CheckData.id(ZM, "1972-02-03", 55);

	@Test
	void poorPeopleNotCoveredByDibaoOrTekunAreLeadsOfTheirRecordsCounty() {
		data.row("410122201001", "D1", COVERED, "王五", "户主", "DIBAO_RURAL", "2024-01")
			.poverty("410122201001", "P1", LI, "李燕", "脱贫监测人口")
			.poverty("410102001001", "P2", WANG, "王向阳", "贫困边缘人口")
			.poverty("410122201001", "P3", COVERED, "王五", "未脱贫人口")
			.poverty("410122201001", "P4", STABLE, "赵六", "已稳定脱贫")
			.poverty("410122201001", "P5", DEAD, "钱七", "未脱贫人口")
			.death(DEAD, "钱七", "2026-08-01");

		check(ZM, OCT);
		check(ZY, OCT);

		assertThat(findings("POVERTY_NOT_COVERED")).containsExactlyInAnyOrder(
				"POVERTY_NOT_COVERED:" + LI + ":410122::P1:OPEN", "POVERTY_NOT_COVERED:" + WANG + ":410102::P2:OPEN");
		assertThat(detail("POVERTY_NOT_COVERED", LI)).contains("脱贫监测人口", "应保尽保");
	}

	@Test
	void aPoorPersonCoveredOnlyByElderlyIsStillALead() {
		data.row("410122201001", "E1", LI, "李燕", "户主", "ELDERLY", "2024-01")
			.poverty("410122201001", "P1", LI, "李燕", "未脱贫人口");

		check(ZM, OCT);

		assertThat(findings("POVERTY_NOT_COVERED")).hasSize(1);
	}

	@Test
	void severeCertificatesWithoutDisabilityCare() {
		String offRoster = CheckData.id(ZM, "1980-01-01", 989);
		String member = CheckData.id(ZY, "2001-01-01", 960);
		String cared = CheckData.id(ZY, "1981-01-01", 11);
		String otherCity = CheckData.id("410105", "1982-01-01", 831);
		String cancelled = CheckData.id(ZY, "1983-01-01", 588);
		String thirdLimb = CheckData.id(ZY, "1984-01-01", 181);
		data.row("410102001001", "H1", member, "岳梓涵", "子女", "DIBAO_URBAN", "2024-01")
			.row("410102001001", "H1", CheckData.id(ZY, "1975-01-01", 1), "岳父", "户主", "DIBAO_URBAN", "2024-01")
			.row("410102001001", "C1", cared, "程刚", "户主", "DISABILITY_CARE", "2024-01")
			.row("410102001001", "C2", thirdLimb, "王晓东", "户主", "DISABILITY_CARE", "2024-01", "2026-09", null)
			.certificate(offRoster, "翟刚", 4, 1, true)
			.certificate(member, "岳梓涵", 1, 2, true)
			.certificate(cared, "程刚", 4, 1, true)
			.certificate(otherCity, "刘伟", 6, 1, true)
			.certificate(cancelled, "周淑芬", 4, 1, false)
			.certificate(thirdLimb, "王晓东", 4, 3, true);

		check(ZM, OCT);
		check(ZY, OCT);

		assertThat(findings("SEVERE_DISABILITY_NOT_COVERED")).containsExactlyInAnyOrder(
				"SEVERE_DISABILITY_NOT_COVERED:" + offRoster + ":410122:DISABILITY_CARE::OPEN",
				"SEVERE_DISABILITY_NOT_COVERED:" + member + ":410102:DISABILITY_CARE:H1:OPEN");
		assertThat(detail("SEVERE_DISABILITY_NOT_COVERED", offRoster)).contains("一级肢体");
	}

	@Test
	void gradeThreeIntellectualQualifiesOnlyWhereTheCountyPaysIt() {
		String zy = CheckData.id(ZY, "1990-01-01", 918);
		String zm = CheckData.id(ZM, "1990-01-01", 918);
		data.standard(ZY, "DISABILITY_CARE", "三级智力精神", "2026-01", "80.00")
			.certificate(zy, "张雨桐", 5, 3, true)
			.certificate(zm, "张雨", 5, 3, true);

		check(ZY, OCT);
		check(ZM, OCT);

		assertThat(findings("SEVERE_DISABILITY_NOT_COVERED"))
			.containsExactly("SEVERE_DISABILITY_NOT_COVERED:" + zy + ":410102:DISABILITY_CARE::OPEN");
	}
}
