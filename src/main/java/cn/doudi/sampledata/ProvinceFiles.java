package cn.doudi.sampledata;

import java.io.Closeable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import cn.doudi.identity.IdNumber;
import cn.doudi.sampledata.Model.Account;
import cn.doudi.sampledata.Model.Certificate;
import cn.doudi.sampledata.Model.Death;
import cn.doudi.sampledata.Model.Economic;
import cn.doudi.sampledata.Model.Marriage;
import cn.doudi.sampledata.Model.Poverty;
import cn.doudi.sampledata.Model.Row;
import cn.doudi.sampledata.Model.TempAssist;
import cn.doudi.sampledata.Sheets.Encoding;

/**
 * Writes a province's files one generated city at a time: each county's roster of each month (the urban
 * template's county in UTF-8, the rural one in GBK, as the city sample's XLSX and GBK CSV), and the
 * province-wide files (regions, standards, the other agencies' monthly rosters, the planted problems) appended
 * city after city. Only the open files stay between cities, so memory does not grow with the counties.
 */
final class ProvinceFiles implements Closeable {

	private static final String[] TOWN_STEMS = { "城关", "东城", "西城", "南城", "北城", "新华", "人民", "解放", "建设", "文化",
			"朝阳", "光明", "团结", "红旗", "胜利", "长春", "永安", "太平", "龙泉", "黄河", "大王", "高村", "孙营", "李楼",
			"王集", "张店", "刘庙", "陈桥", "杨集", "马头", "石桥", "白沙", "青龙", "柳林", "桃园", "梁园", "关庙", "双庙",
			"三里河", "五里堡" };

	private final Path out;
	private final long seed;
	private final Map<String, CsvOut> shared = new TreeMap<>();
	private final List<Path> written = new ArrayList<>();
	private final Map<YearMonth, Long> rows = new TreeMap<>();
	private final Map<String, Integer> planted = new TreeMap<>();
	long households;
	long persons;

	ProvinceFiles(Path out, long seed) {
		this.out = out;
		this.seed = seed;
	}

	/** Writes one generated city, moved onto its counties. */
	void add(World w, Remap m) {
		regions(w, m);
		standards(m);
		Set<String> people = new HashSet<>();
		Set<String> homes = new HashSet<>();
		for (YearMonth month : World.months()) {
			for (Divisions.County county : counties(m)) {
				String template = county == m.urban() ? Geography.URBAN_COUNTY : Geography.RURAL_COUNTY;
				List<Row> roster = SampleFiles.roster(w, template, month);
				roster(county, county == m.urban() ? Encoding.UTF8 : Encoding.GBK, month, roster, m);
				rows.merge(month, (long) roster.size(), Long::sum);
				if (month.equals(Policy.M1)) {
					roster.forEach(r -> {
						people.add(r.person().id());
						homes.add(r.household());
					});
				}
			}
			agencies(w, m, month);
		}
		persons += people.size();
		households += homes.size();
		for (PlantedProblem p : w.planted) {
			if (m.rural() != null || !p.county().equals(Geography.RURAL_COUNTY)) {
				planted.merge(p.kind() + " " + p.code(), 1, Integer::sum);
				file("planted.csv", Encoding.UTF8, List.of("类型", "代码", "区县", "身份证号", "姓名", "月份", "文件", "预期"))
					.row(List.of(p.kind().name(), p.code(), m.county(p.county()),
							p.idNumber().isEmpty() ? "" : IdNumber.mask(m.id(p.idNumber())), m.text(p.name()), p.month().toString(),
							m.text(p.where()), m.text(p.expected())));
			}
		}
	}

	private static List<Divisions.County> counties(Remap m) {
		return m.rural() == null ? List.of(m.urban()) : List.of(m.urban(), m.rural());
	}

	private void regions(World w, Remap m) {
		CsvOut regions = file("regions.csv", Encoding.UTF8, List.of("区划代码", "名称"));
		for (Geography.County c : w.geography.counties()) {
			boolean urban = c.code().equals(Geography.URBAN_COUNTY);
			Divisions.County county = urban ? m.urban() : m.rural();
			if (county == null) {
				continue;
			}
			regions.row(List.of(county.code(), county.name()));
			Random names = new Random(seed ^ Long.parseLong(county.code()));
			List<String> towns = shuffled(TOWN_STEMS, names);
			List<String> communities = shuffled(Geography.COMMUNITY_STEMS, names);
			List<String> villages = shuffled(Geography.VILLAGE_STEMS, names);
			int t = 0;
			int cv = 0;
			int vv = 0;
			for (Geography.Township township : c.townships()) {
				int n = Integer.parseInt(township.code().substring(6));
				String suffix = n < 100 ? "街道" : n < 200 ? "镇" : "乡";
				regions.row(List.of(m.code(township.code()), towns.get(t++ % towns.size()) + suffix));
				for (Geography.Village v : township.villages()) {
					String name = v.urban() ? communities.get(cv++ % communities.size()) + "社区"
							: villages.get(vv++ % villages.size()) + "村";
					regions.row(List.of(m.code(v.code()), name));
				}
			}
		}
	}

	private static List<String> shuffled(String[] stems, Random random) {
		List<String> list = new ArrayList<>(List.of(stems));
		java.util.Collections.shuffle(list, random);
		return list;
	}

	private void standards(Remap m) {
		CsvOut standards = file("standards.csv", Encoding.UTF8, List.of("区划代码", "项目", "类别", "生效月份", "月标准"));
		for (Model.Standard s : Policy.standards()) {
			if (m.rural() != null || s.county().equals(Geography.URBAN_COUNTY)) {
				standards.row(List.of(m.county(s.county()), s.program(), s.category(), s.effective().toString(), s.amount()));
			}
		}
	}

	private void roster(Divisions.County county, Encoding encoding, YearMonth month, List<Row> roster, Remap m) {
		Path file = out.resolve(month.toString()).resolve("beneficiaries-" + county.code() + ".csv");
		String title = county.cityName() + county.name() + month.getYear() + "年" + month.getMonthValue() + "月城乡低保等社会救助对象花名册";
		try (CsvOut csv = new CsvOut(file, encoding, List.of(title), SampleFiles.BENEFICIARY_HEADER)) {
			int n = 0;
			Set<String> households = new HashSet<>();
			for (Row r : roster) {
				Account a = r.account();
				households.add(r.household());
				csv.row(List.of(String.valueOf(++n), m.code(r.region()), m.code(r.household()), m.id(r.person().written()),
						r.person().name(), r.relation(), SampleFiles.shortName(r.program()), nz(r.category()),
						r.income() == null ? "" : r.income().toPlainString(), r.start().toString(), month(r.end()),
						a == null ? "" : a.bank().chineseName(), a == null ? "" : a.number(), a == null ? "" : m.text(a.holder())));
			}
			List<String> footer = new ArrayList<>(List.of("合计", "", "共" + BigDecimal.valueOf(households.size()) + "户", "",
					"共" + roster.size() + "人次"));
			while (footer.size() < SampleFiles.BENEFICIARY_HEADER.size()) {
				footer.add("");
			}
			csv.row(footer);
		}
		written.add(file);
	}

	private void agencies(World w, Remap m, YearMonth month) {
		String dir = month + "/";
		for (Death d : w.deaths.stream().filter(d -> d.file().equals(month))
			.sorted(Comparator.comparing(Death::date).thenComparing(Death::id)).toList()) {
			file(dir + "deaths.csv", Encoding.GBK, List.of("身份证号", "姓名", "死亡日期", "来源"))
				.row(List.of(m.id(d.id()), d.name(), d.date().toString(), d.source()));
		}
		if (month.equals(Policy.M1) || month.equals(Policy.M3)) {
			for (Certificate c : w.certificates.stream().filter(c -> c.listedIn(month))
				.sorted(Comparator.comparing(Certificate::id)).toList()) {
				String id = m.id(c.id());
				file(dir + "disability.csv", Encoding.UTF8, List.of("身份证号", "姓名", "残疾证号", "残疾类别", "残疾等级", "证件状态"))
					.row(List.of(id, c.name(), id + c.type() + c.grade(), DISABILITY_TYPES[c.type()], GRADES[c.grade()],
							c.valid() ? "有效" : "注销"));
			}
		}
		if (month.equals(Policy.M1)) {
			for (Poverty p : w.poverty.stream().filter(p -> m.keeps(p.region())).sorted(Comparator.comparing(Poverty::region)
				.thenComparing(Poverty::household).thenComparing(Poverty::id)).toList()) {
				file(dir + "poverty.csv", Encoding.UTF8_BOM, List.of("身份证号", "姓名", "区划代码", "户编号", "类别"))
					.row(List.of(m.id(p.id()), p.name(), m.code(p.region()), m.code(p.household()), p.category()));
			}
		}
		for (Marriage r : w.marriages.stream().filter(r -> r.file().equals(month))
			.sorted(Comparator.comparing(Marriage::date).thenComparing(Marriage::id)).toList()) {
			file(dir + "marriages.csv", Encoding.UTF8, List.of("身份证号", "姓名", "配偶身份证号", "配偶姓名", "登记类型", "登记日期"))
				.row(List.of(m.id(r.id()), r.name(), m.id(r.spouseId()), r.spouseName(), r.type(),
						r.date().getYear() + "/" + r.date().getMonthValue() + "/" + r.date().getDayOfMonth()));
		}
		for (Economic e : w.economic.stream().filter(e -> e.file().equals(month) && m.keeps(e.household()))
			.sorted(Comparator.comparing(Economic::household)).toList()) {
			file(dir + "economic.csv", Encoding.GBK,
					List.of("户编号", "身份证号", "姓名", "核对月份", "家庭月收入", "机动车数量", "房产套数", "工商登记", "财政供养人员"))
				.row(List.of(m.code(e.household()), m.id(e.id()), e.name(), e.month().toString(), e.income().toPlainString(),
						String.valueOf(e.vehicles()), String.valueOf(e.properties()), e.business() ? "是" : "否",
						e.publicEmployee() ? "是" : "否"));
		}
		for (TempAssist t : w.tempAssist.stream().filter(t -> t.file().equals(month) && m.keeps(t.region()))
			.sorted(Comparator.comparing(TempAssist::caseNumber)).toList()) {
			file(dir + "temp-assist.csv", Encoding.UTF8, List.of("区划代码", "户编号", "身份证号", "姓名", "审批编号", "审批月份", "救助金额",
					"救助事由", "开户银行", "银行账号", "账户名"))
				.row(List.of(m.code(t.region()), m.code(t.household()), m.id(t.person().id()), t.person().name(),
						m.code(t.caseNumber()), t.month().toString(), t.amount().toPlainString(), t.reason(),
						t.account().bank().chineseName(), t.account().number(), m.text(t.account().holder())));
		}
	}

	private static final String[] DISABILITY_TYPES = { "", "视力", "听力", "言语", "肢体", "智力", "精神", "多重" };
	private static final String[] GRADES = { "", "一级", "二级", "三级", "四级" };

	/** A province-wide file, opened with its header on first use and kept open until {@link #close}. */
	private CsvOut file(String name, Encoding encoding, List<String> header) {
		return shared.computeIfAbsent(name, n -> {
			Path file = out.resolve(n);
			written.add(file);
			return new CsvOut(file, encoding, List.of(), header);
		});
	}

	void cpi() {
		CsvOut cpi = file("cpi.csv", Encoding.UTF8, List.of("月份", "CPI同比", "食品CPI同比"));
		for (Model.Cpi c : Policy.cpi()) {
			cpi.row(List.of(c.month().toString(), c.cpi(), c.foodCpi()));
		}
	}

	List<Path> written() {
		return written.stream().sorted().toList();
	}

	Map<YearMonth, Long> rows() {
		return rows;
	}

	Map<String, Integer> planted() {
		return planted;
	}

	@Override
	public void close() {
		shared.values().forEach(CsvOut::close);
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	private static String month(YearMonth m) {
		return m == null ? "" : m.toString();
	}
}
