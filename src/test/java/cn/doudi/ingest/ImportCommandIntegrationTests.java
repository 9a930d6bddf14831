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

import cn.doudi.cli.DoudiCli;
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

	record Run(int exit, String out) {
	}

	Run run(String... args) {
		PrintStream old = System.out;
		ByteArrayOutputStream buf = new ByteArrayOutputStream();
		System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
		try {
			return new Run(DoudiCli.execute(context, args), buf.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(old);
		}
	}

	@Test
	void exitsNonZeroOnRejectsAndZeroWhenImportedOrAlreadyImported() throws Exception {
		String bad = Fixtures.badCheck(id("410102", "19500101", 2));
		Path file = Fixtures.csv(dir, "r.csv", BENEFICIARY_HEADER, dibao("H1", id("410102", "19500101", 1), "甲", "户主", "1"),
				dibao("H2", bad, "乙", "户主", "1"));

		Run rejected = run("import", "beneficiaries", file.toString(), "--user=op1");
		assertThat(rejected.exit()).isEqualTo(1);
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
