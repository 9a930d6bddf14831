package cn.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.kernel.FailPoint;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;
import cn.doudi.support.TestData;

/**
 * Each county's bank files and notices are written by the partition that computed the county; the month-end
 * then checks they are in its folder. Here county 410103's partition writes its bank files, which then vanish
 * before the month-end looks (as when a remote worker writes them into a folder of its own, not the shared
 * one): 410103 is refused, naming the county and the folder, and its run is FAILED; 410102 is drafted, its
 * files in the folder, the bank manifest listing its files only.
 */
@DoudiIntegrationTest
class CountyFilesIntegrationTests {

	static final YearMonth OCT = YearMonth.of(2026, 10);

	@Autowired
	MonthEnd monthEnd;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path out;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(jdbc);
		new TestData(jdbc).standard("410102", "ELDERLY", "80-89", "2026-01", "100.00")
			.standard("410103", "ELDERLY", "80-89", "2026-01", "100.00")
			.user("fin3", "FINANCE", null)
			.beneficiary("410102001001", "A1", TestData.id("410102", "1940-03-02", 11), "张三", "户主", "ELDERLY", null,
					null, "2026-01", null)
			.beneficiary("410103001001", "B1", TestData.id("410103", "1940-03-02", 12), "李四", "户主", "ELDERLY", null,
					null, "2026-01", null);
	}

	@AfterEach
	void tearDown() {
		FailPoint.hook(null);
	}

	@Test
	void aCountyWhoseFilesAreNotInTheFolderIsRefusedNamingTheFolder() {
		// in 410103's partition, between its bank files and its notices: its bank files go elsewhere
		FailPoint.hook(name -> {
			if (name.equals("month-end.writing-files") && "410103".equals(MDC.get("county"))) {
				bankFiles().stream().filter(f -> f.contains("410103")).forEach(f -> delete(out.resolve("bank").resolve(f)));
			}
		});

		MonthEnd.Report report = monthEnd.run(OCT, List.of(), null, out, "fin3", new MonthEnd.Listener() {
			@Override
			public void computed(PayrollRun run) {
			}

			@Override
			public void refused(String county, String reason) {
			}
		}, 2);

		assertThat(report.runs()).extracting(PayrollRun::county).containsExactly("410102");
		assertThat(report.refused()).containsOnlyKeys("410103");
		assertThat(report.refused().get("410103")).contains("410103")
			.contains("工作进程写不到输出目录")
			.contains(out.toAbsolutePath().normalize().toString())
			.contains("bank/DRAFT-ICBC-410103-202610.txt")
			.contains("是否为各工作进程在同一路径可达的共享目录");
		assertThat(jdbc.queryForObject("select status from payroll_run where county = '410103'", String.class))
			.isEqualTo("FAILED");
		assertThat(bankFiles()).containsExactly("DRAFT-410102-202610.pain.001.xml", "DRAFT-ICBC-410102-202610.txt",
				"MANIFEST.sha256");
		assertThat(lines(out.resolve("bank").resolve("MANIFEST.sha256"))).hasSize(2)
			.allSatisfy(l -> assertThat(l).contains("-410102-202610"));
		assertThat(out.resolve("payments.csv")).exists();
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private List<String> bankFiles() {
		try (Stream<Path> s = Files.list(out.resolve("bank"))) {
			return s.map(p -> p.getFileName().toString()).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void delete(Path file) {
		try {
			Files.delete(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
