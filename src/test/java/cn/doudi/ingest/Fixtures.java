package cn.doudi.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.doudi.identity.IdNumber;

/** Test files: valid IDs, CSV in any encoding, XLSX with string, number and date cells (POI). */
public final class Fixtures {

	public static final String BENEFICIARY_HEADER = "区划代码,户编号,身份证号,姓名,与户主关系,项目,类别,家庭月收入,开始月份,结束月份,开户银行,银行账号,账户名";

	private Fixtures() {
	}

	/** The users the tests import as: {@code tester} (ADMIN, city-wide), {@code op1}, {@code killed} (OPERATOR, city-wide). */
	public static void users(org.springframework.jdbc.core.JdbcTemplate jdbc) {
		user(jdbc, "tester", "ADMIN", null);
		user(jdbc, "op1", "OPERATOR", null);
		user(jdbc, "killed", "OPERATOR", null);
	}

	public static void user(org.springframework.jdbc.core.JdbcTemplate jdbc, String name, String role, String county) {
		// mapped to an OS account of its own name (support.Commands runs command lines as that account)
		jdbc.update("insert into app_user (name, role, county, created_by, created_at, os_account) values (?, ?, ?, 'test', now(), ?)",
				name, role, county, name);
	}

	/** A valid 18-digit ID: county, birth date yyyyMMdd, sequence (3 digits), check digit computed. */
	public static String id(String county, String birth, int seq) {
		String body = county + birth + String.format("%03d", seq);
		return body + IdNumber.checkDigit(body);
	}

	/** The same ID with a wrong check digit. */
	public static String badCheck(String id18) {
		char right = id18.charAt(17);
		return id18.substring(0, 17) + (right == '0' ? '1' : '0');
	}

	public static Path csv(Path dir, String name, Charset charset, String... lines) throws IOException {
		Path p = dir.resolve(name);
		Files.write(p, (String.join("\r\n", lines) + "\r\n").getBytes(charset));
		return p;
	}

	public static Path csv(Path dir, String name, String... lines) throws IOException {
		return csv(dir, name, java.nio.charset.StandardCharsets.UTF_8, lines);
	}

	/** A beneficiary CSV line for a DIBAO_URBAN household member (county 410102). */
	public static String dibao(String household, String id, String name, String relation, String income) {
		return "410102001001," + household + "," + id + "," + name + "," + relation + ",城市低保,," + income
				+ ",2026-01,,工商银行,6222020200001234567," + name;
	}

	/**
	 * Writes the first sheet of an XLSX: a String is a text cell, a Number a number cell, a LocalDate a
	 * date-formatted number cell, null no cell. {@code mergeTitle} merges the first row across 6 columns.
	 */
	public static Path xlsx(Path dir, String name, boolean mergeTitle, List<Object[]> rows) throws IOException {
		Path p = dir.resolve(name);
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(p)) {
			Sheet sheet = wb.createSheet("花名册");
			CellStyle date = wb.createCellStyle();
			date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
			for (int r = 0; r < rows.size(); r++) {
				Object[] values = rows.get(r);
				if (values == null) {
					continue;
				}
				Row row = sheet.createRow(r);
				for (int c = 0; c < values.length; c++) {
					Object v = values[c];
					if (v == null) {
						continue;
					}
					Cell cell = row.createCell(c);
					if (v instanceof Number n) {
						cell.setCellValue(n.doubleValue());
					}
					else if (v instanceof LocalDate d) {
						cell.setCellValue(d);
						cell.setCellStyle(date);
					}
					else {
						cell.setCellValue(v.toString());
					}
				}
			}
			if (mergeTitle) {
				sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
			}
			wb.write(out);
		}
		return p;
	}

	public static List<Object[]> rows(Object[]... rows) {
		return new ArrayList<>(java.util.Arrays.asList(rows));
	}

	public static Object[] split(String csvLine) {
		return csvLine.split(",", -1);
	}
}
