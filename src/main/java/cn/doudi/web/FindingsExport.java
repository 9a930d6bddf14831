package cn.doudi.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import cn.doudi.kernel.StableZip;
import cn.doudi.review.FindingList;
import cn.doudi.review.FindingView;

/**
 * The findings list as XLSX (疑点清单): one sheet, Chinese headers, the codes' and statuses' names, counties and
 * villages by name with the code beside, IDs and account numbers as the list masks them. Streamed (SXSSF, 100
 * rows in memory, then a temporary file), so an export of any size holds a window of rows, not the list. Byte-stable:
 * the same data and filter give the same bytes (fixed document dates and zip entry times, the list's order
 * broken by the finding's number).
 */
final class FindingsExport {

	static final String[] HEADERS = { "编号", "区县", "村（社区）", "疑点类型", "疑点代码", "处理效果", "状态", "身份证号", "姓名",
			"户编号", "项目", "收款账号", "说明", "首次发现月份", "最近发现月份", "关闭月份" };

	private static final Date FIXED = new Date(0);

	private FindingsExport() {
	}

	/** Writes the rows {@code rows} gives to its sink. */
	static void write(OutputStream out, Consumer<Consumer<FindingList.Row>> rows) throws IOException {
		Words w = Words.INSTANCE;
		SXSSFWorkbook book = new SXSSFWorkbook(100);
		Path file = Files.createTempFile("doudi-findings-", ".xlsx");
		try {
			// byte-stable: fixed document dates (POI stamps now), fixed entry times (restamped below)
			var core = book.getXSSFWorkbook().getProperties().getCoreProperties();
			core.setCreated(Optional.of(FIXED));
			core.setModified(Optional.of(FIXED));
			core.setCreator("Doudi");
			SXSSFSheet sheet = book.createSheet("疑点清单");
			CellStyle bold = book.createCellStyle();
			Font font = book.createFont();
			font.setBold(true);
			bold.setFont(font);
			Row head = sheet.createRow(0);
			for (int i = 0; i < HEADERS.length; i++) {
				Cell cell = head.createCell(i);
				cell.setCellValue(HEADERS[i]);
				cell.setCellStyle(bold);
				sheet.setColumnWidth(i, (i == 12 ? 40 : i == 3 ? 24 : 14) * 256);
			}
			sheet.createFreezePane(0, 1);
			int[] n = { 1 };
			rows.accept(r -> {
				FindingView f = r.finding();
				Row row = sheet.createRow(n[0]++);
				row.createCell(0).setCellValue(f.id());
				String[] v = { w.region(f.county(), r.countyName()), w.region(r.villageCode(), r.villageName()),
						w.code(f.code()), f.code(), w.effect(f.effect()), w.status(f.status()), f.idNumber(), f.name(),
						f.householdId(), w.programs(f.programs()), f.accountNumber(), f.detail(), f.firstMonth(),
						f.lastMonth(), f.closedMonth() };
				for (int i = 0; i < v.length; i++) {
					row.createCell(i + 1).setCellValue(v[i] == null ? "" : v[i]);
				}
			});
			try (OutputStream written = Files.newOutputStream(file)) {
				book.write(written);
			}
			StableZip.restamp(file, out);
		}
		finally {
			book.close();
			Files.deleteIfExists(file);
		}
	}
}
