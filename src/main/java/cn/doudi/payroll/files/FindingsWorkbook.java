package cn.doudi.payroll.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.doudi.identity.IdNumber;
import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Program;
import cn.doudi.kernel.Workbooks;
import cn.doudi.matching.CheckCounts;
import cn.doudi.payroll.MonthEndFiles.FindingRow;

/**
 * {@code findings.xlsx}: the open findings of {@code findings.csv} for the monitors, ID numbers masked.
 * <p>
 * <b>One sheet per finding code</b> (named by the code, as {@code findings.csv} and {@code findings list
 * --code=X} spell it), after a summary sheet {@code 汇总}. A monitor reviews one code at a time — the
 * death checks, the shared accounts, the leads go to different people and are settled differently
 * (CHECKS.md "Review") — so each sheet is one work list: a title saying what the code means and what it
 * does to payment, one header row with a filter, frozen panes, and rows of the same kind that sort and
 * filter without a group header row getting in the way. Rows keep {@code findings.csv}'s order (county,
 * id_number) and its nine columns, so a row can be found in the CSV; only codes with open findings get a
 * sheet.
 * <p>
 * The summary has one row per county of the month's runs — people checked, certified silently (checked
 * and named by no open HOLD finding: CHECKS.md "Silent certification"), people held, lines and amount
 * held, leads (应保尽保), open findings — and below it the open findings per code (every code of the
 * catalogue, zeros included, so months compare) and county.
 * <p>
 * Full ID numbers never appear: the ID column is {@link IdNumber#mask masked}, and any ID-like run of
 * digits left in a detail text (15 digits, or 17 and more, an 18th character X included: IDs and long
 * account numbers) is masked too; 16-digit runs (the sample's household numbers, shown in their own
 * column anyway) are left. Byte-stable like {@link SummaryWorkbook}: fixed document dates, fixed zip
 * entry times, input sorted here.
 */
public final class FindingsWorkbook {

	/** The sheet of the per-county summary; the other sheets are named by their finding code. */
	public static final String SUMMARY_SHEET = "汇总";

	static final String[] HEADER = { "区县", "问题代码", "处理方式", "身份证号", "姓名", "户编号", "涉及项目", "详情", "状态" };

	static final String[] SUMMARY_HEADER = { "区县", "核查人数", "静默认证人数", "暂停发放人数", "暂停笔数", "暂停金额（元）",
			"线索条数（应保尽保）", "未结问题条数" };

	/** 15 digits (an old ID), or 17 digits and more, with or without a final X (an ID, a long account number). */
	private static final Pattern ID_LIKE = Pattern.compile("(?<![0-9])(?:[0-9]{17,}[Xx]?|[0-9]{15})(?![0-9])");

	/** One county's summary: the check step's counts (empty when the run had none) and the lines held. */
	public record CountySummary(String county, Optional<CheckCounts> counts, long linesHeld, BigDecimal amountHeld) {
	}

	private FindingsWorkbook() {
	}

	/** Writes the workbook; {@code title} starts each sheet's title (e.g. {@code 2026年10月}). */
	public static void write(String title, List<CountySummary> counties, List<FindingRow> findings, Path target) {
		List<CountySummary> summaries = counties.stream().sorted(Comparator.comparing(CountySummary::county)).toList();
		Map<String, List<FindingRow>> byCode = findings.stream()
			.sorted(Comparator.comparing(FindingRow::county)
				.thenComparing(FindingRow::code)
				.thenComparing(FindingRow::idNumber)
				.thenComparing(FindingRow::householdId)
				.thenComparing(FindingRow::detail))
			.collect(Collectors.groupingBy(FindingRow::code, TreeMap::new, Collectors.toList()));
		Path temp = target.resolveSibling(target.getFileName() + ".tmp");
		byte[] bytes = Workbooks.bytes(wb -> {
			Styles styles = new Styles(wb);
			summary(wb.createSheet(SUMMARY_SHEET), styles, title, summaries, byCode);
			byCode.forEach((code, rows) -> codeSheet(wb.createSheet(code), styles, title, FindingCode.valueOf(code), rows));
		});
		try {
			Files.write(temp, bytes);
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void summary(XSSFSheet sheet, Styles styles, String title, List<CountySummary> counties,
			Map<String, List<FindingRow>> byCode) {
		title(sheet, styles, 0, title + "跨部门信息比对汇总（静默认证、暂停发放、线索）", SUMMARY_HEADER.length);
		header(sheet, styles, 1, SUMMARY_HEADER);
		Map<String, Long> openByCounty = byCode.values().stream()
			.flatMap(List::stream)
			.collect(Collectors.groupingBy(FindingRow::county, TreeMap::new, Collectors.counting()));
		int r = 2;
		for (CountySummary c : counties) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(c.county());
			c.counts().ifPresent(k -> {
				row.createCell(1).setCellValue(k.checked());
				row.createCell(2).setCellValue(k.certifiedSilently());
				row.createCell(3).setCellValue(k.held());
			});
			row.createCell(4).setCellValue(c.linesHeld());
			row.createCell(5).setCellValue(c.amountHeld().doubleValue()); // display only: amounts come from the CSV
			row.getCell(5).setCellStyle(styles.money);
			c.counts().ifPresent(k -> row.createCell(6).setCellValue(k.leads()));
			row.createCell(7).setCellValue(openByCounty.getOrDefault(c.county(), 0L));
		}
		Row total = sheet.createRow(r++);
		total.createCell(0).setCellValue("合计");
		total.createCell(1).setCellValue(counties.stream().flatMap(c -> c.counts().stream()).mapToLong(CheckCounts::checked).sum());
		total.createCell(2).setCellValue(
				counties.stream().flatMap(c -> c.counts().stream()).mapToLong(CheckCounts::certifiedSilently).sum());
		total.createCell(3).setCellValue(counties.stream().flatMap(c -> c.counts().stream()).mapToLong(CheckCounts::held).sum());
		total.createCell(4).setCellValue(counties.stream().mapToLong(CountySummary::linesHeld).sum());
		total.createCell(5).setCellValue(
				counties.stream().map(CountySummary::amountHeld).reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue());
		total.getCell(5).setCellStyle(styles.money);
		total.createCell(6).setCellValue(counties.stream().flatMap(c -> c.counts().stream()).mapToLong(CheckCounts::leads).sum());
		total.createCell(7).setCellValue(openByCounty.values().stream().mapToLong(Long::longValue).sum());
		r++;
		List<String> countyCodes = counties.stream().map(CountySummary::county).toList();
		List<String> perCode = new ArrayList<>(List.of("问题代码", "问题名称", "处理方式"));
		perCode.addAll(countyCodes);
		perCode.add("合计");
		title(sheet, styles, r++, "各类问题未结条数（按区县）", perCode.size());
		header(sheet, styles, r++, perCode.toArray(String[]::new));
		for (FindingCode code : Arrays.stream(FindingCode.values()).sorted(Comparator.comparing(FindingCode::name)).toList()) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(code.name());
			row.createCell(1).setCellValue(code.chineseName());
			row.createCell(2).setCellValue(code.effect().chineseName());
			List<FindingRow> rows = byCode.getOrDefault(code.name(), List.of());
			for (int i = 0; i < countyCodes.size(); i++) {
				String county = countyCodes.get(i);
				row.createCell(3 + i).setCellValue(rows.stream().filter(f -> f.county().equals(county)).count());
			}
			row.createCell(3 + countyCodes.size()).setCellValue(rows.size());
		}
		int columns = Math.max(SUMMARY_HEADER.length, perCode.size());
		for (int i = 0; i < columns; i++) {
			sheet.setColumnWidth(i, i == 0 ? 32 * 256 : i == 1 ? 30 * 256 : 18 * 256);
		}
		sheet.createFreezePane(0, 2);
	}

	private static void codeSheet(XSSFSheet sheet, Styles styles, String title, FindingCode code, List<FindingRow> rows) {
		title(sheet, styles, 0, title + " " + code.name() + " " + code.chineseName() + "：" + code.effect().chineseName() + "，"
				+ rows.size() + "条", HEADER.length);
		header(sheet, styles, 1, HEADER);
		int r = 2;
		for (FindingRow f : rows) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(f.county());
			row.createCell(1).setCellValue(f.code());
			row.createCell(2).setCellValue(code.effect().chineseName());
			row.createCell(3).setCellValue(IdNumber.mask(f.idNumber()));
			row.createCell(4).setCellValue(f.name());
			row.createCell(5).setCellValue(f.householdId());
			row.createCell(6).setCellValue(programs(f.programs()));
			row.createCell(7).setCellValue(maskIdLike(f.detail()));
			row.getCell(7).setCellStyle(styles.wrap);
			row.createCell(8).setCellValue("未结（OPEN）");
		}
		int[] widths = { 10, 30, 16, 22, 12, 20, 30, 80, 14 };
		for (int i = 0; i < widths.length; i++) {
			sheet.setColumnWidth(i, widths[i] * 256);
		}
		sheet.createFreezePane(0, 2);
		sheet.setAutoFilter(new CellRangeAddress(1, Math.max(1, r - 1), 0, HEADER.length - 1));
	}

	/** Masks every ID-like run of digits in {@code text} (first 6 and last 4 visible). */
	static String maskIdLike(String text) {
		Matcher m = ID_LIKE.matcher(text);
		StringBuilder sb = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(sb, Matcher.quoteReplacement(IdNumber.mask(m.group())));
		}
		m.appendTail(sb);
		return sb.toString();
	}

	private static String programs(String codes) {
		if (codes.isEmpty()) {
			return "";
		}
		return Arrays.stream(codes.split(";"))
			.map(p -> Program.parse(p).map(Program::chineseName).orElse(p))
			.collect(Collectors.joining("；"));
	}

	private static void title(XSSFSheet sheet, Styles styles, int r, String text, int width) {
		Row row = sheet.createRow(r);
		row.createCell(0).setCellValue(text);
		row.getCell(0).setCellStyle(styles.bold);
		if (width > 1) {
			sheet.addMergedRegion(new CellRangeAddress(r, r, 0, width - 1));
		}
	}

	private static void header(XSSFSheet sheet, Styles styles, int r, String[] names) {
		Row row = sheet.createRow(r);
		for (int i = 0; i < names.length; i++) {
			row.createCell(i).setCellValue(names[i]);
			row.getCell(i).setCellStyle(styles.bold);
		}
	}

	private static final class Styles {

		final CellStyle bold;
		final CellStyle money;
		final CellStyle wrap;

		Styles(XSSFWorkbook wb) {
			bold = wb.createCellStyle();
			Font font = wb.createFont();
			font.setBold(true);
			bold.setFont(font);
			money = wb.createCellStyle();
			money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
			wrap = wb.createCellStyle();
			wrap.setWrapText(true);
			wrap.setVerticalAlignment(VerticalAlignment.TOP);
		}
	}
}
