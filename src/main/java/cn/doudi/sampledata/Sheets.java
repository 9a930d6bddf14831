package cn.doudi.sampledata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import cn.doudi.kernel.StableZip;

/**
 * Writes tables as the agencies' machines would: CSV in UTF-8 (with or without BOM) or GBK with CRLF
 * line ends, and XLSX whose bytes depend on nothing but the content. POI stamps the time into the
 * core properties and into every zip entry, so the core dates are fixed and the package is re-zipped
 * with fixed entry times (same order, same compression level).
 */
final class Sheets {

	/** The fixed date written into every XLSX (core properties and zip entries). */
	static final LocalDateTime FIXED_TIME = LocalDateTime.of(2026, 10, 1, 8, 0);

	static final Charset GBK = Charset.forName("GBK");

	/** A cell value: text, or a number with two decimals ({@link Money}), or a number stored the Excel way. */
	sealed interface Value permits Text, Money, RawNumber {
	}

	record Text(String text) implements Value {
	}

	record Money(java.math.BigDecimal amount) implements Value {
	}

	/** A number cell holding what should have been text: an Excel trap for the bad-input sample. */
	record RawNumber(double value) implements Value {
	}

	enum Encoding {
		UTF8, UTF8_BOM, GBK
	}

	private Sheets() {
	}

	static void csv(Path file, Encoding encoding, List<String> titleRows, List<String> header, List<List<String>> rows,
			List<String> footer) {
		boolean windows = encoding == Encoding.GBK;
		CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator(windows ? "\r\n" : "\n").get();
		StringBuilder out = new StringBuilder();
		try (CSVPrinter printer = new CSVPrinter(out, format)) {
			for (String title : titleRows) {
				String[] cells = new String[header.size()];
				java.util.Arrays.fill(cells, "");
				cells[0] = title;
				printer.printRecord((Object[]) cells);
			}
			printer.printRecord(header);
			for (List<String> row : rows) {
				printer.printRecord(row);
			}
			if (footer != null) {
				printer.printRecord(footer);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		byte[] bytes = switch (encoding) {
			case UTF8 -> out.toString().getBytes(StandardCharsets.UTF_8);
			case UTF8_BOM -> ("\uFEFF" + out).getBytes(StandardCharsets.UTF_8);
			case GBK -> strictGbk(out.toString());
		};
		write(file, bytes);
	}

	private static byte[] strictGbk(String text) {
		CharsetEncoder encoder = GBK.newEncoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			ByteBuffer buffer = encoder.encode(CharBuffer.wrap(text));
			byte[] bytes = new byte[buffer.remaining()];
			buffer.get(bytes);
			return bytes;
		}
		catch (CharacterCodingException e) {
			throw new IllegalStateException("text not encodable in GBK: " + e.getMessage(), e);
		}
	}

	/**
	 * One sheet: an optional merged title row, the header, the rows and an optional footer ({@code 合计}).
	 * Column widths are given (not auto-sized: that depends on the fonts of the machine).
	 */
	static void xlsx(Path file, String sheetName, String title, List<String> header, List<List<Value>> rows,
			List<String> footer, int[] widths) {
		try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 500, false, false)) {
			var props = wb.getXSSFWorkbook().getProperties().getCoreProperties();
			Date fixed = Date.from(FIXED_TIME.toInstant(ZoneOffset.UTC));
			props.setCreated(Optional.of(fixed));
			props.setModified(Optional.of(fixed));
			props.setCreator("doudi sample-data");
			SXSSFSheet sheet = wb.createSheet(sheetName);
			CellStyle headerStyle = wb.createCellStyle();
			Font bold = wb.createFont();
			bold.setBold(true);
			headerStyle.setFont(bold);
			headerStyle.setBorderBottom(BorderStyle.THIN);
			CellStyle titleStyle = wb.createCellStyle();
			Font big = wb.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 14);
			titleStyle.setFont(big);
			titleStyle.setAlignment(HorizontalAlignment.CENTER);
			CellStyle money = wb.createCellStyle();
			money.setDataFormat(wb.createDataFormat().getFormat("0.00"));
			CellStyle text = wb.createCellStyle();
			text.setDataFormat(wb.createDataFormat().getFormat("@"));
			int r = 0;
			if (title != null) {
				SXSSFRow row = sheet.createRow(r++);
				Cell cell = row.createCell(0);
				cell.setCellValue(title);
				cell.setCellStyle(titleStyle);
				sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, header.size() - 1));
			}
			SXSSFRow head = sheet.createRow(r++);
			for (int c = 0; c < header.size(); c++) {
				Cell cell = head.createCell(c);
				cell.setCellValue(header.get(c));
				cell.setCellStyle(headerStyle);
			}
			sheet.createFreezePane(0, r);
			for (List<Value> values : rows) {
				SXSSFRow row = sheet.createRow(r++);
				for (int c = 0; c < values.size(); c++) {
					Value v = values.get(c);
					if (v instanceof Text t) {
						if (t.text() != null && !t.text().isEmpty()) {
							Cell cell = row.createCell(c);
							cell.setCellValue(t.text());
							cell.setCellStyle(text);
						}
					}
					else if (v instanceof Money m) {
						if (m.amount() != null) {
							Cell cell = row.createCell(c);
							cell.setCellValue(m.amount().doubleValue());
							cell.setCellStyle(money);
						}
					}
					else if (v instanceof RawNumber n) {
						row.createCell(c).setCellValue(n.value());
					}
				}
			}
			if (footer != null) {
				SXSSFRow row = sheet.createRow(r);
				for (int c = 0; c < footer.size(); c++) {
					if (!footer.get(c).isEmpty()) {
						row.createCell(c).setCellValue(footer.get(c));
					}
				}
			}
			for (int c = 0; c < widths.length; c++) {
				sheet.setColumnWidth(c, widths[c] * 256);
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			wb.write(bytes);
			wb.dispose();
			write(file, stableZip(bytes.toByteArray()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The same zip with every entry's time fixed, entries in the same order. */
	static byte[] stableZip(byte[] zip) {
		return StableZip.restamp(zip, FIXED_TIME);
	}

	static void write(Path file, byte[] bytes) {
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, bytes);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
