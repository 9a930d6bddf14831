package cn.doudi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * {@code month-end} without {@code --county} runs every county with a standards row; a refused county
 * is named on standard error, the others still run, and the exit status is then non-zero (OUTPUTS.md).
 */
@DoudiIntegrationTest
class MonthEndCommandIntegrationTests {

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path out;

	final ByteArrayOutputStream err = new ByteArrayOutputStream();
	PrintStream originalErr;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(jdbc);
		TestData data = new TestData(jdbc);
		for (String county : new String[] { "410102", "410122" }) {
			data.standard(county, "ELDERLY", "80-89", "2026-01", "100.00")
				.beneficiary(county + "001001", "E" + county, TestData.id(county, "1940-03-02", 11), "张三", "户主",
						"ELDERLY", null, null, "2026-01", null);
		}
		data.user("fin1", "FINANCE", null).user("fin2", "FINANCE", null);
		originalErr = System.err;
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	@AfterEach
	void restore() {
		System.setErr(originalErr);
	}

	int run(String... args) {
		return Commands.run(context, args);
	}

	@Test
	void runsEveryCountyAndNamesTheRefusedOnes() throws Exception {
		assertThat(run("month-end", "--month=2026-10", "--out=" + out.resolve("10"), "--user=fin1")).isZero();
		assertThat(run("release", "--month=2026-10", "--county=410102", "--user=fin1")).isZero();
		assertThat(run("approve", "--month=2026-10", "--county=410102", "--user=fin1")).isNotZero();
		assertThat(run("approve", "--month=2026-10", "--county=410102", "--user=fin2")).isZero();

		int status = run("month-end", "--month=2026-11", "--out=" + out.resolve("11"), "--user=fin1");

		assertThat(status).isNotZero();
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("410122 被拒绝").doesNotContain("410102 被拒绝");
		assertThat(Files.readAllLines(out.resolve("11/payments.csv"))).hasSize(2)
			.last()
			.asString()
			.startsWith("410102,");

		// status: per county the latest run (410122's October draft, as November was refused)
		PrintStream originalOut = System.out;
		ByteArrayOutputStream shown = new ByteArrayOutputStream();
		System.setOut(new PrintStream(shown, true, StandardCharsets.UTF_8));
		try {
			assertThat(run("status")).isZero();
		}
		finally {
			System.setOut(originalOut);
		}
		assertThat(shown.toString(StandardCharsets.UTF_8)).contains("发放批次 3 个",
				"区县 410102：最近批次 2026-11 410102-202611-01 草稿；未结疑点", "区县 410122：最近批次 2026-10 410122-202610-01 草稿；未结疑点");
	}

	@Test
	void aCommandThatChangesSomethingNeedsAKnownUser() {
		assertThat(run("month-end", "--month=2026-10", "--county=410102", "--out=" + out, "--user=nobody"))
			.isNotZero();
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("nobody");
	}

	@Test
	void theFirstAdminBootstrapsOnAnEmptyUserTable() {
		jdbc.update("delete from app_user");
		assertThat(run("users", "add", "--name=boss", "--role=ADMIN", "--user=boss")).isZero();
		assertThat(run("users", "add", "--name=op", "--role=OPERATOR", "--county=410102", "--user=op")).isNotZero();
		assertThat(run("users", "add", "--name=op", "--role=OPERATOR", "--county=410102", "--user=boss")).isZero();
		assertThat(jdbc.queryForObject("select county from app_user where name = 'op'", String.class)).isEqualTo("410102");
	}
}
