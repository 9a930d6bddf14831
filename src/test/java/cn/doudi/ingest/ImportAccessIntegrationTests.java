package cn.doudi.ingest;

import static cn.doudi.ingest.Fixtures.BENEFICIARY_HEADER;
import static cn.doudi.ingest.Fixtures.csv;
import static cn.doudi.ingest.Fixtures.dibao;
import static cn.doudi.ingest.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.support.Commands;
import cn.doudi.security.AccessDeniedException;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;

/**
 * Every import checks the acting user before it writes anything: the user must exist and hold the
 * permission (IMPORT_POLICY for standards and regions, IMPORT_ROSTERS otherwise); a county user may
 * import only rows of its county, and only sources that carry a county.
 */
@DoudiIntegrationTest
class ImportAccessIntegrationTests {

	@Autowired
	RosterImports imports;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ConfigurableApplicationContext context;

	@TempDir
	Path dir;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(jdbc);
		Fixtures.users(jdbc);
		Fixtures.user(jdbc, "zy-op", "OPERATOR", "410102");
		Fixtures.user(jdbc, "zm-op", "OPERATOR", "410122");
		Fixtures.user(jdbc, "monitor", "MONITOR", null);
		Fixtures.user(jdbc, "zy-admin", "ADMIN", "410102");
	}

	ImportOutcome run(Source source, String user, Path... files) {
		return imports.importFiles(source, List.of(files), ImportOptions.by(user));
	}

	void assertNothingWritten() {
		assertThat(jdbc.queryForObject("select count(*) from import_batch", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from beneficiary", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from audit_event", Integer.class)).isZero();
	}

	Path roster410102() throws Exception {
		return csv(dir, "zy.csv", BENEFICIARY_HEADER, dibao("H1", id("410102", "19500101", 11), "甲", "户主", "100"));
	}

	@Test
	void anUnknownUserOrOneWithoutThePermissionImportsNothing() throws Exception {
		Path file = roster410102();
		assertThatThrownBy(() -> run(Source.BENEFICIARIES, "nobody", file)).isInstanceOf(AccessDeniedException.class)
			.hasMessageContaining("用户 nobody 不存在");
		assertThatThrownBy(() -> run(Source.BENEFICIARIES, "monitor", file)).isInstanceOf(AccessDeniedException.class)
			.hasMessageContaining("无权导入在册对象花名册").hasMessageContaining("MONITOR");
		jdbc.update("update app_user set active = false where name = 'op1'");
		assertThatThrownBy(() -> run(Source.BENEFICIARIES, "op1", file)).isInstanceOf(AccessDeniedException.class);
		assertNothingWritten();
	}

	@Test
	void thePolicyTablesNeedACityWideAdmin() throws Exception {
		Path standards = csv(dir, "s.csv", "区划代码,项目,类别,生效月份,月标准", "410102,DIBAO_URBAN,标准,2026-01,700");
		Path regions = csv(dir, "r.csv", "区划代码,名称", "410102,中原区");
		assertThatThrownBy(() -> run(Source.STANDARDS, "op1", standards)).isInstanceOf(AccessDeniedException.class)
			.hasMessageContaining("无权导入保障标准").hasMessageContaining("OPERATOR");
		assertThatThrownBy(() -> run(Source.REGIONS, "op1", regions)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> run(Source.STANDARDS, "zy-admin", standards)).isInstanceOf(AccessDeniedException.class)
			.hasMessageContaining("全市");
		assertNothingWritten();

		assertThat(run(Source.STANDARDS, "tester", standards).committed()).isTrue();
		assertThat(run(Source.REGIONS, "tester", regions).committed()).isTrue();
	}

	@Test
	void aCountyUserImportsItsOwnCountysRowsOnly() throws Exception {
		Path own = roster410102();
		Path mixed = csv(dir, "mixed.csv", BENEFICIARY_HEADER, dibao("H1", id("410102", "19500101", 11), "甲", "户主", "100"),
				"410122200001,H2," + id("410122", "19600101", 12) + ",乙,户主,农村低保,,100,2026-01,,农业银行,6228480000001234567,乙");

		assertThatThrownBy(() -> run(Source.BENEFICIARIES, "zy-op", mixed)).isInstanceOf(AccessDeniedException.class)
			.hasMessageContaining("只能导入本县区 410102 的数据")
			.hasMessageContaining("mixed.csv 第 3 行的区划代码属于 410122");
		assertThatThrownBy(() -> run(Source.BENEFICIARIES, "zm-op", own)).isInstanceOf(AccessDeniedException.class)
			.hasMessageContaining("410102");
		assertNothingWritten();

		ImportOutcome o = run(Source.BENEFICIARIES, "zy-op", own);
		assertThat(o.committed()).isTrue();
		assertThat(o.counties()).containsExactly("410102");
		assertThat(jdbc.queryForObject("select actor || ' ' || county from audit_event where action = 'IMPORT'", String.class))
			.isEqualTo("zy-op 410102");
	}

	@Test
	void aCountyUserMayImportPovertyAndTempAssistOfItsCountyButNotTheCityLevelSources() throws Exception {
		String p1 = id("410102", "19400101", 11);
		Path poverty = csv(dir, "p.csv", "身份证号,姓名,区划代码,扶贫户编号,类别", p1 + ",甲,410122001001,F1,未脱贫人口");
		assertThatThrownBy(() -> run(Source.POVERTY, "zy-op", poverty)).isInstanceOf(AccessDeniedException.class)
			.hasMessageContaining("p.csv 第 2 行的区划代码属于 410122");
		Path tempAssist = csv(dir, "ta.csv", "区划代码,户编号,身份证号,姓名,审批编号,审批月份,救助金额,救助事由,开户银行,银行账号,账户名",
				"410122001001,H1," + p1 + ",甲,C1,2026-05,300,火灾,工商银行,6222020200001234567,甲");
		assertThatThrownBy(() -> run(Source.TEMP_ASSIST, "zy-op", tempAssist)).isInstanceOf(AccessDeniedException.class)
			.hasMessageContaining("410122");

		Path deaths = csv(dir, "d.csv", "身份证号,姓名,死亡日期", p1 + ",甲,2026-03-05");
		for (Source citywide : List.of(Source.DEATHS, Source.DISABILITY, Source.MARRIAGES, Source.ECONOMIC, Source.CPI)) {
			assertThatThrownBy(() -> run(citywide, "zy-op", deaths)).as(citywide.code())
				.isInstanceOf(AccessDeniedException.class)
				.hasMessageContaining("须由全市范围的用户导入");
		}
		assertNothingWritten();

		assertThat(run(Source.POVERTY, "zm-op", poverty).committed()).isTrue();
		assertThat(run(Source.DEATHS, "op1", deaths).committed()).isTrue();
	}

	@Test
	void theImportCommandPrintsOneChineseLineAndExitsWithFourWhenRefused() throws Exception {
		Path file = roster410102();
		PrintStream oldErr = System.err;
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		int exit;
		try {
			exit = Commands.run(context, "import", "beneficiaries", file.toString(), "--user=zm-op");
		}
		finally {
			System.setErr(oldErr);
		}
		String out = err.toString(StandardCharsets.UTF_8);
		assertThat(exit).isEqualTo(3);
		assertThat(out.strip()).doesNotContain("\n")
			.startsWith("doudi: 无权导入在册对象花名册（beneficiaries）：用户 zm-op 只能导入本县区 410122 的数据");
		assertNothingWritten();
	}
}
