package cn.doudi.ingest;

import static cn.doudi.ingest.Fixtures.BENEFICIARY_HEADER;
import static cn.doudi.ingest.Fixtures.csv;
import static cn.doudi.ingest.Fixtures.dibao;
import static cn.doudi.ingest.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;

/** How a new upload combines with what is held, per source (INPUTS.md's table). */
@DoudiIntegrationTest
class CombineSemanticsIntegrationTests {

	@Autowired
	RosterImports imports;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path dir;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(jdbc);
		Fixtures.users(jdbc);
	}

	ImportOutcome run(Source source, Path... files) {
		ImportOutcome o = imports.importFiles(source, List.of(files), ImportOptions.by("tester"));
		assertThat(o.status()).as(o.problems().toString()).isEqualTo(ImportOutcome.Status.COMMITTED);
		return o;
	}

	static String other(String household, String id, String name) {
		return "410103200001," + household + "," + id + "," + name + ",户主,农村低保,,300,2026-01,,农业银行,6228480000001234567," + name;
	}

	@Test
	void beneficiariesReplaceTheCountiesPresentInTheFilesOfOneCommand() throws Exception {
		String a1 = id("410102", "19500101", 11);
		String a2 = id("410102", "19600101", 12);
		String b1 = id("410103", "19700101", 13);
		Path countyA = csv(dir, "a.csv", BENEFICIARY_HEADER, dibao("A1", a1, "甲", "户主", "100"), dibao("A2", a2, "乙", "户主", "100"));
		Path countyB = csv(dir, "b.csv", BENEFICIARY_HEADER, other("B1", b1, "丙"));
		ImportOutcome first = run(Source.BENEFICIARIES, countyA, countyB);
		assertThat(first.counties()).containsExactly("410102", "410103");

		Path countyAAgain = csv(dir, "a2.csv", BENEFICIARY_HEADER, dibao("A1", a1, "甲", "户主", "200"));
		ImportOutcome second = run(Source.BENEFICIARIES, countyAAgain);

		assertThat(jdbc.queryForList("select household_id from current_beneficiary order by household_id", String.class))
			.containsExactly("A1", "B1");
		assertThat(jdbc.queryForList("select county || '=' || import_id from snapshot where source = 'beneficiaries' order by county",
				String.class)).containsExactly("410102=" + second.importId(), "410103=" + first.importId());
		assertThat(jdbc.queryForObject("select count(*) from beneficiary where import_id = ?", Integer.class,
				first.importId())).as("replaced rows are kept for audit").isEqualTo(3);
		assertThat(jdbc.queryForObject("select household_income from current_beneficiary where household_id = 'A1'",
				java.math.BigDecimal.class)).isEqualByComparingTo("200");
	}

	@Test
	void reUploadingAnOlderRosterChangesNothingButSaysItIsNotCurrent() throws Exception {
		String a1 = id("410102", "19500101", 11);
		String a2 = id("410102", "19600101", 12);
		Path october = csv(dir, "oct.csv", BENEFICIARY_HEADER, dibao("A1", a1, "甲", "户主", "100"), dibao("A2", a2, "乙", "户主", "100"));
		Path november = csv(dir, "nov.csv", BENEFICIARY_HEADER, dibao("A1", a1, "甲", "户主", "100"));
		ImportOutcome first = run(Source.BENEFICIARIES, october);
		run(Source.BENEFICIARIES, november);

		// INPUTS.md: the same file changes nothing; the operator is told the roster is not the current one
		ImportOutcome back = imports.importFiles(Source.BENEFICIARIES, List.of(october), ImportOptions.by("tester"));

		assertThat(back.status()).isEqualTo(ImportOutcome.Status.DUPLICATE);
		assertThat(back.importId()).isEqualTo(first.importId());
		assertThat(back.warnings()).singleElement().asString().contains("已被之后的上传替换", "410102");
		assertThat(jdbc.queryForList("select household_id from current_beneficiary order by household_id", String.class))
			.containsExactly("A1");
	}

	@Test
	void disabilityReplacesTheWholeSource() throws Exception {
		String p1 = id("410102", "19500101", 11);
		String p2 = id("410103", "19600101", 12);
		run(Source.DISABILITY, csv(dir, "d1.csv", "身份证号,姓名,残疾证号,残疾类别,残疾等级", p1 + ",甲," + p1 + "41,肢体,一级",
				p2 + ",乙," + p2 + "52,智力,2"));
		run(Source.DISABILITY, csv(dir, "d2.csv", "身份证号,姓名,残疾证号,残疾类别,残疾等级,证件状态", p1 + ",甲," + p1 + "42,4,二级,注销"));

		assertThat(jdbc.queryForList("select grade || ':' || valid from current_disability", String.class))
			.containsExactly("2:false");
		assertThat(jdbc.queryForObject("select count(*) from disability", Integer.class)).isEqualTo(3);
	}

	@Test
	void standardsAndCpiUpsertByKey() throws Exception {
		String header = "区划代码,项目,类别,生效月份,月标准";
		run(Source.STANDARDS, csv(dir, "s1.csv", header, "410102,DIBAO_URBAN,标准,2026-01,690", "410102,城市低保,最低补差,2026-01,50",
				"410102,PARAM,渐退月数,2026-01,6"));
		run(Source.STANDARDS, csv(dir, "s2.csv", header, "410102,DIBAO_URBAN,标准,2026-01,700", "410102,城市最低生活保障,标准,2026-07,720"));

		assertThat(jdbc.queryForList("select category || '@' || effective_month || '=' || value from current_standard order by 1",
				String.class))
			.containsExactly("最低补差@2026-01=50.00", "标准@2026-01=700.00", "标准@2026-07=720.00", "渐退月数@2026-01=6.00");

		run(Source.CPI, csv(dir, "c1.csv", "月份,CPI同比,食品CPI同比", "2026-10,3.6,5.0", "2026年11月,2.1,6.5"));
		run(Source.CPI, csv(dir, "c2.csv", "月份,CPI同比,食品CPI同比", "202611,2.2,6.1"));
		assertThat(jdbc.queryForList("select month || '=' || cpi || '/' || food_cpi from current_cpi order by month", String.class))
			.containsExactly("2026-10=3.60/5.00", "2026-11=2.20/6.10");
	}

	@Test
	void deathsMarriagesAndEconomicAddRecordsAndReplaceEqualKeys() throws Exception {
		String p1 = id("410102", "19400101", 11);
		String p2 = id("410102", "19410101", 12);
		run(Source.DEATHS, csv(dir, "d1.csv", "身份证号,姓名,死亡日期,来源", p1 + ",甲,2026-03-05,公安"));
		run(Source.DEATHS, csv(dir, "d2.csv", "身份证号,姓名,死亡日期", p1 + ",甲二,2026/3/5", p2 + ",乙,2026年4月1日"));
		assertThat(jdbc.queryForList("select name || '@' || death_date from current_death order by name", String.class))
			.containsExactly("乙@2026-04-01", "甲二@2026-03-05");

		String header = "身份证号,姓名,配偶身份证号,配偶姓名,登记类型,登记日期";
		run(Source.MARRIAGES, csv(dir, "m1.csv", header, p1 + ",甲," + p2 + ",乙,结婚,20250101"));
		run(Source.MARRIAGES, csv(dir, "m2.csv", header, p2 + ",乙," + p1 + ",甲,结婚,2025-01-01", p1 + ",甲," + p2 + ",乙,离婚,2026-01-01"));
		assertThat(jdbc.queryForList("select kind from current_marriage order by registered_on", String.class))
			.containsExactly("结婚", "离婚");
		assertThat(jdbc.queryForObject("select count(*) from marriage", Integer.class)).isEqualTo(3);

		String eco = "户编号,身份证号,姓名,核对月份,家庭月收入,机动车数量,房产套数,工商登记,财政供养人员";
		run(Source.ECONOMIC, csv(dir, "e1.csv", eco, "H1," + p1 + ",甲,2026-10,800,0,1,否,否"));
		run(Source.ECONOMIC, csv(dir, "e2.csv", eco, "H1," + p1 + ",甲,2026-10,950.5,1,1,是,否", "H1," + p1 + ",甲,2026-11,1000,0,1,否,否"));
		assertThat(jdbc.queryForList("select check_month || '=' || household_income || '/' || vehicles || '/' || business_registered from current_economic order by check_month",
				String.class))
			.containsExactly("2026-10=950.50/1/true", "2026-11=1000.00/0/false");
	}

	@Test
	void povertyReplacesPerCountyAndRegionsUpsertByCode() throws Exception {
		String p1 = id("410102", "19400101", 11);
		String p2 = id("410103", "19410101", 12);
		String header = "身份证号,姓名,区划代码,扶贫户编号,类别";
		run(Source.POVERTY, csv(dir, "p1.csv", header, p1 + ",甲,410102001001,F1,未脱贫人口", p2 + ",乙,410103200001,F2,脱贫监测人口"));
		run(Source.POVERTY, csv(dir, "p2.csv", header, p1 + ",甲,410102001001,F1,已稳定脱贫"));
		assertThat(jdbc.queryForList("select county || ':' || category from current_poverty order by county", String.class))
			.containsExactly("410102:已稳定脱贫", "410103:脱贫监测人口");

		run(Source.REGIONS, csv(dir, "r1.csv", "区划代码,名称", "410102,中原区", "410102001001,某社区"));
		run(Source.REGIONS, csv(dir, "r2.csv", "区划代码,名称", "410102,中原区（新）"));
		assertThat(jdbc.queryForList("select code || '=' || name from current_region order by code", String.class))
			.containsExactly("410102=中原区(新)", "410102001001=某社区"); // full-width brackets normalised
	}
}
