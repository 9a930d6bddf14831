package cn.doudi.ingest.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import cn.doudi.identity.IdNumber;

/** Generates a beneficiaries roster of n valid rows (one DIBAO household per row) as CSV and XLSX. */
public final class RosterFiles {

	static final String[] HEADER = { "区划代码", "户编号", "身份证号", "姓名", "与户主关系", "项目", "类别", "家庭月收入", "开始月份",
			"结束月份", "开户银行", "银行账号", "账户名" };
	private static final String[] NAMES = { "张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄勇", "周杰", "吴霞" };
	private static final LocalDate BASE = LocalDate.of(1935, 1, 1);

	private RosterFiles() {
	}

	static String[] row(int i) {
		String birth = BASE.plusDays(i / 900).format(DateTimeFormatter.BASIC_ISO_DATE);
		String body = "419901" + birth + String.format("%03d", i % 900);
		String name = NAMES[i % NAMES.length];
		return new String[] { "419901" + String.format("%03d", 1 + i % 9) + "001", "BH" + i, body + IdNumber.checkDigit(body),
				name, "户主", "DIBAO_RURAL", "", Integer.toString(100 + i % 500), "2026-01", "", "农业银行",
				"62284800" + String.format("%011d", i), name };
	}

	public static Path csv(Path file, int rows) throws IOException {
		Path part = file.resolveSibling(file.getFileName() + ".part");
		try (BufferedWriter w = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
			w.write(String.join(",", HEADER));
			w.write('\n');
			for (int i = 0; i < rows; i++) {
				w.write(String.join(",", row(i)));
				w.write('\n');
			}
		}
		return Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
	}

	/** Streaming write (SXSSF, inline strings, 100-row window): text cells only, as a 花名册 keeps them. */
	public static Path xlsx(Path file, int rows) throws IOException {
		Path part = file.resolveSibling(file.getFileName() + ".part");
		try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(part)) {
			Sheet sheet = wb.createSheet("花名册");
			write(sheet.createRow(0), HEADER);
			for (int i = 0; i < rows; i++) {
				write(sheet.createRow(i + 1), row(i));
			}
			wb.write(out);
		}
		return Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
	}

	private static void write(Row row, String[] values) {
		for (int c = 0; c < values.length; c++) {
			if (!values[c].isEmpty()) {
				row.createCell(c).setCellValue(values[c]);
			}
		}
	}

	/**
	 * A copy of a generated file with the same rows but other bytes, so that a later benchmark round is
	 * not recognised as the same upload (imports are identified by content hash): a CSV gets {@code
	 * round} trailing blank lines (skipped on import), an XLSX a zip comment naming the round (the end of
	 * central directory record's comment, which spreadsheet readers ignore).
	 */
	public static Path variant(Path file, int round) throws IOException {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		Path copy = file.resolveSibling(name.substring(0, dot) + "-round" + round + name.substring(dot));
		Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
		try (OutputStream out = Files.newOutputStream(copy, java.nio.file.StandardOpenOption.APPEND)) {
			if (name.endsWith(".csv")) {
				out.write("\n".repeat(round).getBytes(StandardCharsets.US_ASCII));
				return copy;
			}
			byte[] comment = ("bench round " + round).getBytes(StandardCharsets.US_ASCII);
			try (var raf = new java.io.RandomAccessFile(copy.toFile(), "rw")) {
				long eocd = raf.length() - 22; // a generated workbook has no comment: the record is the last 22 bytes
				raf.seek(eocd);
				if (Integer.reverseBytes(raf.readInt()) != 0x06054b50) {
					throw new IOException(copy + ": no end of central directory record where expected");
				}
				raf.seek(eocd + 20);
				raf.write(comment.length & 0xff);
				raf.write(comment.length >> 8);
			}
			out.write(comment);
		}
		return copy;
	}
}
