package cn.doudi.payroll.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import cn.doudi.kernel.Program;
import cn.doudi.kernel.Workbooks;
import cn.doudi.payroll.MonthEndFiles.SummaryRow;

/**
 * {@code summary.xlsx}: the summary for people — Chinese headers, programs by name, a total per county,
 * and a bar chart of the amounts paid and held per county and program. Byte-stable: the document
 * properties carry a fixed date, never the clock.
 */
public final class SummaryWorkbook {

	private SummaryWorkbook() {
	}

	public static void write(List<SummaryRow> rows, Path target) {
		write(rows, List.of(), target);
	}

	/**
	 * As {@link #write(List, Path)}, with the run's warnings about stale data ({@code staleWarnings}, Chinese,
	 * naming each source and its last arrival): when there are any, a second sheet 数据时效提醒 lists them, and
	 * it is the sheet the workbook opens on (its tab red), so that nobody reads the totals without seeing them.
	 */
	public static void write(List<SummaryRow> rows, List<String> staleWarnings, Path target) {
		Path temp = target.resolveSibling(target.getFileName() + ".tmp");
		byte[] bytes = Workbooks.bytes(wb -> {
			XSSFSheet sheet = wb.createSheet("汇总");
			CellStyle bold = wb.createCellStyle();
			Font font = wb.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle money = wb.createCellStyle();
			money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
			String[] header = { "区县", "项目", "项目代码", "户数", "人数", "发放笔数", "发放金额（元）", "暂停笔数", "暂停金额（元）" };
			Row h = sheet.createRow(0);
			for (int i = 0; i < header.length; i++) {
				h.createCell(i).setCellValue(header[i]);
				h.getCell(i).setCellStyle(bold);
			}
			int r = 1;
			for (SummaryRow s : rows) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(s.county());
				row.createCell(1).setCellValue(Program.valueOf(s.program()).chineseName());
				row.createCell(2).setCellValue(s.program());
				row.createCell(3).setCellValue(s.households());
				row.createCell(4).setCellValue(s.persons());
				row.createCell(5).setCellValue(s.linesPaid());
				row.createCell(6).setCellValue(s.amountPaid().doubleValue()); // display only: amounts come from the CSV
				row.getCell(6).setCellStyle(money);
				row.createCell(7).setCellValue(s.linesHeld());
				row.createCell(8).setCellValue(s.amountHeld().doubleValue());
				row.getCell(8).setCellStyle(money);
			}
			for (int i = 0; i < header.length; i++) {
				sheet.setColumnWidth(i, i == 1 ? 30 * 256 : 16 * 256);
			}
			if (!rows.isEmpty()) {
				chart(sheet, rows.size(), header.length + 1);
			}
			if (!staleWarnings.isEmpty()) {
				XSSFSheet warnings = wb.createSheet("数据时效提醒");
				Row title = warnings.createRow(0);
				title.createCell(0).setCellValue("数据时效提醒：以下来源的数据过期，本月仍已计算，请核实后再发放");
				title.getCell(0).setCellStyle(bold);
				int w = 1;
				for (String warning : staleWarnings) {
					warnings.createRow(w++).createCell(0).setCellValue(warning);
				}
				warnings.setColumnWidth(0, 120 * 256);
				warnings.setTabColor(new org.apache.poi.xssf.usermodel.XSSFColor(new byte[] { (byte) 0xC0, 0, 0 }));
				wb.setActiveSheet(1);
				sheet.setSelected(false);
			}
		});
		try {
			Files.write(temp, bytes);
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void chart(XSSFSheet sheet, int n, int col) {
		XSSFDrawing drawing = sheet.createDrawingPatriarch();
		XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, col, 0, col + 12, 24);
		XSSFChart chart = drawing.createChart(anchor);
		chart.setTitleText("各区县各项目发放与暂停金额（元）");
		chart.setTitleOverlay(false);
		chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
		XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
		XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
		var categories = XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(1, n, 1, 1));
		var paid = XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(1, n, 6, 6));
		var held = XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(1, n, 8, 8));
		XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
		data.setBarDirection(BarDirection.BAR);
		data.addSeries(categories, paid).setTitle("发放金额", null);
		data.addSeries(categories, held).setTitle("暂停金额", null);
		chart.plot(data);
	}
}
