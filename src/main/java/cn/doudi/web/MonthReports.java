package cn.doudi.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.stereotype.Component;

import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Program;
import cn.doudi.kernel.StableZip;
import cn.doudi.kernel.StopReason;
import cn.doudi.kernel.Workbooks;
import cn.doudi.payroll.RunReader;
import cn.doudi.payroll.RunTotals;

/**
 * The month's reports of a run for download: 汇总表, 疑点清单, 停发名单 and 多发待追回 — the rows of the run's county
 * of {@code summary.csv}, {@code findings.csv}, {@code stops.csv} and {@code overpayments.csv} that month-end
 * wrote, as XLSX with Chinese column names and values and every ID number masked (so every reader of the county
 * may have them), the same rows giving the same bytes ({@link Workbooks#bytes}); and the bank files of the run as
 * one ZIP (FINANCE of the county only: they carry full account numbers), its entries stamped with a fixed time so
 * that the same files give the same bytes.
 */
@Component
class MonthReports {

	/** A downloadable report: its path name, title and the file it is made of. */
	record Report(String name, String title, String csv) {
	}

	static final List<Report> REPORTS = List.of(new Report("summary", "汇总表", "summary.csv"),
			new Report("findings", "疑点清单", "findings.csv"), new Report("stops", "停发名单", "stops.csv"),
			new Report("overpayments", "多发待追回", "overpayments.csv"));

	private static final Map<String, String> HEADERS = Map.ofEntries(Map.entry("county", "区县"), Map.entry("program", "项目"),
			Map.entry("households", "户数"), Map.entry("persons", "人数"), Map.entry("lines_paid", "发放笔数"),
			Map.entry("amount_paid", "发放金额（元）"), Map.entry("lines_held", "暂停笔数"), Map.entry("amount_held", "暂停金额（元）"),
			Map.entry("code", "疑点类型"), Map.entry("effect", "处理方式"), Map.entry("id_number", "身份证号"),
			Map.entry("name", "姓名"), Map.entry("household_id", "户编号"), Map.entry("programs", "涉及项目"),
			Map.entry("detail", "说明"), Map.entry("status", "状态"), Map.entry("last_paid_month", "最后发放月份"),
			Map.entry("reason", "停发原因"), Map.entry("pay_month", "发放月份"), Map.entry("paid", "已发（元）"),
			Map.entry("due", "应发（元）"), Map.entry("overpaid", "多发（元）"));

	private final RunReader reader;

	MonthReports(RunReader reader) {
		this.reader = reader;
	}

	static Report report(String name) {
		return REPORTS.stream().filter(r -> r.name().equals(name)).findFirst()
			.orElseThrow(() -> new WebErrors.NotFound("没有这个报表：" + Inputs.shown(name)));
	}

	/** The report's rows of the run's county as XLSX (IDs masked, words for codes); empty sheet when none. */
	void writeXlsx(RunTotals t, Report report, Map<String, String> regionNames, OutputStream out) throws IOException {
		Path folder = folder(t);
		Path csv = folder.resolve(report.csv());
		if (!Files.isRegularFile(csv)) {
			throw new WebErrors.NotFound("本批次没有" + report.title() + "（月结未写出 " + report.csv() + "）");
		}
		List<String> header = new ArrayList<>();
		List<List<String>> rows = new ArrayList<>();
		try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
			for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
				if (header.isEmpty()) {
					header.addAll(r.getParser().getHeaderNames());
				}
				Map<String, String> row = new LinkedHashMap<>(r.toMap());
				if (!t.run().county().equals(row.get("county"))) {
					continue;
				}
				List<String> values = new ArrayList<>();
				for (String h : header) {
					values.add(value(h, row.get(h), regionNames));
				}
				rows.add(values);
			}
		}
		if (header.isEmpty()) {
			try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
				header.addAll(CSVFormat.DEFAULT.builder().setHeader().get().parse(in).getHeaderNames());
			}
		}
		out.write(Workbooks.bytes(wb -> {
			Sheet sheet = wb.createSheet(report.title());
			Row h = sheet.createRow(0);
			for (int i = 0; i < header.size(); i++) {
				h.createCell(i).setCellValue(HEADERS.getOrDefault(header.get(i), header.get(i)));
			}
			int n = 1;
			for (List<String> values : rows) {
				Row row = sheet.createRow(n++);
				for (int i = 0; i < values.size(); i++) {
					row.createCell(i).setCellValue(values.get(i));
				}
			}
		}));
	}

	private static String value(String column, String v, Map<String, String> regionNames) {
		if (v == null || v.isEmpty()) {
			return "";
		}
		return switch (column) {
			case "county" -> ReviewLabels.county(regionNames, v);
			case "program" -> Program.parse(v).map(Program::chineseName).orElse(v);
			case "programs" -> String.join("、", java.util.Arrays.stream(v.split(";"))
				.map(p -> Program.parse(p).map(Program::chineseName).orElse(p)).toList());
			case "code" -> ReviewLabels.finding(v);
			case "effect" -> effect(v);
			case "status" -> Viewer.STATUSES.getOrDefault(v, v);
			case "reason" -> stopReason(v);
			case "id_number" -> ReviewLabels.masked(v);
			case "detail" -> cn.doudi.identity.IdNumber.maskNumbers(v);
			default -> v;
		};
	}

	private static String effect(String v) {
		try {
			return FindingCode.Effect.valueOf(v).chineseName();
		}
		catch (IllegalArgumentException e) {
			return v;
		}
	}

	private static String stopReason(String v) {
		try {
			return StopReason.valueOf(v).chineseName();
		}
		catch (IllegalArgumentException e) {
			return v;
		}
	}

	/** The bank files as one ZIP, entries in name order with a fixed time. */
	byte[] bankZip(List<Path> files) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Path f : files.stream().sorted().toList()) {
				ZipEntry e = new ZipEntry(f.getFileName().toString());
				e.setTimeLocal(StableZip.FIXED_TIME);
				zip.putNextEntry(e);
				zip.write(Files.readAllBytes(f));
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	private Path folder(RunTotals t) {
		return Path.of(reader.outputFolder(t.run().id())
			.orElseThrow(() -> new WebErrors.NotFound("本批次没有输出文件夹（月结尚未写出文件）")));
	}
}
