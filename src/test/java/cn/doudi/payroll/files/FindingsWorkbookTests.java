package cn.doudi.payroll.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.doudi.payroll.MonthEndFiles.FindingRow;
import cn.doudi.payroll.files.FindingsWorkbook.CountySummary;

/** findings.xlsx without a database: detail texts masked, sheets only for the codes present, input order irrelevant. */
class FindingsWorkbookTests {

	static final String ID = "41010219400302011X";
	static final String OTHER = "410102194103030125";

	@TempDir
	Path out;

	@Test
	void masksIdLikeNumbersInTextButLeavesHouseholdNumbers() {
		assertThat(FindingsWorkbook.maskIdLike("同一身份证号" + ID + "，户4101220010010001，账户6217000010002008959，旧号410102400302011"))
			.isEqualTo("同一身份证号410102********011X，户4101220010010001，账户621700*********8959，旧号410102*****2011");
		assertThat(FindingsWorkbook.maskIdLike("2026-09-20死亡")).isEqualTo("2026-09-20死亡");
	}

	@Test
	void aDetailWithAFullIdIsMaskedAndOnlyCodesPresentGetASheet() throws Exception {
		List<FindingRow> rows = List.of(
				new FindingRow("410102", "SHARED_ACCOUNT", "HOLD", OTHER, "李四", "D2", "DIBAO_URBAN", "与" + ID + "共用账户"),
				new FindingRow("410102", "DECEASED", "STOP", ID, "张三", "E1", "ELDERLY;DISABILITY_CARE", "死亡信息"));
		List<CountySummary> counties = List.of(new CountySummary("410102", Optional.empty(), 0, BigDecimal.ZERO));

		FindingsWorkbook.write("2026年10月", counties, rows, out.resolve("a.xlsx"));
		FindingsWorkbook.write("2026年10月", counties, List.of(rows.get(1), rows.get(0)), out.resolve("b.xlsx"));

		assertThat(Files.readAllBytes(out.resolve("b.xlsx"))).isEqualTo(Files.readAllBytes(out.resolve("a.xlsx")));
		try (InputStream in = Files.newInputStream(out.resolve("a.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
			assertThat(IntStream.range(0, wb.getNumberOfSheets()).mapToObj(wb::getSheetName))
				.containsExactly("汇总", "DECEASED", "SHARED_ACCOUNT");
			assertThat(wb.getSheet("SHARED_ACCOUNT").getRow(2).getCell(7).getStringCellValue())
				.isEqualTo("与410102********011X共用账户");
			assertThat(wb.getSheet("DECEASED").getRow(2).getCell(3).getStringCellValue()).isEqualTo("410102********011X");
			assertThat(wb.getSheet("DECEASED").getRow(2).getCell(6).getStringCellValue())
				.isEqualTo("高龄津贴；重度残疾人护理补贴");
			assertThat(wb.getSheet("DECEASED").getRow(0).getCell(0).getStringCellValue())
				.isEqualTo("2026年10月 DECEASED 死亡人员：停止发放，1条");
		}
	}
}
