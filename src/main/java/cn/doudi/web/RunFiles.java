package cn.doudi.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

import cn.doudi.identity.IdNumber;
import cn.doudi.payroll.PaymentLineView;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.payroll.RunReader;
import cn.doudi.payroll.RunTotals;
import cn.doudi.security.AccessControl;
import cn.doudi.security.Permission;

/**
 * A run's downloads, always of that run's county only:
 * <ul>
 * <li>{@code payments.xlsx}: its lines with masked ID and account numbers, for everyone who may read the county;</li>
 * <li>{@code payments.csv}: the same lines with full numbers ({@code payments.csv} of OUTPUTS.md, this run only),
 * and the bank files month-end or approve wrote ({@code bank/<BANK>-<county>-<M>…}, {@code <county>-<M>.pain.001.xml}),
 * for FINANCE of the county only (RUN_PAYROLL): full numbers are needed to pay, not to read;</li>
 * <li>the public notices ({@code notices/<county>/…}, masked by design), for every reader.</li>
 * </ul>
 * The month-end folder of a command-line run may hold several counties; only files named for this
 * run's county are listed, and only listed files are served (a crafted name is not found).
 */
@Component
class RunFiles {

	/** One downloadable file of a run's folder: {@code kind} bank or notices, its name, whether FINANCE only. */
	record RunFile(String kind, String name, boolean financeOnly) {
	}

	private final RunReader reader;
	private final AccessControl access;

	RunFiles(RunReader reader, AccessControl access) {
		this.reader = reader;
		this.access = access;
	}

	/** The folder files the viewer may download (bank files only for FINANCE of the county). */
	List<RunFile> list(String user, RunTotals t) {
		PayrollRun run = t.run();
		boolean finance = mayPay(user, run.county());
		List<RunFile> found = new ArrayList<>();
		Path folder = reader.outputFolder(run.id()).map(Path::of).orElse(null);
		if (folder == null) {
			return found;
		}
		String tag = "-" + run.county() + "-" + String.format("%04d%02d", run.month().getYear(), run.month().getMonthValue());
		if (finance) {
			for (String name : names(folder.resolve("bank"))) {
				if (name.contains(tag + ".") || name.startsWith(run.county() + "-")) {
					found.add(new RunFile("bank", name, true));
				}
			}
		}
		for (String name : names(folder.resolve("notices").resolve(run.county()))) {
			found.add(new RunFile("notices", name, false));
		}
		return found;
	}

	/** The file if listed for this viewer; else not found. */
	Path file(String user, RunTotals t, String kind, String name) {
		RunFile f = list(user, t).stream()
			.filter(r -> r.kind().equals(kind) && r.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new WebErrors.NotFound("没有这个文件：" + kind + "/" + name));
		Path folder = Path.of(reader.outputFolder(t.run().id()).orElseThrow());
		return f.kind().equals("bank") ? folder.resolve("bank").resolve(f.name())
				: folder.resolve("notices").resolve(t.run().county()).resolve(f.name());
	}

	/** Full ID and account numbers: FINANCE of the county only (else AccessDeniedException). */
	void requireFinance(String user, String county) {
		access.require(user, Permission.RUN_PAYROLL, county);
	}

	private boolean mayPay(String user, String county) {
		return access.find(user).map(u -> Permission.RUN_PAYROLL.heldBy(u.role()) && u.covers(county)).orElse(false);
	}

	private static List<String> names(Path dir) {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
		}
		catch (IOException e) {
			return List.of();
		}
	}

	/** The run's lines as XLSX, ID and account numbers masked (first 6 and last 4 visible). */
	void writeMaskedXlsx(long runId, OutputStream out) throws IOException {
		try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
			Sheet sheet = wb.createSheet("发放明细");
			String[] header = { "区县", "行政区划", "项目", "类别", "户编号", "身份证号", "姓名", "发放月份", "金额", "状态", "原因", "银行", "账号", "补发" };
			Row h = sheet.createRow(0);
			for (int i = 0; i < header.length; i++) {
				h.createCell(i).setCellValue(header[i]);
			}
			int[] r = { 1 };
			// streamed in payments.csv order: SXSSF keeps 200 rows in memory, the reader a fetch of lines
			reader.forEachLine(runId, l -> {
				Row row = sheet.createRow(r[0]++);
				String[] v = { l.county(), l.regionCode(), l.program().name(), nz(l.category()), l.householdId(),
						IdNumber.mask(l.idNumber()), l.name(), l.payMonth().toString(), null, l.status(), nz(l.reason()),
						nz(l.bank()), l.accountNumber() == null ? "" : IdNumber.mask(l.accountNumber()), l.arrears() ? "是" : "否" };
				for (int i = 0; i < v.length; i++) {
					if (i == 8) {
						row.createCell(i).setCellValue(l.amount().doubleValue());
					}
					else {
						row.createCell(i).setCellValue(v[i]);
					}
				}
			});
			wb.write(out);
			wb.dispose();
		}
	}

	/** The run's lines as {@code payments.csv} (OUTPUTS.md columns, full numbers), by its one writer. */
	void writeFullCsv(long runId, OutputStream out) {
		reader.writePaymentsCsv(runId, out);
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}
