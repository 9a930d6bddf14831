package cn.doudi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

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

/** A month whose deaths or economic data is stale still runs; month-end names the stale source on standard error. */
@DoudiIntegrationTest
class MonthEndFreshnessIntegrationTests {

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
		new TestData(jdbc).standard("410102", "ELDERLY", "80-89", "2026-01", "100.00")
			.beneficiary("410102001001", "E1", TestData.id("410102", "1940-03-02", 11), "张三", "户主", "ELDERLY", null, null,
					"2026-01", null)
			.user("fin1", "FINANCE", null);
		originalErr = System.err;
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	@AfterEach
	void restore() {
		System.setErr(originalErr);
	}

	void arrived(String source, String ago) {
		jdbc.update("""
				insert into import_batch (source, content_hash, file_names, status, imported_by, started_at, finished_at)
				values (?, md5(?) || md5(?), 'f.csv', 'COMMITTED', 'op1', now() - ?::interval, now() - ?::interval)""", source,
				source + ago, ago, ago, ago);
	}

	@Test
	void staleDeathsAreNamedAndTheMonthStillRuns() {
		arrived("deaths", "40 days");
		arrived("economic", "2 days");

		int status = Commands.run(context, "month-end", "--month=2026-10", "--out=" + out, "--user=fin1");

		assertThat(status).isZero();
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("doudi: 注意：死亡/火化信息（deaths）最近一次导入在")
			.contains("已 40 天未更新（超过 35 天）")
			.doesNotContain("economic");
		assertThat(jdbc.queryForObject("select count(*) from payroll_run", Integer.class)).isEqualTo(1);

		// summary.xlsx carries it too, on a sheet of its own that the workbook opens on
		String day = jdbc.queryForObject(
				"select to_char(finished_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') from import_batch where source = 'deaths'",
				String.class);
		List<String> warnings = staleSheet(out.resolve("summary.xlsx"));
		assertThat(warnings).hasSize(2);
		assertThat(warnings.get(1)).contains("死亡/火化信息（deaths）最近一次导入在 " + day, "超过 35 天").doesNotContain("economic");

		// the same run's files written again (the same inputs, a later moment): the same bytes
		byte[] first = read(out.resolve("summary.xlsx"));
		jdbc.update("update import_batch set finished_at = finished_at - interval '3 days' where source = 'deaths'");
		long run = jdbc.queryForObject("select id from payroll_run", Long.class);
		files.write(List.of(runs.run("fin1", run).run()), out);
		assertThat(read(out.resolve("summary.xlsx"))).isEqualTo(first);
	}

	@Autowired
	cn.doudi.payroll.MonthEndFiles files;

	@Autowired
	cn.doudi.payroll.PayrollRuns runs;

	static byte[] read(Path p) {
		try {
			return java.nio.file.Files.readAllBytes(p);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** The rows of the 数据时效提醒 sheet (empty without one); checks that the workbook opens on it. */
	static List<String> staleSheet(Path summary) {
		try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(read(summary)))) {
			var sheet = wb.getSheet("数据时效提醒");
			if (sheet == null) {
				return List.of();
			}
			assertThat(wb.getActiveSheetIndex()).isEqualTo(wb.getSheetIndex(sheet));
			List<String> rows = new java.util.ArrayList<>();
			sheet.forEach(r -> rows.add(r.getCell(0).getStringCellValue()));
			return rows;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void freshDataGivesNoWarning() {
		arrived("deaths", "3 days");
		arrived("economic", "30 days");

		assertThat(Commands.run(context, "month-end", "--month=2026-10", "--out=" + out, "--user=fin1")).isZero();
		assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("注意");
		assertThat(staleSheet(out.resolve("summary.xlsx"))).isEmpty();
	}
}
