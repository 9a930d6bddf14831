package cn.doudi.ingest;

import static cn.doudi.ingest.Fixtures.BENEFICIARY_HEADER;
import static cn.doudi.ingest.Fixtures.dibao;
import static cn.doudi.ingest.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.support.Commands;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;

/** {@code doudi import}: exit codes, the summary, masked values on the console. */
@DoudiIntegrationTest
class ImportCommandIntegrationTests {

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path dir;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(jdbc);
		Fixtures.users(jdbc);
	}

	record Run(int exit, String out, String err) {
	}

	Run run(String... args) {
		PrintStream old = System.out;
		PrintStream oldErr = System.err;
		ByteArrayOutputStream buf = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		try {
			int exit = Commands.run(context, args);
			return new Run(exit, buf.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(old);
			System.setErr(oldErr);
		}
	}

	@Test
	void aFileThatCannotBeReadIsNamedWithItsReasonOnStandardError() throws Exception {
		Path empty = dir.resolve("empty.csv");
		java.nio.file.Files.write(empty, new byte[0]);

		Run r = run("import", "beneficiaries", empty.toString(), "--user=op1");

		assertThat(r.exit()).isEqualTo(4);
		assertThat(r.err().strip()).startsWith("doudi: beneficiaries：未导入任何数据：empty.csv ").contains("文件为空")
			.doesNotContain("\n");
		assertThat(r.out() + r.err()).doesNotContain("Exception").doesNotContain("\tat ");
	}

	@Test
	void problemsAreListedInRowOrderWithShortCodesShownAndIdsMasked() throws Exception {
		String good = id("410102", "19500101", 1);
		String bad = Fixtures.badCheck(id("410102", "19500101", 3));
		Path file = Fixtures.csv(dir, "r.csv", BENEFICIARY_HEADER, dibao("H1", good, "甲", "户主", "1"),
				"4101020010,H2," + id("410102", "19500101", 2) + ",乙,户主,农村低保,,1,2026-01,,农业银行,6228480000001234567,乙",
				dibao("H3", bad, "丙", "户主", "1"),
				dibao("H4", id("410102", "19500101", 4), "丁", "配偶", "1"));

		Run r = run("import", "beneficiaries", file.toString(), "--user=op1");

		assertThat(r.out()).contains("值“4101020010”").doesNotContain(bad);
		int row3 = r.out().indexOf("第3行");
		int row4 = r.out().indexOf("第4行");
		int row5 = r.out().indexOf("第5行");
		assertThat(row3).isPositive().isLessThan(row4);
		assertThat(row4).isLessThan(row5);
	}

	@Test
	void exitsNonZeroOnRejectsAndZeroWhenImportedOrAlreadyImported() throws Exception {
		String bad = Fixtures.badCheck(id("410102", "19500101", 2));
		Path file = Fixtures.csv(dir, "r.csv", BENEFICIARY_HEADER, dibao("H1", id("410102", "19500101", 1), "甲", "户主", "1"),
				dibao("H2", bad, "乙", "户主", "1"));

		Run rejected = run("import", "beneficiaries", file.toString(), "--user=op1");
		assertThat(rejected.exit()).isEqualTo(4);
		assertThat(rejected.out()).contains("第3行", "[身份证号]", "校验位", "错误报告：", "r.csv.errors.xlsx")
			.doesNotContain(bad);

		Run accepted = run("import", "beneficiaries", file.toString(), "--accept-valid-rows", "--user=op1");
		assertThat(accepted.exit()).isZero();
		assertThat(accepted.out()).contains("导入 1 行，拒绝 1 行");

		Run again = run("import", "beneficiaries", file.toString(), "--accept-valid-rows", "--user=op1");
		assertThat(again.exit()).isZero();
		assertThat(again.out()).contains("已于导入 #2 导入过");
		assertThat(jdbc.queryForObject("select imported_by from import_batch where id = 2", String.class)).isEqualTo("op1");
	}

	@Test
	void refusesAnUnknownSource() {
		assertThat(run("import", "pets", "x.csv").exit()).isEqualTo(2);
	}
}
