package cn.doudi.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Date;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * {@link Workbooks} and {@link StableZip#of}: the same bytes as POI's own workbook restamped, for a sheet of
 * repeated and unique strings, a string with leading spaces, an empty one and a formatted (rich) one.
 */
class WorkbooksTests {

	private static byte[] sheet(Supplier<XSSFWorkbook> workbook, boolean once) throws Exception {
		XSSFWorkbook wb = workbook.get();
		try {
			wb.getProperties().getCoreProperties().setCreated(Optional.of(new Date(0)));
			wb.getProperties().getCoreProperties().setModified(Optional.of(new Date(0)));
			XSSFSheet sheet = wb.createSheet("公示");
			String[] names = { "张三", "李四", "张三", "  王五", "", "刘䶮", "李四", "王𠀾华", "" };
			for (int r = 0; r < names.length; r++) {
				Row row = sheet.createRow(r);
				row.createCell(0).setCellValue(names[r]);
				row.createCell(1).setCellValue("城市最低生活保障");
				row.createCell(2).setCellValue(r);
			}
			XSSFRichTextString rich = new XSSFRichTextString("张三（户主）");
			XSSFFont bold = wb.createFont();
			bold.setBold(true);
			rich.applyFont(0, 2, bold);
			sheet.createRow(names.length).createCell(0).setCellValue(rich);
			sheet.createRow(names.length + 1).createCell(0).setCellValue("张三（户主）");
			if (once) {
				return StableZip.of(wb::write);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			wb.write(out);
			return StableZip.restamp(out.toByteArray());
		}
		finally {
			wb.getPackage().revert();
		}
	}

	@Test
	void theSameBytesAsPoisOwnWorkbookRestamped() throws Exception {
		byte[] poi = sheet(XSSFWorkbook::new, false);

		assertThat(sheet(Workbooks::create, true)).isEqualTo(poi);
		assertThat(sheet(Workbooks::create, false)).isEqualTo(poi);
		assertThat(sheet(XSSFWorkbook::new, true)).isEqualTo(poi);
	}

	@Test
	void repeatedStringsAreSharedAndTheRichOneKeptApart() throws Exception {
		try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(sheet(Workbooks::create, true)))) {
			// 张三 李四 "  王五" "" 刘䶮 王𠀾华, 城市最低生活保障, the rich 张三（户主） and the plain one
			assertThat(read.getSharedStringSource().getUniqueCount()).isEqualTo(9);
			assertThat(read.getSharedStringSource().getCount()).isEqualTo(20);
			assertThat(read.getSheetAt(0).getRow(3).getCell(0).getStringCellValue()).isEqualTo("  王五");
			assertThat(read.getSheetAt(0).getRow(9).getCell(0).getRichStringCellValue().numFormattingRuns()).isPositive();
		}
	}
}
