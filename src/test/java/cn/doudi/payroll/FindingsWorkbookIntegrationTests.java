package cn.doudi.payroll;

import static cn.doudi.matching.CheckData.ZM;
import static cn.doudi.matching.CheckData.ZY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.identity.IdNumber;
import cn.doudi.matching.CheckData;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;

/**
 * findings.xlsx (OUTPUTS.md): the rows of findings.csv grouped one sheet per code, IDs masked, and the
 * summary sheet per county (certified silently, held, leads, counts per code) — on a worked example of
 * two counties: in 中原 (410102) five people checked, a NAME_MISMATCH, an AGE_INELIGIBLE and a shared
 * account of two households hold four of them, one is certified silently, and a poor person off the
 * roster is a lead; in 中牟 (410122) one person checked and certified silently.
 */
@DoudiIntegrationTest
class FindingsWorkbookIntegrationTests {

	static final YearMonth OCT = YearMonth.of(2026, 10);
	static final String ELDER = CheckData.id(ZY, "1940-03-02", 11);
	static final String YOUNG = CheckData.id(ZY, "1946-11-01", 12); // 79 in 2026-10
	static final String CLEAN = CheckData.id(ZY, "1942-01-01", 31);
	static final String HEAD1 = CheckData.id(ZY, "1970-01-01", 21);
	static final String HEAD2 = CheckData.id(ZY, "1971-01-01", 22);
	static final String POOR = CheckData.id(ZY, "1972-01-14", 101);
	static final String ZM_ELDER = CheckData.id(ZM, "1938-05-06", 41);
	static final String ACCOUNT = "6217000010002008959";
	static final List<String> FULL_NUMBERS = List.of(ELDER, YOUNG, CLEAN, HEAD1, HEAD2, POOR, ZM_ELDER, ACCOUNT);

	@Autowired
	PayrollRuns payroll;

	@Autowired
	MonthEnd monthEnd;

	@Autowired
	MonthEndFiles files;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path out;

	PayrollRun zy;
	PayrollRun zm;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(jdbc);
		new CheckData(jdbc).counties(ZY, ZM)
			.user("fin1", "FINANCE", null)
			.row("410102001001", "E1", ELDER, "杨桂英", "户主", "ELDERLY", "2026-01")
			.row("410102001001", "E2", YOUNG, "陈翠花", "户主", "ELDERLY", "2026-01")
			.row("410102001001", "E3", CLEAN, "李四", "户主", "ELDERLY", "2026-01")
			.row("410102001001", "D1", HEAD1, "徐万年", "户主", "DIBAO_URBAN", "2026-01", null, ACCOUNT)
			.row("410102001001", "D2", HEAD2, "李桂兰", "户主", "DIBAO_URBAN", "2026-01", null, ACCOUNT)
			.row("410122201001", "M1", ZM_ELDER, "王秀英", "户主", "ELDERLY", "2026-01")
			.death(ELDER, "韩广才", "2026-09-20")
			.poverty("410102001001", "P1", POOR, "王向阳", "贫困边缘人口");
		// given: both counties' runs of October
		zy = monthEnd.one(ZY, OCT, OCT.atDay(10), out.resolve("month-end-zy"), "fin1");
		zm = monthEnd.one(ZM, OCT, OCT.atDay(10), out.resolve("month-end-zm"), "fin1");
	}

	@Test
	void oneSheetPerCodeAfterTheSummaryWithTheRowsOfFindingsCsv() throws Exception {
		// when
		files.write(List.of(zy, zm), out);

		// then
		try (XSSFWorkbook wb = open(out.resolve("findings.xlsx"))) {
			assertThat(sheetNames(wb)).containsExactly("汇总", "AGE_INELIGIBLE", "NAME_MISMATCH", "POVERTY_NOT_COVERED",
					"SHARED_ACCOUNT");
			List<String> xlsx = new ArrayList<>();
			for (int s = 1; s < wb.getNumberOfSheets(); s++) {
				Sheet sheet = wb.getSheetAt(s);
				assertThat(text(sheet.getRow(1))).startsWith("区县", "问题代码", "处理方式", "身份证号", "姓名", "户编号");
				for (int r = 2; r <= sheet.getLastRowNum(); r++) {
					List<String> row = text(sheet.getRow(r));
					assertThat(row.get(1)).as("grouped by code").isEqualTo(sheet.getSheetName());
					xlsx.add(row.get(0) + "," + row.get(1) + "," + row.get(3) + "," + row.get(4) + "," + row.get(5));
				}
			}
			List<String> csv = Files.readAllLines(out.resolve("findings.csv")).stream().skip(1).map(l -> l.split(","))
				.map(f -> f[0] + "," + f[1] + "," + IdNumber.mask(f[3]) + "," + f[4] + "," + f[5])
				.toList();
			assertThat(xlsx).as("the rows of findings.csv, in its order, ID masked").isEqualTo(csv).hasSize(5);
			assertThat(text(wb.getSheet("SHARED_ACCOUNT").getRow(2))).containsSubsequence("410102", "SHARED_ACCOUNT",
					"暂停发放待核实", IdNumber.mask(HEAD1), "徐万年", "D1", "城市最低生活保障");
			assertThat(text(wb.getSheet("SHARED_ACCOUNT").getRow(3)).get(3)).isEqualTo(IdNumber.mask(HEAD2))
				.matches("410102\\*{8}[0-9]{3}[0-9X]");
		}
	}

	@Test
	void theSummaryCountsCertifiedSilentlyHeldAndLeadsPerCounty() throws Exception {
		// when
		files.write(List.of(zy, zm), out);

		// then
		Object[] held = jdbc.queryForObject("""
				select count(*), coalesce(sum(amount), 0) from payment_line where run_id = ? and status = 'HELD'
				""", (rs, i) -> new Object[] { rs.getLong(1), rs.getBigDecimal(2) }, zy.id());
		assertThat(held[0]).isEqualTo(4L);
		assertThat((BigDecimal) held[1]).isPositive();
		try (XSSFWorkbook wb = open(out.resolve("findings.xlsx"))) {
			Sheet summary = wb.getSheet("汇总");
			assertThat(text(summary.getRow(1))).containsExactly("区县", "核查人数", "静默认证人数", "暂停发放人数", "暂停笔数",
					"暂停金额（元）", "线索条数（应保尽保）", "未结问题条数");
			// county, checked, certified silently, people held, lines held, amount held, leads, open findings
			assertThat(values(summary.getRow(2))).containsExactly("410102", 5.0, 1.0, 4.0, 4.0,
					((BigDecimal) held[1]).doubleValue(), 1.0, 5.0);
			assertThat(values(summary.getRow(3))).containsExactly("410122", 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0);
			assertThat(values(summary.getRow(4))).containsExactly("合计", 6.0, 2.0, 4.0, 4.0,
					((BigDecimal) held[1]).doubleValue(), 1.0, 5.0);

			int perCode = findRow(summary, "问题代码");
			assertThat(text(summary.getRow(perCode))).containsExactly("问题代码", "问题名称", "处理方式", "410102", "410122",
					"合计");
			List<String> counts = IntStream.rangeClosed(perCode + 1, summary.getLastRowNum())
				.mapToObj(r -> values(summary.getRow(r)))
				.map(v -> v.get(0) + ":" + v.get(3) + ":" + v.get(4) + ":" + v.get(5))
				.toList();
			assertThat(counts).hasSize(16)
				.contains("AGE_INELIGIBLE:1.0:0.0:1.0", "NAME_MISMATCH:1.0:0.0:1.0", "POVERTY_NOT_COVERED:1.0:0.0:1.0",
						"SHARED_ACCOUNT:2.0:0.0:2.0", "DECEASED:0.0:0.0:0.0");
		}
	}

	@Test
	void noFullIdOrAccountNumberAnywhereInTheWorkbook() throws Exception {
		// when
		files.write(List.of(zy, zm), out);

		// then: every part of the zip, as text (cells, shared strings, properties)
		Pattern idLike = Pattern.compile("(?<![0-9])[0-9]{17}[0-9X]");
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(out.resolve("findings.xlsx")))) {
			ZipEntry entry;
			int parts = 0;
			while ((entry = zip.getNextEntry()) != null) {
				String xml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
				parts++;
				assertThat(idLike.matcher(xml).find()).as(entry.getName()).isFalse();
				for (String full : FULL_NUMBERS) {
					assertThat(xml).as(entry.getName()).doesNotContain(full);
				}
				if (entry.getName().equals("xl/sharedStrings.xml")) {
					assertThat(xml).contains(IdNumber.mask(ELDER), IdNumber.mask(POOR));
				}
			}
			assertThat(parts).isGreaterThan(5);
		}
		assertThat(Files.readString(out.resolve("findings.csv"))).as("the CSV keeps full numbers").contains(ELDER);
	}

	@Test
	void aSecondWriteIsByteIdenticalWhateverTheOrderOfTheRuns() throws Exception {
		// given
		files.write(List.of(zy, zm), out.resolve("first"));
		byte[] first = Files.readAllBytes(out.resolve("first/findings.xlsx"));

		// when
		Thread.sleep(1100); // a clock in the file would now differ
		files.write(List.of(zm, zy), out.resolve("second"));

		// then
		assertThat(Files.readAllBytes(out.resolve("second/findings.xlsx"))).isEqualTo(first);
		try (var names = Files.list(out.resolve("second"))) {
			assertThat(names.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
		}
	}

	static XSSFWorkbook open(Path file) throws Exception {
		try (InputStream in = Files.newInputStream(file)) {
			return new XSSFWorkbook(in);
		}
	}

	static List<String> sheetNames(XSSFWorkbook wb) {
		return IntStream.range(0, wb.getNumberOfSheets()).mapToObj(wb::getSheetName).toList();
	}

	static List<String> text(Row row) {
		DataFormatter f = new DataFormatter();
		List<String> out = new ArrayList<>();
		for (int c = 0; c < row.getLastCellNum(); c++) {
			Cell cell = row.getCell(c);
			out.add(cell == null ? "" : f.formatCellValue(cell));
		}
		return out;
	}

	/** Strings as strings, numbers as doubles, missing cells as null. */
	static List<Object> values(Row row) {
		List<Object> out = new ArrayList<>();
		for (int c = 0; c < row.getLastCellNum(); c++) {
			Cell cell = row.getCell(c);
			out.add(cell == null ? null : switch (cell.getCellType()) {
				case NUMERIC -> cell.getNumericCellValue();
				default -> cell.getStringCellValue();
			});
		}
		return out;
	}

	static int findRow(Sheet sheet, String first) {
		for (int r = 0; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row != null && row.getCell(0) != null && first.equals(row.getCell(0).getStringCellValue())) {
				return r;
			}
		}
		throw new AssertionError("no row starting with " + first);
	}
}
