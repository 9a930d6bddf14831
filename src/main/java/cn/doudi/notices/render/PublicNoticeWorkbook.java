package cn.doudi.notices.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.doudi.kernel.StableZip;
import cn.doudi.kernel.Workbooks;

/**
 * The public notice as XLSX, laid out like the PDF for printing on A4 (title, lead, place, the table
 * with its header repeated on every printed page, a totals row, then period, hotline and issuer). Masked
 * ID numbers are text. Byte-stable: fixed document dates and zip entry times ({@link StableZip}).
 * <p>
 * The file is POI's: the parts all notices share are taken once from POI, and a notice's sheet and strings are
 * written as text by {@link NoticeSheetXml} in POI's very bytes (a ninth of the CPU of building them
 * in POI's object model); a notice with a text XML would escape (or POI mark) goes through POI whole.
 */
public final class PublicNoticeWorkbook {

	private static final Date FIXED = new Date(0);
	private static final String[] HEADER = { "序号", "户主/姓名", "身份证号", "救助项目", "保障人数", "金额（元）", "备注" };
	private static final int[] WIDTHS = { 6, 12, 22, 30, 10, 14, 18 };
	private static final int LAST = HEADER.length - 1;

	private PublicNoticeWorkbook() {
	}

	public static void write(PublicNotice notice, Path target) {
		byte[] xlsx = bytes(notice);
		try {
			Path temp = target.resolveSibling(target.getFileName() + ".tmp");
			Files.write(temp, xlsx);
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The notice's XLSX: its text parts written by {@link NoticeSheetXml} when its texts are plain, else by POI. */
	static byte[] bytes(PublicNotice notice) {
		return NoticeSheetXml.plain(notice, HEADER) ? Template.PARTS.zip(notice) : withPoi(notice);
	}

	/** True when {@link #bytes} writes the notice's text parts itself. */
	static boolean plain(PublicNotice notice) {
		return NoticeSheetXml.plain(notice, HEADER);
	}

	/**
	 * The parts every notice's XLSX shares, as POI writes them (styles, workbook, relationships, content types,
	 * application), taken once from a notice POI writes whole; the core properties with a mark where the title
	 * goes. A notice's own parts — its title, the sheet, the strings — are put in their places.
	 */
	private record Template(List<StableZip.Entry> entries, String core) {

		private static final String TITLE_MARK = "\uE000";
		private static final String CORE = "docProps/core.xml";
		private static final String SHEET = "xl/worksheets/sheet1.xml";
		private static final String STRINGS = "xl/sharedStrings.xml";

		static final Template PARTS = make();

		private static Template make() {
			PublicNotice sample = new PublicNotice(TITLE_MARK, "", "", List.of(), java.math.BigDecimal.ZERO, List.of(),
					"", "");
			List<StableZip.Entry> entries = StableZip.entries(out -> poi(sample, out));
			String core = entries.stream()
				.filter(e -> e.name().equals(CORE))
				.map(e -> new String(e.content(), StandardCharsets.UTF_8))
				.findFirst()
				.orElseThrow();
			if (core.indexOf(TITLE_MARK) < 0 || core.indexOf(TITLE_MARK) != core.lastIndexOf(TITLE_MARK)
					|| entries.stream().noneMatch(e -> e.name().equals(SHEET))
					|| entries.stream().noneMatch(e -> e.name().equals(STRINGS))) {
				throw new IllegalStateException("POI's XLSX parts are not as expected: " + entries.stream()
					.map(StableZip.Entry::name)
					.toList());
			}
			return new Template(entries, core);
		}

		byte[] zip(PublicNotice notice) {
			byte[][] sheet = NoticeSheetXml.of(notice, HEADER, WIDTHS);
			List<StableZip.Entry> parts = new ArrayList<>(entries.size());
			for (StableZip.Entry e : entries) {
				parts.add(switch (e.name()) {
					case CORE -> new StableZip.Entry(CORE,
							core.replace(TITLE_MARK, notice.title()).getBytes(StandardCharsets.UTF_8));
					case SHEET -> new StableZip.Entry(SHEET, sheet[0]);
					case STRINGS -> new StableZip.Entry(STRINGS, sheet[1]);
					default -> e;
				});
			}
			return StableZip.of(parts);
		}
	}

	/** The XLSX as POI writes it: for a notice with a text {@link NoticeSheetXml} does not write itself. */
	static byte[] withPoi(PublicNotice notice) {
		return StableZip.of(out -> poi(notice, out));
	}

	private static void poi(PublicNotice notice, java.io.OutputStream out) throws IOException {
		// not try-with-resources: close() would save the whole new package a second time, into nothing
		XSSFWorkbook wb = Workbooks.create();
		try {
			wb.getProperties().getCoreProperties().setCreated(Optional.of(FIXED));
			wb.getProperties().getCoreProperties().setModified(Optional.of(FIXED));
			wb.getProperties().getCoreProperties().setCreator("Doudi");
			wb.getProperties().getCoreProperties().setTitle(notice.title());
			Styles st = new Styles(wb);
			XSSFSheet sheet = wb.createSheet("公示");
			int r = 0;
			merged(sheet, r++, notice.title(), st.title, 30);
			merged(sheet, r++, notice.lead(), st.wrapped, 48);
			Row place = sheet.createRow(r);
			place.createCell(0).setCellValue(notice.place());
			sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 4));
			place.createCell(5).setCellValue("单位：元");
			sheet.addMergedRegion(new CellRangeAddress(r, r, 5, LAST));
			place.getCell(5).setCellStyle(st.right);
			r++;
			int headerRow = r;
			Row h = sheet.createRow(r++);
			for (int c = 0; c < HEADER.length; c++) {
				h.createCell(c).setCellValue(HEADER[c]);
				h.getCell(c).setCellStyle(st.header);
			}
			int seq = 1;
			for (NoticeRow nr : notice.rows()) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(seq++);
				row.createCell(1).setCellValue(nr.name());
				row.createCell(2).setCellValue(nr.maskedId());
				row.createCell(3).setCellValue(nr.program());
				row.createCell(4).setCellValue(nr.members());
				row.createCell(5).setCellValue(nr.amount().doubleValue()); // display only: amounts come from the run
				row.createCell(6).setCellValue(nr.remark());
				for (int c = 0; c <= LAST; c++) {
					row.getCell(c).setCellStyle(c == 5 ? st.money : c == 3 || c == 6 ? st.cellLeft : st.cell);
				}
			}
			Row total = sheet.createRow(r);
			total.createCell(0).setCellValue(notice.totalLabel());
			for (int c = 1; c <= LAST; c++) {
				total.createCell(c).setCellStyle(st.header);
			}
			total.getCell(0).setCellStyle(st.header);
			sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 4));
			total.getCell(5).setCellValue(notice.total().doubleValue());
			total.getCell(5).setCellStyle(st.moneyBold);
			r += 2;
			for (String line : notice.footer()) {
				merged(sheet, r++, line, st.wrapped, 34);
			}
			r++;
			for (String line : new String[] { notice.issuer(), notice.issueDate() }) {
				Row sign = sheet.createRow(r);
				sign.createCell(4).setCellValue(line);
				sign.getCell(4).setCellStyle(st.right);
				sheet.addMergedRegion(new CellRangeAddress(r, r, 4, LAST));
				r++;
			}
			for (int c = 0; c <= LAST; c++) {
				sheet.setColumnWidth(c, WIDTHS[c] * 256);
			}
			sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, 0, LAST));
			sheet.setFitToPage(true);
			sheet.setHorizontallyCenter(true);
			PrintSetup print = sheet.getPrintSetup();
			print.setPaperSize(PrintSetup.A4_PAPERSIZE);
			print.setFitWidth((short) 1);
			print.setFitHeight((short) 0);
			wb.write(out);
		}
		finally {
			wb.getPackage().revert();
		}
	}

	private static void merged(XSSFSheet sheet, int r, String text, CellStyle style, float height) {
		Row row = sheet.createRow(r);
		row.setHeightInPoints(height);
		row.createCell(0).setCellValue(text);
		row.getCell(0).setCellStyle(style);
		sheet.addMergedRegion(new CellRangeAddress(r, r, 0, LAST));
	}

	/** The workbook's cell styles, made once per workbook. */
	private static final class Styles {

		final CellStyle title;
		final CellStyle wrapped;
		final CellStyle right;
		final CellStyle header;
		final CellStyle cell;
		final CellStyle cellLeft;
		final CellStyle money;
		final CellStyle moneyBold;

		Styles(XSSFWorkbook wb) {
			Font big = wb.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 16);
			Font bold = wb.createFont();
			bold.setBold(true);
			title = wb.createCellStyle();
			title.setFont(big);
			title.setAlignment(HorizontalAlignment.CENTER);
			title.setVerticalAlignment(VerticalAlignment.CENTER);
			wrapped = wb.createCellStyle();
			wrapped.setWrapText(true);
			wrapped.setVerticalAlignment(VerticalAlignment.TOP);
			right = wb.createCellStyle();
			right.setAlignment(HorizontalAlignment.RIGHT);
			header = bordered(wb, HorizontalAlignment.CENTER);
			header.setFont(bold);
			cell = bordered(wb, HorizontalAlignment.CENTER);
			cellLeft = bordered(wb, HorizontalAlignment.LEFT);
			short format = wb.createDataFormat().getFormat("#,##0.00");
			money = bordered(wb, HorizontalAlignment.RIGHT);
			money.setDataFormat(format);
			moneyBold = bordered(wb, HorizontalAlignment.RIGHT);
			moneyBold.setDataFormat(format);
			moneyBold.setFont(bold);
		}

		private static CellStyle bordered(XSSFWorkbook wb, HorizontalAlignment alignment) {
			CellStyle s = wb.createCellStyle();
			s.setBorderTop(BorderStyle.THIN);
			s.setBorderBottom(BorderStyle.THIN);
			s.setBorderLeft(BorderStyle.THIN);
			s.setBorderRight(BorderStyle.THIN);
			s.setAlignment(alignment);
			s.setVerticalAlignment(VerticalAlignment.CENTER);
			s.setWrapText(true);
			return s;
		}
	}
}
