package cn.doudi.notices.render;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Not a test: renders the notices of a bench round again from its XLSX (one thread), compares the bytes with the
 * bench's files and prints the CPU time of XLSX and PDF per round. Args: notices dir, out dir, rounds, batch suffix.
 */
public final class NoticeHarness {

	public static void main(String[] args) throws Exception {
		Path in = Path.of(args[0]);
		Path out = Path.of(args[1]);
		int rounds = Integer.parseInt(args[2]);
		String suffix = args[3];
		String only = args.length > 4 ? args[4] : "both";
		List<Path> xlsx;
		try (var s = Files.walk(in)) {
			xlsx = s.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
		}
		List<PublicNotice> notices = new ArrayList<>();
		for (Path p : xlsx) {
			notices.add(read(p));
		}
		LocalDate date = LocalDate.of(2026, 10, 10);
		ThreadMXBean mx = ManagementFactory.getThreadMXBean();
		try (CjkFont font = CjkFont.open("", "")) {
			for (int r = 1; r <= rounds; r++) {
				long x = 0, pdf = 0;
				int same = 0, files = 0;
				for (int i = 0; i < xlsx.size(); i++) {
					Path src = xlsx.get(i);
					String county = src.getParent().getFileName().toString();
					String file = src.getFileName().toString().replace(".xlsx", "");
					Path dir = out.resolve(county);
					Files.createDirectories(dir);
					if (!only.equals("pdf")) {
						long t = mx.getCurrentThreadCpuTime();
						PublicNoticeWorkbook.write(notices.get(i), dir.resolve(file + ".xlsx"));
						x += mx.getCurrentThreadCpuTime() - t;
						files++;
						same += sha(src).equals(sha(dir.resolve(file + ".xlsx"))) ? 1 : 0;
					}
					if (!only.equals("xlsx")) {
						long t = mx.getCurrentThreadCpuTime();
						new PublicNoticePdf(font).write(notices.get(i), dir.resolve(file + ".pdf"), date,
								"doudi notice " + county + "-202610-" + suffix + " " + file);
						pdf += mx.getCurrentThreadCpuTime() - t;
						files++;
						same += sha(src.resolveSibling(file + ".pdf")).equals(sha(dir.resolve(file + ".pdf"))) ? 1 : 0;
					}
				}
				System.out.printf("round %d: xlsx %d ms, pdf %d ms, identical %d of %d%n", r, x / 1_000_000,
						pdf / 1_000_000, same, files);
			}
		}
	}

	private static String sha(Path p) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
	}

	private static PublicNotice read(Path p) throws Exception {
		try (InputStream in = Files.newInputStream(p); XSSFWorkbook wb = new XSSFWorkbook(in)) {
			Sheet s = wb.getSheetAt(0);
			String title = text(s, 0, 0), lead = text(s, 1, 0), place = text(s, 2, 0);
			List<NoticeRow> rows = new ArrayList<>();
			int r = 4;
			while (!text(s, r, 0).startsWith("合计（共")) {
				Row row = s.getRow(r);
				rows.add(new NoticeRow(text(s, r, 1), text(s, r, 2), text(s, r, 3),
						(int) row.getCell(4).getNumericCellValue(), amount(row.getCell(5)), text(s, r, 6)));
				r++;
			}
			BigDecimal total = amount(s.getRow(r).getCell(5));
			r += 2;
			List<String> footer = new ArrayList<>();
			while (!text(s, r, 0).isEmpty()) {
				footer.add(text(s, r++, 0));
			}
			r++;
			String issuer = text(s, r, 4), issueDate = text(s, r + 1, 4);
			return new PublicNotice(title, lead, place, rows, total, footer, issuer, issueDate);
		}
	}

	private static BigDecimal amount(Cell c) {
		return new BigDecimal(Double.toString(c.getNumericCellValue())).setScale(2);
	}

	private static String text(Sheet s, int r, int c) {
		Row row = s.getRow(r);
		Cell cell = row == null ? null : row.getCell(c);
		return cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue();
	}
}
