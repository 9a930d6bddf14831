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
 * {@code release}, {@code approve}, {@code revoke} on the command line: one line on standard output and exit 0,
 * or one Chinese line on standard error and exit 1 with nothing changed (OUTPUTS.md).
 */
@DoudiIntegrationTest
class RunCommandsIntegrationTests {

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path out;

	final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
	final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
	PrintStream originalOut;
	PrintStream originalErr;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(jdbc);
		new TestData(jdbc).standard("410102", "ELDERLY", "80-89", "2026-01", "100.00")
			.beneficiary("410102001001", "E1", TestData.id("410102", "1940-03-02", 11), "张三", "户主", "ELDERLY", null, null,
					"2026-01", null)
			.user("fin1", "FINANCE", "410102")
			.user("fin2", "FINANCE", "410102");
		jdbc.update("insert into region (import_id, code, name) select min(id), '410102', '中原区' from import_batch");
		originalOut = System.out;
		originalErr = System.err;
		System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
	}

	@AfterEach
	void restore() {
		System.setOut(originalOut);
		System.setErr(originalErr);
	}

	int run(String... args) {
		stdout.reset();
		stderr.reset();
		return Commands.run(context, args);
	}

	@Test
	void aSecondApproveIsRefusedInOneLineAndChangesNothing() {
		assertThat(run("month-end", "--month=2026-10", "--county=410102", "--out=" + out, "--user=fin1")).isZero();
		assertThat(out()).contains("中原区（410102） 2026-10: 草稿 410102-202610-01");
		// the run named as a person would: county, month, which computation of the month (not 410102-202610-01)
		assertThat(run("release", "--month=2026-10", "--county=410102", "--user=fin1")).isZero();
		assertThat(out()).isEqualTo("已提交 中原区（410102） 2026-10 第 1 次计算（提交人 fin1）：须由另一名财务人员审批\n");
		assertThat(run("approve", "--month=2026-10", "--county=410102", "--user=fin2")).isZero();
		assertThat(out()).isEqualTo("已审批 中原区（410102） 2026-10 第 1 次计算（审批人 fin2，提交人 fin1）：正式代发文件 2 个，在 "
				+ out.resolve("bank").toAbsolutePath() + "\n");

		assertThat(run("approve", "--month=2026-10", "--county=410102", "--user=fin2")).isEqualTo(1);
		assertThat(err()).isEqualTo("doudi: 发放批次 410102-202610-01 已审批（fin2），不能再审批\n");
		assertThat(out()).isEmpty();
		assertThat(run("release", "--month=2026-10", "--county=410102", "--user=fin1")).isEqualTo(1);
		assertThat(err()).startsWith("doudi: 发放批次 410102-202610-01 已审批（fin2）").endsWith("只有草稿可以提交\n");
		assertThat(jdbc.queryForObject("select count(*) from audit_event where action in ('APPROVE', 'RELEASE')",
				Integer.class)).isEqualTo(2);

		assertThat(run("revoke", "--month=2026-10", "--county=410102", "--reason=标准录错", "--user=fin1")).isZero();
		assertThat(out()).isEqualTo("已撤销 中原区（410102） 2026-10 第 1 次计算：该月可以重新计算；其正式代发文件已移出 bank/"
				+ "（在 revoked/410102-202610-01/）\n");
		assertThat(run("revoke", "--month=2026-10", "--county=410102", "--reason=标准录错", "--user=fin1")).isEqualTo(1);
		assertThat(err()).isEqualTo("doudi: 410102 没有已审批的发放批次\n");
	}

	@Test
	void aRunWhoseDraftsAreMissingIsNeitherReleasedNorApproved() throws Exception {
		assertThat(run("month-end", "--month=2026-10", "--county=410102", "--out=" + out, "--user=fin1")).isZero();
		assertThat(run("release", "--month=2026-10", "--county=410102", "--user=fin1")).isZero();
		Files.delete(out.resolve("bank/DRAFT-ICBC-410102-202610.txt"));

		assertThat(run("approve", "--month=2026-10", "--county=410102", "--user=fin2")).isEqualTo(1);

		assertThat(err()).contains("草稿代发文件不完整", "bank/DRAFT-ICBC-410102-202610.txt 缺失", "重新执行 month-end")
			.doesNotContain("final");
		assertThat(err().lines()).hasSize(1);
		assertThat(jdbc.queryForObject("select status from payroll_run", String.class)).isEqualTo("RELEASED");
		assertThat(jdbc.queryForObject("select count(*) from bank_file where final", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'APPROVE'", Integer.class)).isZero();

		// a month-end of the month replaces the released run with a new draft and its files
		assertThat(run("month-end", "--month=2026-10", "--county=410102", "--out=" + out, "--user=fin1")).isZero();
		assertThat(run("release", "--month=2026-10", "--county=410102", "--user=fin1")).isZero();
		assertThat(run("approve", "--month=2026-10", "--county=410102", "--user=fin2")).isZero();
		assertThat(out()).startsWith("已审批 中原区（410102） 2026-10 第 2 次计算（审批人 fin2");
	}

	/** What the command printed (not the log lines, {@code HH:mm:ss LEVEL …}). */
	String out() {
		return stdout.toString(StandardCharsets.UTF_8)
			.lines()
			.filter(l -> !l.matches("\\d\\d:\\d\\d:\\d\\d [A-Z]+ .*"))
			.map(l -> l + "\n")
			.collect(java.util.stream.Collectors.joining());
	}

	String err() {
		return stderr.toString(StandardCharsets.UTF_8);
	}
}
