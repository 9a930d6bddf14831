package cn.doudi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.support.Commands;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;
import cn.doudi.support.TestData;

/**
 * Issue 14: a first month run on standards and beneficiaries alone held every disability line and signed
 * the notices with the county's code, and nothing said so. month-end now warns on standard error, before
 * the month runs, about a county without a name in regions and a source the month needs that never arrived.
 */
@DoudiIntegrationTest
class MonthEndMissingDataIntegrationTests {

	static final String COUNTY = "410102";

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path out;

	TestData data;

	final ByteArrayOutputStream err = new ByteArrayOutputStream();
	PrintStream originalErr;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(jdbc);
		data = new TestData(jdbc).standard(COUNTY, "DISABILITY_LIVING", "标准", "2026-01", "90.00")
			.beneficiary("410102001001", "D1", TestData.id(COUNTY, "1970-03-02", 11), "张三", "本人", "DISABILITY_LIVING", null,
					null, "2026-01", null)
			.beneficiary("410102001001", "D2", TestData.id(COUNTY, "1971-03-02", 13), "李四", "本人", "DISABILITY_LIVING", null,
					null, "2026-01", null)
			.user("fin1", "FINANCE", null);
		originalErr = System.err;
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	@AfterEach
	void restore() {
		System.setErr(originalErr);
	}

	long arrived(String source) {
		return jdbc.queryForObject("""
				insert into import_batch (source, content_hash, file_names, status, imported_by, started_at, finished_at)
				values (?, md5(?) || md5(?), 'f.csv', 'COMMITTED', 'op1', now(), now()) returning id""", Long.class, source,
				source, "x");
	}

	@Test
	void aFirstMonthOnStandardsAndBeneficiariesAloneIsWarnedAboutAndStillRuns() {
		int status = Commands.run(context, "month-end", "--month=2026-10", "--out=" + out, "--user=fin1");

		assertThat(status).isZero();
		String warnings = err.toString(StandardCharsets.UTF_8);
		assertThat(warnings.lines().filter(l -> l.startsWith("doudi: 警告：")))
			.contains("doudi: 警告：区县 410102 在区划名称（regions）中没有名称：本月的公示和告知书将以代码“410102”署名（先导入 regions）",
					"doudi: 警告：区县 410102 有 1 个村（社区）在区划名称（regions）中没有名称：公示上以代码代替",
					"doudi: 警告：残疾人基础信息（disability）从未导入：区县 410102 本月 2 人的残疾人两项补贴将全部暂停发放（疑点“无有效残疾证”），低保的重残分类施保也不会计算",
					"doudi: 警告：防返贫监测/脱贫人口信息（poverty）从未导入：本月不能发现应保未保的防返贫监测对象（疑点“防返贫监测对象未纳入低保特困”）",
					"doudi: 警告：婚姻登记信息（marriages）从未导入：本月不能核查婚姻变化（疑点“婚姻状况变化”）".replace("核查婚姻", "核查低保对象的婚姻"),
					"doudi: 警告：价格指数（cpi）从未导入：本月不计算价格临时补贴");
		// deaths and economic are watched for freshness (doudi.freshness.sources): said once, by that warning
		assertThat(warnings).contains("死亡/火化信息（deaths）从未导入").doesNotContain("警告：死亡");
		// and the warning told the truth: both lines are held for want of a certificate
		assertThat(jdbc.queryForList("select reason from payment_line", String.class)).hasSize(2)
			.allSatisfy(r -> assertThat(r).contains("DISABILITY_NOT_FOUND"));
	}

	@Test
	void aMonthWithNamesAndEverySourceIsNotWarnedAbout() {
		long regions = arrived("regions");
		jdbc.update("insert into region (import_id, code, name) values (?, '410102', '中原区'), (?, '410102001001', '建设路社区')",
				regions, regions);
		for (String source : new String[] { "disability", "poverty", "marriages", "cpi", "deaths", "economic" }) {
			arrived(source);
		}

		assertThat(Commands.run(context, "month-end", "--month=2026-10", "--out=" + out, "--user=fin1")).isZero();
		assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("从未导入", "regions", "注意");
	}

	@Test
	void oneCountyIsWarnedAboutOnlyForItself() {
		data.standard("410122", "DISABILITY_LIVING", "标准", "2026-01", "90.00");
		long regions = arrived("regions");
		jdbc.update("insert into region (import_id, code, name) values (?, '410122', '中牟县')", regions);

		Commands.run(context, "month-end", "--month=2026-10", "--county=410122", "--out=" + out, "--user=fin1");
		assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("区县 410102", "区县 410122 在区划");
	}
}
