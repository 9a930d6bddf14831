package cn.doudi.sampledata;

import static cn.doudi.sampledata.Geography.RURAL_COUNTY;
import static cn.doudi.sampledata.Geography.URBAN_COUNTY;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.doudi.kernel.Bank;
import cn.doudi.kernel.Program;
import cn.doudi.sampledata.Model.Account;
import cn.doudi.sampledata.Model.Certificate;
import cn.doudi.sampledata.Model.Death;
import cn.doudi.sampledata.Model.Economic;
import cn.doudi.sampledata.Model.Marriage;
import cn.doudi.sampledata.Model.Poverty;
import cn.doudi.sampledata.Model.Row;
import cn.doudi.sampledata.Model.TempAssist;
import cn.doudi.sampledata.Sheets.Encoding;
import cn.doudi.sampledata.Sheets.Text;
import cn.doudi.sampledata.Sheets.Value;

/** Writes the world into the layout the demo replays (see the generated README). */
final class SampleFiles {

	static final List<String> BENEFICIARY_HEADER = List.of("序号", "区划代码", "户编号", "身份证号", "姓名", "与户主关系", "项目", "类别",
			"家庭月收入", "开始月份", "结束月份", "开户银行", "银行账号", "账户名");
	private static final int[] BENEFICIARY_WIDTHS = { 6, 14, 18, 21, 14, 10, 28, 8, 12, 10, 10, 18, 22, 18 };
	private static final List<String> RELATIONS = List.of("户主", "本人", "配偶", "子女", "父母", "孙子女", "兄弟姐妹", "其他");
	private static final String[] DISABILITY_TYPES = { "", "视力", "听力", "言语", "肢体", "智力", "精神", "多重" };
	private static final String[] GRADES = { "", "一级", "二级", "三级", "四级" };

	static final Comparator<Row> ROSTER_ORDER = Comparator.comparing(Row::region)
		.thenComparing(Row::household)
		.thenComparing(Row::program)
		.thenComparingInt(r -> RELATIONS.indexOf(r.relation()))
		.thenComparing(r -> r.person().birth())
		.thenComparing(r -> r.person().id());

	private final World w;
	private final Path out;
	private final List<Path> written = new ArrayList<>();

	SampleFiles(World world, Path out) {
		this.w = world;
		this.out = out;
	}

	List<Path> writeAll() {
		regions();
		standards();
		cpi();
		for (YearMonth month : World.months()) {
			Path dir = out.resolve(month.toString());
			beneficiariesXlsx(dir.resolve("beneficiaries-" + URBAN_COUNTY + ".xlsx"), month);
			beneficiariesCsv(dir.resolve("beneficiaries-" + RURAL_COUNTY + ".csv"), month);
			deaths(dir.resolve("deaths.csv"), month);
			disability(dir.resolve("disability.xlsx"), month);
			poverty(dir.resolve("poverty.csv"), month);
			marriages(dir.resolve("marriages.csv"), month);
			economic(dir.resolve("economic.csv"), month);
			tempAssist(dir.resolve("temp-assist.csv"), month);
		}
		return written;
	}

	static List<Row> roster(World w, String county, YearMonth month) {
		return w.rows.stream()
			.filter(r -> r.county().equals(county) && r.listedIn(month))
			.sorted(ROSTER_ORDER)
			.toList();
	}

	private void regions() {
		List<List<String>> rows = new ArrayList<>();
		for (Geography.County c : w.geography.counties()) {
			rows.add(List.of(c.code(), c.name()));
			for (Geography.Township t : c.townships()) {
				rows.add(List.of(t.code(), t.name()));
				for (Geography.Village v : t.villages()) {
					rows.add(List.of(v.code(), v.name()));
				}
			}
		}
		csv(out.resolve("regions.csv"), Encoding.UTF8, List.of(), List.of("区划代码", "名称"), rows, null);
	}

	private void standards() {
		List<List<String>> rows = new ArrayList<>();
		for (Model.Standard s : Policy.standards()) {
			rows.add(List.of(s.county(), s.program(), s.category(), s.effective().toString(), s.amount()));
		}
		csv(out.resolve("standards.csv"), Encoding.UTF8, List.of(), List.of("区划代码", "项目", "类别", "生效月份", "月标准"),
				rows, null);
	}

	private void cpi() {
		List<List<String>> rows = new ArrayList<>();
		for (Model.Cpi c : Policy.cpi()) {
			rows.add(List.of(c.month().toString(), c.cpi(), c.foodCpi()));
		}
		csv(out.resolve("cpi.csv"), Encoding.UTF8, List.of(), List.of("月份", "CPI同比", "食品CPI同比"), rows, null);
	}

	private void beneficiariesXlsx(Path file, YearMonth month) {
		List<Row> roster = roster(w, URBAN_COUNTY, month);
		List<List<Value>> rows = new ArrayList<>();
		int n = 0;
		for (Row r : roster) {
			Account a = r.account();
			rows.add(List.of(text(String.valueOf(++n)), text(r.region()), text(r.household()), text(r.person().written()),
					text(r.person().name()), text(r.relation()), text(r.program().chineseName()), text(r.category()),
					new Sheets.Money(r.income()), text(r.start().toString()), text(month(r.end())),
					text(a == null ? "" : officialName(a.bank())), text(a == null ? "" : a.number()),
					text(a == null ? "" : a.holder())));
		}
		Sheets.xlsx(file, "花名册", "郑州市中原区" + month.getYear() + "年" + month.getMonthValue() + "月城乡低保等社会救助对象花名册",
				BENEFICIARY_HEADER, rows, totals(roster), BENEFICIARY_WIDTHS);
		written.add(file);
	}

	private void beneficiariesCsv(Path file, YearMonth month) {
		List<Row> roster = roster(w, RURAL_COUNTY, month);
		List<List<String>> rows = new ArrayList<>();
		int n = 0;
		for (Row r : roster) {
			Account a = r.account();
			rows.add(List.of(String.valueOf(++n), r.region(), r.household(), r.person().written(), r.person().name(),
					r.relation(), shortName(r.program()), nz(r.category()), r.income() == null ? "" : r.income().toPlainString(),
					r.start().toString(), month(r.end()), a == null ? "" : a.bank().chineseName(),
					a == null ? "" : a.number(), a == null ? "" : a.holder()));
		}
		csv(file, Encoding.GBK,
				List.of("郑州市中牟县" + month.getYear() + "年" + month.getMonthValue() + "月城乡低保等社会救助对象花名册"),
				BENEFICIARY_HEADER, rows, totals(roster));
	}

	/** The 合计 row at the bottom, as the government sheets have it. */
	private static List<String> totals(List<Row> roster) {
		BigDecimal households = BigDecimal.valueOf(roster.stream().map(Row::household).distinct().count());
		List<String> footer = new ArrayList<>(List.of("合计", "", "共" + households + "户", "", "共" + roster.size() + "人次"));
		while (footer.size() < BENEFICIARY_HEADER.size()) {
			footer.add("");
		}
		return footer;
	}

	private void deaths(Path file, YearMonth month) {
		List<Death> records = w.deaths.stream()
			.filter(d -> d.file().equals(month))
			.sorted(Comparator.comparing(Death::date).thenComparing(Death::id))
			.toList();
		if (records.isEmpty()) {
			return;
		}
		List<List<String>> rows = new ArrayList<>();
		for (Death d : records) {
			rows.add(List.of(d.id(), d.name(), d.date().toString(), d.source()));
		}
		csv(file, Encoding.GBK, List.of(), List.of("身份证号", "姓名", "死亡日期", "来源"), rows, null);
	}

	private void disability(Path file, YearMonth month) {
		if (!month.equals(Policy.M1) && !month.equals(Policy.M3)) {
			return; // 残联 sends its full roster in the first and the third month
		}
		List<Certificate> certs = w.certificates.stream()
			.filter(c -> c.listedIn(month))
			.sorted(Comparator.comparing(Certificate::id))
			.toList();
		List<List<Value>> rows = new ArrayList<>();
		int n = 0;
		for (Certificate c : certs) {
			rows.add(List.of(text(String.valueOf(++n)), text(c.id()), text(c.name()), text(c.number()),
					text(DISABILITY_TYPES[c.type()]), text(GRADES[c.grade()]), text(c.valid() ? "有效" : "注销")));
		}
		Sheets.xlsx(file, "残疾人基础信息", null, List.of("序号", "身份证号", "姓名", "残疾证号", "残疾类别", "残疾等级", "证件状态"), rows,
				null, new int[] { 6, 21, 14, 23, 10, 10, 10 });
		written.add(file);
	}

	private void poverty(Path file, YearMonth month) {
		if (!month.equals(Policy.M1)) {
			return;
		}
		List<Poverty> records = w.poverty.stream()
			.sorted(Comparator.comparing(Poverty::region).thenComparing(Poverty::household).thenComparing(Poverty::id))
			.toList();
		List<List<String>> rows = new ArrayList<>();
		for (Poverty p : records) {
			rows.add(List.of(p.id(), p.name(), p.region(), p.household(), p.category()));
		}
		csv(file, Encoding.UTF8_BOM, List.of(), List.of("身份证号", "姓名", "区划代码", "户编号", "类别"), rows, null);
	}

	private void marriages(Path file, YearMonth month) {
		List<Marriage> records = w.marriages.stream()
			.filter(m -> m.file().equals(month))
			.sorted(Comparator.comparing(Marriage::date).thenComparing(Marriage::id))
			.toList();
		if (records.isEmpty()) {
			return;
		}
		List<List<String>> rows = new ArrayList<>();
		for (Marriage m : records) {
			rows.add(List.of(m.id(), m.name(), m.spouseId(), m.spouseName(), m.type(),
					m.date().getYear() + "/" + m.date().getMonthValue() + "/" + m.date().getDayOfMonth()));
		}
		csv(file, Encoding.UTF8, List.of(), List.of("身份证号", "姓名", "配偶身份证号", "配偶姓名", "登记类型", "登记日期"), rows, null);
	}

	private void economic(Path file, YearMonth month) {
		List<Economic> records = w.economic.stream()
			.filter(e -> e.file().equals(month))
			.sorted(Comparator.comparing(Economic::household))
			.toList();
		if (records.isEmpty()) {
			return;
		}
		List<List<String>> rows = new ArrayList<>();
		for (Economic e : records) {
			rows.add(List.of(e.household(), e.id(), e.name(), e.month().toString(), e.income().toPlainString(),
					String.valueOf(e.vehicles()), String.valueOf(e.properties()), e.business() ? "是" : "否",
					e.publicEmployee() ? "是" : "否"));
		}
		csv(file, Encoding.GBK, List.of(),
				List.of("户编号", "身份证号", "姓名", "核对月份", "家庭月收入", "机动车数量", "房产套数", "工商登记", "财政供养人员"), rows, null);
	}

	private void tempAssist(Path file, YearMonth month) {
		List<TempAssist> records = w.tempAssist.stream()
			.filter(t -> t.file().equals(month))
			.sorted(Comparator.comparing(TempAssist::caseNumber))
			.toList();
		if (records.isEmpty()) {
			return;
		}
		List<List<String>> rows = new ArrayList<>();
		for (TempAssist t : records) {
			rows.add(List.of(t.region(), t.household(), t.person().id(), t.person().name(), t.caseNumber(),
					t.month().toString(), t.amount().toPlainString(), t.reason(), t.account().bank().chineseName(),
					t.account().number(), t.account().holder()));
		}
		csv(file, Encoding.UTF8, List.of(), List.of("区划代码", "户编号", "身份证号", "姓名", "审批编号", "审批月份", "救助金额", "救助事由",
				"开户银行", "银行账号", "账户名"), rows, null);
	}

	private void csv(Path file, Encoding encoding, List<String> titles, List<String> header, List<List<String>> rows,
			List<String> footer) {
		Sheets.csv(file, encoding, titles, header, rows, footer);
		written.add(file);
	}

	static Text text(String s) {
		return new Text(s == null ? "" : s);
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	private static String month(YearMonth m) {
		return m == null ? "" : m.toString();
	}

	static String officialName(Bank bank) {
		return switch (bank) {
			case ICBC -> "中国工商银行";
			case ABC -> "中国农业银行";
			case BOC -> "中国银行";
			case CCB -> "中国建设银行";
			case BOCOM -> "交通银行";
			case PSBC -> "中国邮政储蓄银行";
			case RCU -> "郑州农商银行";
		};
	}

	static String shortName(Program program) {
		return switch (program) {
			case DIBAO_URBAN -> "城市低保";
			case DIBAO_RURAL -> "农村低保";
			case TEKUN -> "特困供养";
			default -> program.chineseName();
		};
	}

	/** Rows per county and program in a month's snapshot, for the README. */
	static Map<String, Map<Program, Integer>> counts(World w, YearMonth month) {
		Map<String, Map<Program, Integer>> out = new TreeMap<>();
		for (String county : List.of(URBAN_COUNTY, RURAL_COUNTY)) {
			Map<Program, Integer> perProgram = new TreeMap<>();
			for (Row r : roster(w, county, month)) {
				perProgram.merge(r.program(), 1, Integer::sum);
			}
			out.put(county, perProgram);
		}
		return out;
	}
}
