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

/** Rules over several rows or other data: 户主, deaths with bad IDs, the policy table, temp-assist. */
@DoudiIntegrationTest
class ValidationRulesIntegrationTests {

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

	ImportOutcome run(Source source, boolean accept, Path... files) {
		ImportOptions o = ImportOptions.by("tester");
		return imports.importFiles(source, List.of(files), accept ? o.acceptingValidRows() : o);
	}

	List<String> reasons(ImportOutcome o) {
		return o.problems().stream().map(p -> p.row() + ":" + p.reason().replaceAll("：.*", "")).toList();
	}

	@Test
	void rejectsEveryRowOfADibaoHouseholdWithoutExactlyOneHead() throws Exception {
		Path file = csv(dir, "r.csv", BENEFICIARY_HEADER,
				dibao("OK", id("410102", "19500101", 1), "甲", "本人", "100"),
				dibao("NOHEAD", id("410102", "19500101", 2), "乙", "配偶", "100"),
				dibao("NOHEAD", id("410102", "19500101", 3), "丙", "子女", "100"),
				dibao("TWO", id("410102", "19500101", 4), "丁", "户主", "100"),
				dibao("TWO", id("410102", "19500101", 5), "戊", "户主", "100"),
				dibao("INC", id("410102", "19500101", 6), "己", "户主", "100"),
				dibao("INC", id("410102", "19500101", 7), "庚", "配偶", "120"));

		ImportOutcome o = run(Source.BENEFICIARIES, true, file);

		assertThat(o.rowsAccepted()).isEqualTo(1);
		assertThat(o.rowsRejected()).isEqualTo(6);
		assertThat(reasons(o)).containsExactlyInAnyOrder("3:户主缺失", "4:户主缺失", "5:户主重复", "6:户主重复",
				"7:家庭月收入不一致", "8:家庭月收入不一致");
		assertThat(jdbc.queryForObject("select relation from current_beneficiary", String.class)).isEqualTo("户主");
	}

	@Test
	void keepsDeathsWhoseIdHasTheRightShapeButFailsItsCheck() throws Exception {
		String good = id("410102", "19400101", 11);
		Path file = csv(dir, "deaths.csv", "身份证号,姓名,死亡日期", good + ",甲,2026-01-02", Fixtures.badCheck(good) + ",乙,2026-01-03",
				"41010219401301011X,丙,2026-01-04", "4101021940,丁,2026-01-05");

		ImportOutcome o = run(Source.DEATHS, true, file);

		assertThat(o.rowsAccepted()).isEqualTo(3);
		assertThat(reasons(o)).containsExactly("5:身份证号应为18位（或15位），实为10位");
		assertThat(jdbc.queryForList("select name || ':' || id_valid from current_death order by name", String.class))
			.containsExactlyInAnyOrder("甲:true", "乙:false", "丙:false");
	}

	@Test
	void checksThePolicyTableAndWarnsWhenTekunIsBelowDibao() throws Exception {
		String header = "区划代码,项目,类别,生效月份,月标准";
		Path bad = csv(dir, "bad.csv", header, "410102,DIBAO_RURAL,最低补差,2026-01,30", "410102,DIBAO_RURAL,分类施保-高龄,2026-01,120",
				"410102,PARAM,补发上限月数,2026-01,1.5", "410102,PRICE_SUBSIDY,标准,2026-01,10", "410102,TEKUN,全能,2026-01,900");
		ImportOutcome rejected = run(Source.STANDARDS, false, bad);
		assertThat(rejected.status()).isEqualTo(ImportOutcome.Status.REJECTED);
		assertThat(rejected.problems()).extracting(ImportProblem::row).containsExactlyInAnyOrder(2, 3, 4, 5, 6);
		assertThat(rejected.problems().stream().filter(p -> p.row() == 2).findFirst().orElseThrow().reason())
			.contains("缺少类别：标准");

		Path good = csv(dir, "good.csv", header, "410102,DIBAO_RURAL,标准,2026-01,700", "410102,TEKUN,全自理,2026-01,900",
				"410102,TEKUN,半护理,2026-01,1000", "410102,TEKUN,全护理,2026-01,1200");
		ImportOutcome ok = run(Source.STANDARDS, false, good);
		assertThat(ok.status()).isEqualTo(ImportOutcome.Status.COMMITTED);
		assertThat(ok.warnings()).singleElement().asString().contains("特困全自理", "农村最低生活保障", "910.00");

		// a TEKUN amount above 1.3 × DIBAO when it starts, but below once DIBAO rises (held or uploaded)
		Path raise = csv(dir, "raise.csv", header, "410102,DIBAO_RURAL,标准,2026-11,790");
		assertThat(run(Source.STANDARDS, false, raise).warnings()).singleElement().asString()
			.contains("自2026-11起特困全自理标准900.00元", "1027.00");
		Path tekun = csv(dir, "tekun.csv", header, "410102,TEKUN,全自理,2026-10,1010");
		assertThat(run(Source.STANDARDS, false, tekun).warnings()).singleElement().asString()
			.contains("区县410102自2026-11起特困全自理标准1010.00元", "790.00", "1027.00");
	}

	@Test
	void rejectsTempAssistCasesByTheRulesThatNeedOtherData() throws Exception {
		csvStandards();
		String p1 = id("410102", "19800101", 11);
		String p2 = id("410102", "19800101", 12);
		String header = "区划代码,户编号,身份证号,姓名,审批编号,审批月份,救助金额,救助事由,开户银行,银行账号,账户名";
		String tail = ",工商银行,6222020200001234567,甲";
		Path file = csv(dir, "ta.csv", header,
				"410102001001,H1," + p1 + ",甲,C1,2026-05,3000,火灾" + tail,
				"410102001001,H1," + p1 + ",甲,C2,2026-05,100,疾病" + tail,
				"410102001001,H2," + p2 + ",乙,C3,2026-05,6000,火灾" + tail,
				"999999001001,H3," + p2 + ",乙,C4,2026-05,100,火灾" + tail);

		ImportOutcome o = run(Source.TEMP_ASSIST, true, file);

		assertThat(o.rowsAccepted()).isEqualTo(1);
		assertThat(reasons(o)).containsExactlyInAnyOrder("3:同一人同月已有临时救助（2026-05）", "4:超过单次救助上限（5000.00元）",
				"5:区划不在本系统");

		jdbc.update("insert into payroll_run (county, month, revision, batch_no, status, pay_date, created_by, created_at) values ('410102', '2026-05', 1, 'x', 'APPROVED', '2026-05-10', 't', now())");
		jdbc.update("insert into payroll_run (county, month, revision, batch_no, status, pay_date, created_by, created_at) values ('410102', '2027-06', 1, 'y', 'APPROVED', '2027-06-10', 't', now())");
		// first run month 2026-05; latest approved 2027-06, so run 2027-07 back-pays from 2026-07 (12 months)
		Path late = csv(dir, "late.csv", header, "410102001001,H2," + p2 + ",乙,C9,2026-04,100,火灾" + tail,
				"410102001001,H2," + p2 + ",乙,C8,2026-06,100,火灾" + tail,
				"410102001001,H2," + p2 + ",乙,C7,2026-07,100,火灾" + tail);
		ImportOutcome l = run(Source.TEMP_ASSIST, true, late);
		assertThat(reasons(l)).containsExactly("2:超过补发期限", "3:超过补发期限");
		assertThat(l.rowsAccepted()).isEqualTo(1);

		jdbc.update("""
				insert into payment_line (run_id, county, region_code, program, household_id, id_number, name, pay_month,
				  amount, status, payment_key)
				select id, '410102', '410102001001', 'TEMP_ASSIST', 'H1', ?, '甲', '2026-05', 3000, 'PAY', 'k'
				from payroll_run where month = '2026-05'""", p1);
		Path paid = csv(dir, "paid.csv", header, "410102001001,H1," + p1 + ",甲,C1,2026-05,2999,火灾" + tail,
				"410102001001,H1," + p1 + ",甲,C5,2026-05,50,疾病" + tail);
		// C1 again: the case already paid; C5: a new case for the person and month already paid under C1
		assertThat(reasons(run(Source.TEMP_ASSIST, true, paid))).containsExactly("2:该审批已发放",
				"3:同一人同月已有临时救助（2026-05）");
	}

	void csvStandards() throws Exception {
		ImportOutcome s = run(Source.STANDARDS, false, csv(dir, "s.csv", "区划代码,项目,类别,生效月份,月标准",
				"410102,DIBAO_URBAN,标准,2026-01,700", "410102,TEMP_ASSIST,单次上限,2026-01,5000"));
		assertThat(s.status()).isEqualTo(ImportOutcome.Status.COMMITTED);
	}
}
