package cn.doudi.ingest.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes {@code <file>.errors.xlsx} beside each file that has rejects (header 行号, 列, 值, 原因, in
 * row order), streaming from {@code import_rejection}. Where the file's folder is not writable, the
 * report goes to {@code <doudi.home>/reports/}. A stale report of an earlier attempt is removed when
 * the file now has no rejects.
 */
@Component
class ErrorReports {

	private static final Logger log = LoggerFactory.getLogger(ErrorReports.class);

	private final JdbcTemplate jdbc;
	private final Path home;

	ErrorReports(JdbcTemplate jdbc, @Value("${doudi.home}") Path home) {
		this.jdbc = jdbc;
		this.home = home;
	}

	List<Path> write(long importId, List<Path> files) {
		List<Path> written = new ArrayList<>();
		for (Path file : files.stream().distinct().toList()) {
			String name = file.getFileName().toString();
			Path beside = file.toAbsolutePath().resolveSibling(name + ".errors.xlsx");
			Integer count = jdbc.queryForObject("select count(*) from import_rejection where import_id = ? and file_name = ?",
					Integer.class, importId, name);
			if (count == null || count == 0) {
				deleteQuietly(beside);
				continue;
			}
			Path target = beside;
			try {
				writeTo(beside, importId, name);
			}
			catch (IOException e) {
				target = home.toAbsolutePath().resolve("reports").resolve(importId + "-" + name + ".errors.xlsx");
				try {
					Files.createDirectories(target.getParent());
					writeTo(target, importId, name);
				}
				catch (IOException e2) {
					throw new IllegalStateException("无法写出错误报告：" + target + "：" + e2.getMessage(), e2);
				}
			}
			written.add(target);
		}
		return written;
	}

	private void writeTo(Path target, long importId, String fileName) throws IOException {
		Path tmp = Files.createTempFile(target.getParent(), ".errors-", ".tmp");
		try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
			Sheet sheet = wb.createSheet("错误");
			Row header = sheet.createRow(0);
			String[] titles = { "行号", "列", "值", "原因" };
			for (int i = 0; i < titles.length; i++) {
				header.createCell(i).setCellValue(titles[i]);
			}
			sheet.setColumnWidth(1, 14 * 256);
			sheet.setColumnWidth(2, 24 * 256);
			sheet.setColumnWidth(3, 80 * 256);
			int[] next = { 1 };
			jdbc.query("""
					select row_no, column_name, value, reason from import_rejection
					where import_id = ? and file_name = ? order by row_no, id""", rs -> {
				if (next[0] > 1_048_575) {
					return;
				}
				Row r = sheet.createRow(next[0]++);
				int rowNo = rs.getInt(1);
				if (rowNo > 0) {
					r.createCell(0).setCellValue(rowNo);
				}
				r.createCell(1).setCellValue(nullToEmpty(rs.getString(2)));
				r.createCell(2).setCellValue(nullToEmpty(rs.getString(3)));
				r.createCell(3).setCellValue(nullToEmpty(rs.getString(4)));
			}, importId, fileName);
			try (OutputStream out = Files.newOutputStream(tmp)) {
				wb.write(out);
			}
			Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}

	private static void deleteQuietly(Path p) {
		try {
			Files.deleteIfExists(p);
		}
		catch (IOException e) {
			log.debug("could not remove the stale report {}", p, e);
		}
	}
}
