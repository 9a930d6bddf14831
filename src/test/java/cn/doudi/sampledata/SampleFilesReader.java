package cn.doudi.sampledata;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the generated files the way an importer would, independently of the generator: the header is
 * the first row that names every expected column, title rows above it and a 合计 row below are
 * skipped, CSV encodings are detected (strict UTF-8, else GBK).
 */
final class SampleFilesReader {

	/** One data row: its 1-based line number and its cells by header, as text. */
	record Line(int number, Map<String, String> cells) {

		String get(String column) {
			String v = cells.get(column);
			return v == null ? "" : v.strip();
		}

		boolean numeric(String column) {
			return cells.containsKey("#numeric:" + column);
		}
	}

	private SampleFilesReader() {
	}

	static List<Line> read(Path file, String... required) throws IOException {
		List<List<String>> raw = new ArrayList<>();
		List<List<Boolean>> numeric = new ArrayList<>();
		if (file.toString().endsWith(".xlsx")) {
			try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
				Sheet sheet = wb.getSheetAt(0);
				for (int r = 0; r <= sheet.getLastRowNum(); r++) {
					Row row = sheet.getRow(r);
					List<String> cells = new ArrayList<>();
					List<Boolean> nums = new ArrayList<>();
					if (row != null) {
						for (int c = 0; c < row.getLastCellNum(); c++) {
							Cell cell = row.getCell(c);
							if (cell == null) {
								cells.add("");
								nums.add(false);
							}
							else if (cell.getCellType() == CellType.NUMERIC) {
								cells.add(new java.math.BigDecimal(String.valueOf(cell.getNumericCellValue())).toPlainString());
								nums.add(true);
							}
							else {
								cells.add(cell.getStringCellValue());
								nums.add(false);
							}
						}
					}
					raw.add(cells);
					numeric.add(nums);
				}
			}
		}
		else {
			for (CSVRecord record : CSVFormat.DEFAULT.parse(reader(file))) {
				raw.add(record.toList());
				numeric.add(List.of());
			}
		}
		int header = -1;
		for (int i = 0; i < raw.size() && header < 0; i++) {
			List<String> names = raw.get(i).stream().map(s -> s.replace(" ", "").strip()).toList();
			if (names.containsAll(List.of(required))) {
				header = i;
			}
		}
		if (header < 0) {
			throw new IllegalStateException(file + ": no header naming " + List.of(required));
		}
		List<String> names = raw.get(header).stream().map(s -> s.replace(" ", "").strip()).toList();
		List<Line> lines = new ArrayList<>();
		for (int i = header + 1; i < raw.size(); i++) {
			List<String> cells = raw.get(i);
			String first = cells.stream().filter(s -> !s.isBlank()).findFirst().orElse("");
			if (first.isEmpty() || first.startsWith("合计") || first.startsWith("总计")) {
				continue;
			}
			Map<String, String> map = new LinkedHashMap<>();
			for (int c = 0; c < names.size() && c < cells.size(); c++) {
				map.put(names.get(c), cells.get(c));
				if (c < numeric.get(i).size() && numeric.get(i).get(c)) {
					map.put("#numeric:" + names.get(c), "true");
				}
			}
			lines.add(new Line(i + 1, map));
		}
		return lines;
	}

	static Charset encodingOf(Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(java.nio.ByteBuffer.wrap(bytes));
			return StandardCharsets.UTF_8;
		}
		catch (CharacterCodingException e) {
			return Charset.forName("GB18030");
		}
	}

	private static Reader reader(Path file) throws IOException {
		String text = new String(Files.readAllBytes(file), encodingOf(file));
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		return new StringReader(text);
	}
}
