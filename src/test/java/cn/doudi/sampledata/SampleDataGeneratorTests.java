package cn.doudi.sampledata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.doudi.identity.IdNumber;
import cn.doudi.identity.ParsedId;
import cn.doudi.identity.PersonName;
import cn.doudi.kernel.Bank;
import cn.doudi.kernel.Months;
import cn.doudi.kernel.Program;
import cn.doudi.sampledata.PlantedProblem.Kind;
import cn.doudi.sampledata.SampleFilesReader.Line;

/**
 * The sample data is deterministic, equal to what is committed, valid by INPUTS.md (checked here
 * from the files alone, without the generator's model), and holds its planted problems and nothing
 * else that a check would flag.
 */
class SampleDataGeneratorTests {

	private static final LocalDate IMPORT_DAY = LocalDate.of(2026, 11, 22);
	private static final Set<String> COUNTIES = Set.of("410102", "410122");
	private static final List<String> ROSTER_COLUMNS = List.of("区划代码", "户编号", "身份证号", "姓名", "与户主关系", "项目", "开始月份");

	@TempDir
	static Path tmp;

	static SampleDataSet first;
	static SampleDataSet second;
	static long secondMillis;
	static Map<YearMonth, List<Entry>> rosters = new TreeMap<>();
	static Map<YearMonth, Map<String, BigDecimal>> standards = new TreeMap<>();

	/** A roster row as read back from a file. */
	record Entry(YearMonth month, String file, int line, String county, String region, String household, String id,
			String name, String relation, Program program, String category, String income, YearMonth start,
			YearMonth end, String bank, String account, String holder) {

		boolean active() {
			return !start.isAfter(month) && (end == null || !month.isAfter(end));
		}

		int age() {
			return IdNumber.of(id).ageIn(month);
		}
	}

	@BeforeAll
	static void generateTwice() throws IOException {
		first = new SampleDataGenerator().generate(tmp.resolve("a"), SampleDataGenerator.DEFAULT_SEED,
				SampleDataGenerator.DEFAULT_HOUSEHOLDS);
		long t = System.nanoTime();
		second = new SampleDataGenerator().generate(tmp.resolve("b"), SampleDataGenerator.DEFAULT_SEED,
				SampleDataGenerator.DEFAULT_HOUSEHOLDS);
		secondMillis = (System.nanoTime() - t) / 1_000_000;
		for (YearMonth month : SampleDataSet.months()) {
			rosters.put(month, readRosters(tmp.resolve("a"), month));
		}
		for (Line l : SampleFilesReader.read(tmp.resolve("a/standards.csv"), "区划代码", "项目", "类别", "生效月份", "月标准")) {
			for (YearMonth month : SampleDataSet.months()) {
				YearMonth from = Months.require(l.get("生效月份"));
				if (!from.isAfter(month)) {
					standards.computeIfAbsent(month, m -> new HashMap<>())
						.merge(l.get("区划代码") + "/" + l.get("项目") + "/" + l.get("类别"), new BigDecimal(l.get("月标准")),
								(old, now) -> now);
				}
			}
		}
	}

	// ---- determinism -------------------------------------------------------------------------------

	@Test
	void theSameSeedGivesByteIdenticalFiles() throws IOException {
		assertSameTree(tmp.resolve("a"), tmp.resolve("b"));
		assertThat(first.files()).hasSameSizeAs(second.files());
		assertThat(secondMillis).as("a warm generation takes %d ms", secondMillis).isLessThan(15_000);
	}

	@Test
	void theCommittedSampleDataIsAFreshGeneration() throws IOException {
		Path committed = Path.of("sample-data");
		assertThat(committed).as("run from the project folder; regenerate with `doudi sample-data --out=sample-data`")
			.isDirectory();
		assertSameTree(tmp.resolve("a"), committed);
	}

	@Test
	void anotherSeedGivesOtherPeopleAndASmallerSizeFewerRows() {
		SampleDataSet small = new SampleDataGenerator().generate(tmp.resolve("small"), 7, 600);
		assertThat(small.households()).isLessThan(first.households() / 3);
		List<PlantedProblem> smallProblems = small.planted().stream().filter(p -> p.kind() == Kind.PROBLEM).toList();
		List<PlantedProblem> problems = first.planted().stream().filter(p -> p.kind() == Kind.PROBLEM).toList();
		assertThat(smallProblems).extracting(PlantedProblem::code)
			.containsExactlyElementsOf(problems.stream().map(PlantedProblem::code).toList());
		assertThat(smallProblems.get(0).idNumber()).isNotEqualTo(problems.get(0).idNumber());
	}

	@Test
	void refusesToOverwriteAFolderItDidNotWrite() throws IOException {
		Path foreign = tmp.resolve("foreign");
		Files.createDirectories(foreign);
		Files.writeString(foreign.resolve("README.md"), "# my project\n");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SampleDataGenerator().generate(foreign, 1, 600))
			.withMessageContaining("README.md");
		assertThat(Files.readString(foreign.resolve("README.md"))).isEqualTo("# my project\n");
	}

	private static void assertSameTree(Path expected, Path actual) throws IOException {
		assertThat(relativeFiles(actual)).containsExactlyElementsOf(relativeFiles(expected));
		for (String f : relativeFiles(expected)) {
			assertThat(Files.readAllBytes(actual.resolve(f))).as(f).isEqualTo(Files.readAllBytes(expected.resolve(f)));
		}
	}

	private static List<String> relativeFiles(Path root) throws IOException {
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted()
				.toList();
		}
	}

	// ---- the layout --------------------------------------------------------------------------------

	@Test
	void theLayoutIsTheOneTheDemoReplays() throws IOException {
		assertThat(relativeFiles(tmp.resolve("a"))).containsExactly("2026-10/beneficiaries-410102.xlsx",
				"2026-10/beneficiaries-410122.csv", "2026-10/deaths.csv", "2026-10/disability.xlsx", "2026-10/economic.csv",
				"2026-10/poverty.csv", "2026-10/temp-assist.csv", "2026-11/beneficiaries-410102.xlsx",
				"2026-11/beneficiaries-410122.csv", "2026-11/deaths.csv", "2026-11/economic.csv", "2026-11/marriages.csv",
				"2026-11/temp-assist.csv", "2026-12/beneficiaries-410102.xlsx", "2026-12/beneficiaries-410122.csv",
				"2026-12/deaths.csv", "2026-12/disability.xlsx", "2026-12/economic.csv", "2026-12/marriages.csv",
				"2026-12/temp-assist.csv", "README.md", "bad/beneficiaries-410102-bad.xlsx", "cpi.csv", "regions.csv",
				"standards.csv");
		assertThat(SampleFilesReader.encodingOf(tmp.resolve("a/2026-10/beneficiaries-410122.csv")).name())
			.isEqualTo("GB18030");
		assertThat(Files.readAllLines(tmp.resolve("a/2026-10/beneficiaries-410122.csv"), SampleFilesReader
			.encodingOf(tmp.resolve("a/2026-10/beneficiaries-410122.csv"))).get(0)).startsWith("郑州市中牟县2026年10月");
		String readme = Files.readString(tmp.resolve("a/README.md"));
		for (PlantedProblem p : first.planted()) {
			assertThat(readme).contains(p.code());
			if (!p.idNumber().isEmpty()) {
				assertThat(readme).contains(p.maskedId()).doesNotContain(p.idNumber());
			}
		}
	}

	@Test
	void sizeIsAFewThousandHouseholdsAndSixToEightThousandRows() {
		assertThat(first.households()).isBetween(2_500, 3_500);
		for (YearMonth month : SampleDataSet.months()) {
			assertThat(first.rowsIn(month)).isBetween(5_500, 8_000);
			assertThat(rosters.get(month)).hasSize(first.rowsIn(month));
		}
	}

	// ---- validity by INPUTS.md ---------------------------------------------------------------------

	@Test
	void everyRosterRowPassesImportValidation() {
		for (List<Entry> roster : rosters.values()) {
			for (Entry e : roster) {
				String where = e.file() + ":" + e.line();
				assertThat(e.region()).as(where).matches("\\d{12}").startsWith(e.county());
				assertThat(e.household()).as(where).startsWith(e.region());
				assertThat(e.name().codePointCount(0, e.name().length())).as(where).isBetween(1, 30);
				assertThat(List.of("户主", "本人", "配偶", "子女", "父母", "孙子女", "兄弟姐妹", "其他")).as(where).contains(e.relation());
				assertThat(e.start()).as(where).isBeforeOrEqualTo(e.month());
				if (e.end() != null) {
					assertThat(e.end()).as(where).isAfterOrEqualTo(e.start());
				}
				switch (e.program()) {
					case TEKUN -> assertThat(e.category()).as(where).isIn("全自理", "半护理", "全护理");
					case ORPHAN -> assertThat(e.category()).as(where).isIn("机构", "散居");
					case DIBAO_URBAN, DIBAO_RURAL -> assertThat(new BigDecimal(e.income()).scale()).as(where).isLessThanOrEqualTo(2);
					default -> assertThat(e.category()).as(where).isEmpty();
				}
				boolean payee = !e.program().isDibao() || e.relation().equals("户主") || e.relation().equals("本人");
				if (payee) {
					assertThat(Bank.parse(e.bank())).as(where + " bank " + e.bank()).isPresent();
					assertThat(e.account()).as(where).matches("\\d{12,19}");
					assertThat(e.holder()).as(where).isNotBlank();
				}
				else {
					assertThat(e.bank() + e.account() + e.holder()).as(where).isEmpty();
				}
			}
		}
	}

	@Test
	void twoNamesHoldCharactersGbkLacksOnePaidThroughPsbcsGbkLayout() {
		java.nio.charset.CharsetEncoder gbk = java.nio.charset.Charset.forName("GBK").newEncoder();
		for (List<Entry> roster : rosters.values()) {
			List<Entry> rare = roster.stream().filter(e -> !gbk.canEncode(e.name())).toList();
			assertThat(rare).extracting(Entry::name).containsExactlyInAnyOrder("刘䶮", "王𠀾华");
			assertThat(rare).allMatch(e -> e.county().equals("410102") && e.name().equals(e.holder()));
			assertThat(rare).extracting(e -> e.name() + ":" + Bank.parse(e.bank()).orElseThrow())
				.containsExactlyInAnyOrder("刘䶮:ICBC", "王𠀾华:PSBC");
			assertThat(rare.stream().map(Entry::region).distinct()).hasSize(1);
		}
	}

	@Test
	void everyIdOnEveryRosterIsValid() throws IOException {
		for (YearMonth month : SampleDataSet.months()) {
			for (Path file : List.of(monthDir(month).resolve("beneficiaries-410102.xlsx"),
					monthDir(month).resolve("beneficiaries-410122.csv"))) {
				for (Line l : SampleFilesReader.read(file, ROSTER_COLUMNS.toArray(String[]::new))) {
					assertThat(l.numeric("身份证号")).isFalse();
					assertThat(IdNumber.parse(l.get("身份证号"), IMPORT_DAY)).as(file + ":" + l.number())
						.isInstanceOf(ParsedId.Valid.class);
				}
			}
		}
	}

	@Test
	void eachDibaoHouseholdHasOneHeadAndOneIncomePerProgram() {
		for (List<Entry> roster : rosters.values()) {
			Map<String, List<Entry>> households = roster.stream()
				.filter(e -> e.program().isDibao())
				.collect(Collectors.groupingBy(e -> e.household() + "/" + e.program(), TreeMap::new, Collectors.toList()));
			for (Map.Entry<String, List<Entry>> h : households.entrySet()) {
				assertThat(h.getValue().stream().filter(e -> e.relation().equals("户主") || e.relation().equals("本人")))
					.as(h.getKey())
					.hasSize(1);
				assertThat(h.getValue().stream().map(e -> new BigDecimal(e.income())).distinct()).as(h.getKey()).hasSize(1);
			}
			// the income is the same on every row of a household, whatever the program
			Map<String, Set<String>> incomes = new HashMap<>();
			for (Entry e : roster) {
				if (!e.income().isEmpty()) {
					incomes.computeIfAbsent(e.household(), k -> new TreeSet<>()).add(e.income());
				}
			}
			assertThat(incomes.values()).allSatisfy(s -> assertThat(s).hasSize(1));
		}
	}

	@Test
	void everyProgramAndCategoryIsOnEveryMonthsRosters() {
		for (List<Entry> roster : rosters.values()) {
			for (String county : COUNTIES) {
				Set<Program> programs = roster.stream().filter(e -> e.county().equals(county)).map(Entry::program)
					.collect(Collectors.toSet());
				assertThat(programs).as(county).containsAll(List.of(Program.DIBAO_URBAN, Program.DIBAO_RURAL, Program.TEKUN,
						Program.ELDERLY, Program.DISABILITY_LIVING, Program.DISABILITY_CARE, Program.ORPHAN,
						Program.DE_FACTO_CHILD));
			}
			assertThat(roster.stream().filter(e -> e.program() == Program.TEKUN).map(Entry::category).distinct())
				.containsExactlyInAnyOrder("全自理", "半护理", "全护理");
			assertThat(roster.stream().filter(e -> e.program() == Program.ORPHAN).map(Entry::category).distinct())
				.containsExactlyInAnyOrder("机构", "散居");
			Set<Integer> elderlyTiers = roster.stream().filter(e -> e.program() == Program.ELDERLY)
				.map(e -> Math.min(e.age(), 100) / 10 * 10).collect(Collectors.toSet());
			assertThat(elderlyTiers).contains(80, 90, 100);
		}
	}

	@Test
	void theStandardsKeepTekunAboveOnePointThreeTimesDibao() {
		for (YearMonth month : SampleDataSet.months()) {
			Map<String, BigDecimal> s = standards.get(month);
			for (String county : COUNTIES) {
				BigDecimal dibao = s.get(county + "/DIBAO_URBAN/标准").max(s.get(county + "/DIBAO_RURAL/标准"));
				assertThat(s.get(county + "/TEKUN/全自理")).isGreaterThanOrEqualTo(dibao.multiply(new BigDecimal("1.3")));
				assertThat(s.get(county + "/DE_FACTO_CHILD/标准")).isEqualTo(s.get(county + "/ORPHAN/散居"));
				assertThat(s).containsKeys(county + "/PARAM/渐退月数", county + "/PARAM/补发上限月数",
						county + "/TEMP_ASSIST/单次上限", county + "/ELDERLY/100+", county + "/DISABILITY_CARE/一级");
			}
		}
		assertThat(standards.get(YearMonth.of(2026, 11)).get("410102/DIBAO_URBAN/标准"))
			.isGreaterThan(standards.get(YearMonth.of(2026, 10)).get("410102/DIBAO_URBAN/标准"));
	}

	@Test
	void theOtherSourcesAreValid() throws IOException {
		int badCheckDigits = 0;
		for (YearMonth month : SampleDataSet.months()) {
			Path dir = monthDir(month);
			for (Line l : SampleFilesReader.read(dir.resolve("deaths.csv"), "身份证号", "姓名", "死亡日期")) {
				ParsedId id = IdNumber.parse(l.get("身份证号"), IMPORT_DAY);
				if (id instanceof ParsedId.Invalid invalid) {
					assertThat(invalid.rightShape()).isTrue();
					badCheckDigits++;
				}
				assertThat(LocalDate.parse(l.get("死亡日期"))).isBefore(IMPORT_DAY.plusDays(1)).isAfter(LocalDate.of(2026, 8, 31));
			}
			if (Files.exists(dir.resolve("disability.xlsx"))) {
				for (Line l : SampleFilesReader.read(dir.resolve("disability.xlsx"), "身份证号", "姓名", "残疾证号", "残疾类别",
						"残疾等级")) {
					assertThat(IdNumber.parse(l.get("身份证号"), IMPORT_DAY)).isInstanceOf(ParsedId.Valid.class);
					assertThat(l.get("残疾证号")).hasSize(20).startsWith(l.get("身份证号"));
					assertThat(l.get("证件状态")).isIn("有效", "注销");
				}
			}
			if (Files.exists(dir.resolve("temp-assist.csv"))) {
				for (Line l : SampleFilesReader.read(dir.resolve("temp-assist.csv"), "区划代码", "户编号", "身份证号", "审批编号",
						"审批月份", "救助金额")) {
					String county = l.get("区划代码").substring(0, 6);
					BigDecimal cap = standards.get(month).get(county + "/TEMP_ASSIST/单次上限");
					assertThat(new BigDecimal(l.get("救助金额"))).isPositive().isLessThanOrEqualTo(cap);
					assertThat(Months.require(l.get("审批月份"))).isBeforeOrEqualTo(month);
					assertThat(Bank.parse(l.get("开户银行"))).isPresent();
				}
			}
		}
		assertThat(badCheckDigits).isEqualTo(1);
	}

	@Test
	void theBadFileHoldsItsTraps() throws IOException {
		List<Line> lines = SampleFilesReader.read(tmp.resolve("a/bad/beneficiaries-410102-bad.xlsx"),
				ROSTER_COLUMNS.toArray(String[]::new));
		assertThat(lines).hasSize(10);
		assertThat(lines.stream().filter(l -> l.get("账户名").contains("|"))).hasSize(1);
		assertThat(lines.stream().filter(l -> l.get("姓名").contains("\n"))).hasSize(1);
		assertThat(lines.stream().filter(l -> l.numeric("身份证号"))).hasSize(1);
		assertThat(lines.stream().filter(l -> l.numeric("银行账号"))).hasSize(1);
		assertThat(lines.stream()
			.filter(l -> !l.numeric("身份证号"))
			.filter(l -> IdNumber.parse(l.get("身份证号"), IMPORT_DAY) instanceof ParsedId.Invalid)).hasSize(1);
	}

	// ---- planted problems --------------------------------------------------------------------------

	@Test
	void everyKindOfPlantedProblemIsThere() {
		Set<String> codes = first.planted().stream().filter(p -> p.kind() == Kind.PROBLEM).map(PlantedProblem::code)
			.collect(Collectors.toSet());
		assertThat(codes).containsExactlyInAnyOrder("DECEASED", "OVERPAID", "PAYEE_DECEASED", "NAME_MISMATCH",
				"DEATH_PROBABLE", "EXCLUSIVE_PROGRAMS", "SHARED_ACCOUNT", "ASSETS_DISQUALIFY", "INCOME_ABOVE_STANDARD",
				"POVERTY_NOT_COVERED", "SEVERE_DISABILITY_NOT_COVERED", "MARRIAGE_CHANGE", "AGE_INELIGIBLE",
				"DISABILITY_GRADE_INELIGIBLE", "DISABILITY_NOT_FOUND", "AGED_OUT");
		Set<String> changes = first.planted().stream().filter(p -> p.kind() == Kind.CHANGE).map(PlantedProblem::code)
			.collect(Collectors.toSet());
		assertThat(changes).contains("户主 replaced", "END_MONTH", "REMOVED_FROM_ROSTER", "late approval", "NEW");
	}

	@Test
	void eachPlantedProblemHasItsEvidenceInTheFiles() throws IOException {
		for (PlantedProblem p : first.planted()) {
			if (p.kind() != Kind.PROBLEM) {
				continue;
			}
			List<Entry> roster = rosters.get(p.month());
			List<Entry> own = roster.stream().filter(e -> e.id().equals(p.idNumber())).toList();
			String what = p.code() + " " + p.maskedId();
			switch (p.code()) {
				case "DECEASED", "OVERPAID", "PAYEE_DECEASED" -> {
					assertThat(own).as(what).isNotEmpty();
					List<Line> deaths = deaths(p.month()).stream()
						.filter(l -> l.get("身份证号").equals(p.idNumber()) && PersonName.matches(l.get("姓名"), p.name()))
						.toList();
					assertThat(deaths).as(what).hasSize(1);
					YearMonth died = YearMonth.from(LocalDate.parse(deaths.get(0).get("死亡日期")));
					if (p.code().equals("OVERPAID")) {
						assertThat(died).isBefore(p.month().minusMonths(1));
						assertThat(rosters.get(died).stream().anyMatch(e -> e.id().equals(p.idNumber()))).isTrue();
					}
					if (p.code().equals("PAYEE_DECEASED")) {
						Entry head = own.stream().filter(e -> e.program().isDibao()).findFirst().orElseThrow();
						assertThat(head.relation()).isEqualTo("户主");
						assertThat(roster.stream().filter(e -> e.household().equals(head.household()))).hasSizeGreaterThan(1);
					}
				}
				case "NAME_MISMATCH" -> assertThat(deaths(p.month()).stream()
					.filter(l -> l.get("身份证号").equals(p.idNumber()) && !PersonName.matches(l.get("姓名"), p.name())))
					.as(what).hasSize(1);
				case "DEATH_PROBABLE" -> {
					Set<String> rosterIds = roster.stream().map(Entry::id).collect(Collectors.toSet());
					assertThat(deaths(p.month()).stream()
						.filter(l -> PersonName.matches(l.get("姓名"), p.name()))
						.filter(l -> !rosterIds.contains(IdNumber.normalise(l.get("身份证号"))))
						.filter(l -> Background.oneEditAway(l.get("身份证号").substring(0, 17), p.idNumber().substring(0, 17))))
						.as(what).hasSize(1);
				}
				case "EXCLUSIVE_PROGRAMS" -> assertThat(conflicts(roster)).as(what).contains(p.idNumber());
				case "SHARED_ACCOUNT" -> {
					String account = own.get(0).account();
					assertThat(payees(roster).get(account)).as(what).hasSizeGreaterThan(1);
				}
				case "ASSETS_DISQUALIFY" -> assertThat(economic(p.month()).stream()
					.filter(l -> l.get("身份证号").equals(p.idNumber()))
					.filter(l -> !l.get("机动车数量").equals("0") || l.get("财政供养人员").equals("是")
							|| l.get("工商登记").equals("是") || Integer.parseInt(l.get("房产套数")) > 1))
					.as(what).hasSize(1);
				case "INCOME_ABOVE_STANDARD" -> {
					Entry head = own.get(0);
					long n = roster.stream().filter(e -> e.household().equals(head.household()) && e.program() == head.program())
						.count();
					Line check = economic(p.month()).stream().filter(l -> l.get("户编号").equals(head.household())).findFirst()
						.orElseThrow();
					BigDecimal pci = new BigDecimal(check.get("家庭月收入")).divide(BigDecimal.valueOf(n), 2,
							java.math.RoundingMode.HALF_UP);
					assertThat(pci).as(what).isGreaterThanOrEqualTo(
							standards.get(p.month()).get(head.county() + "/" + head.program() + "/标准"));
					assertThat(new BigDecimal(head.income()).divide(BigDecimal.valueOf(n), 2, java.math.RoundingMode.HALF_UP))
						.isLessThan(standards.get(YearMonth.of(2026, 10)).get(head.county() + "/" + head.program() + "/标准"));
				}
				case "POVERTY_NOT_COVERED" -> {
					assertThat(poverty().stream().filter(l -> l.get("身份证号").equals(p.idNumber()))
						.map(l -> l.get("类别"))).as(what).containsExactly(p.expected().contains("边缘") ? "贫困边缘人口" : "脱贫监测人口");
					assertThat(own.stream().filter(e -> e.program().isDibao() || e.program() == Program.TEKUN)).isEmpty();
				}
				case "SEVERE_DISABILITY_NOT_COVERED" -> {
					assertThat(certificates(p.month()).stream().filter(l -> l.get("身份证号").equals(p.idNumber())))
						.as(what).allMatch(l -> l.get("证件状态").equals("有效") && List.of("一级", "二级").contains(l.get("残疾等级")))
						.hasSize(1);
					assertThat(own.stream().filter(e -> e.program() == Program.DISABILITY_CARE)).isEmpty();
				}
				case "MARRIAGE_CHANGE" -> {
					assertThat(marriages(p.month()).stream().filter(l -> l.get("身份证号").equals(p.idNumber()))).as(what)
						.hasSize(1);
					assertThat(own.stream().filter(e -> e.program().isDibao())).isNotEmpty();
				}
				case "AGE_INELIGIBLE" -> assertThat(own).as(what)
					.anyMatch(e -> e.program() == Program.ELDERLY && e.active() && e.age() < 80);
				case "DISABILITY_GRADE_INELIGIBLE" -> {
					assertThat(own).anyMatch(e -> e.program() == Program.DISABILITY_CARE);
					assertThat(certificates(p.month()).stream().filter(l -> l.get("身份证号").equals(p.idNumber())))
						.as(what).singleElement().matches(l -> l.get("残疾等级").equals("三级") && l.get("残疾类别").equals("肢体"));
				}
				case "DISABILITY_NOT_FOUND" -> {
					assertThat(own).anyMatch(e -> e.program() == Program.DISABILITY_LIVING);
					assertThat(certificates(p.month()).stream().filter(l -> l.get("身份证号").equals(p.idNumber()))).isEmpty();
				}
				case "AGED_OUT" -> assertThat(own).as(what).anyMatch(e -> (e.program() == Program.ORPHAN
						|| e.program() == Program.DE_FACTO_CHILD) && e.age() == 18
						&& IdNumber.of(e.id()).ageIn(p.month().minusMonths(1)) == 17);
				default -> throw new AssertionError("no evidence check for " + p.code());
			}
		}
	}

	// ---- nothing else ------------------------------------------------------------------------------

	@Test
	void deathRecordsMatchOnlyThePlantedBeneficiaries() throws IOException {
		Set<String> matched = new TreeSet<>();
		Set<String> mismatched = new TreeSet<>();
		Set<String> probable = new TreeSet<>();
		Map<String, List<String>> byName = new HashMap<>();
		Map<String, String> nameOf = new HashMap<>();
		for (List<Entry> roster : rosters.values()) {
			for (Entry e : roster) {
				nameOf.put(e.id(), e.name());
				byName.computeIfAbsent(PersonName.matchKey(e.name()), k -> new ArrayList<>()).add(e.id());
			}
		}
		for (YearMonth month : SampleDataSet.months()) {
			for (Line l : deaths(month)) {
				String id = IdNumber.normalise(l.get("身份证号"));
				if (nameOf.containsKey(id)) {
					(PersonName.matches(nameOf.get(id), l.get("姓名")) ? matched : mismatched).add(id);
				}
				else {
					for (String candidate : byName.getOrDefault(PersonName.matchKey(l.get("姓名")), List.of())) {
						if (Background.oneEditAway(candidate.substring(0, 17), id.substring(0, 17))) {
							probable.add(candidate);
						}
					}
				}
			}
		}
		assertThat(matched).isEqualTo(plantedIds("DECEASED", "OVERPAID", "PAYEE_DECEASED"));
		assertThat(mismatched).isEqualTo(plantedIds("NAME_MISMATCH"));
		assertThat(probable).isEqualTo(plantedIds("DEATH_PROBABLE"));
	}

	@Test
	void onlyThePlantedPeopleHoldProgramsThatExcludeEachOther() {
		for (List<Entry> roster : rosters.values()) {
			assertThat(conflicts(roster)).isSubsetOf(plantedIds("EXCLUSIVE_PROGRAMS"));
		}
		assertThat(conflicts(rosters.get(YearMonth.of(2026, 10)))).isEqualTo(plantedIds("EXCLUSIVE_PROGRAMS"));
	}

	@Test
	void onlyThePlantedAccountIsSharedBetweenHouseholds() {
		for (List<Entry> roster : rosters.values()) {
			Map<String, Set<String>> payees = payees(roster);
			Set<String> shared = payees.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey)
				.collect(Collectors.toSet());
			assertThat(shared).hasSize(1);
		}
	}

	@Test
	void agesAreRightExceptWherePlanted() {
		for (List<Entry> roster : rosters.values()) {
			Set<String> young = roster.stream().filter(e -> e.program() == Program.ELDERLY && e.active() && e.age() < 80)
				.map(Entry::id).collect(Collectors.toSet());
			assertThat(young).isSubsetOf(plantedIds("AGE_INELIGIBLE"));
			Set<String> adults = roster.stream()
				.filter(e -> (e.program() == Program.ORPHAN || e.program() == Program.DE_FACTO_CHILD) && e.age() >= 18)
				.map(Entry::id).collect(Collectors.toSet());
			assertThat(adults).isSubsetOf(plantedIds("AGED_OUT"));
		}
	}

	@Test
	void incomesStayBelowTheStandardExceptThePlantedExit() {
		for (List<Entry> roster : rosters.values()) {
			Map<String, List<Entry>> households = roster.stream().filter(e -> e.program().isDibao() && e.active())
				.collect(Collectors.groupingBy(Entry::household));
			for (List<Entry> h : households.values()) {
				Entry head = h.get(0);
				BigDecimal s = standards.get(YearMonth.of(2026, 10)).get(head.county() + "/" + head.program() + "/标准");
				assertThat(new BigDecimal(head.income()).divide(BigDecimal.valueOf(h.size()), 2, java.math.RoundingMode.HALF_UP))
					.as(head.household()).isLessThan(s);
			}
		}
	}

	@Test
	void certificatesAndDisabilityProgramsAgreeExceptWherePlanted() throws IOException {
		for (YearMonth month : SampleDataSet.months()) {
			Map<String, Line> certs = new HashMap<>();
			for (Line l : certificates(month)) {
				certs.put(l.get("身份证号"), l);
			}
			List<Entry> roster = rosters.get(month).stream().filter(Entry::active).toList();
			Set<String> care = roster.stream().filter(e -> e.program() == Program.DISABILITY_CARE).map(Entry::id)
				.collect(Collectors.toSet());
			Set<String> onRoster = roster.stream().map(Entry::id).collect(Collectors.toSet());
			Set<String> noCert = roster.stream()
				.filter(e -> e.program() == Program.DISABILITY_CARE || e.program() == Program.DISABILITY_LIVING)
				.filter(e -> !certs.containsKey(e.id()) || !certs.get(e.id()).get("证件状态").equals("有效"))
				.map(Entry::id).collect(Collectors.toSet());
			assertThat(noCert).isEqualTo(plantedIds("DISABILITY_NOT_FOUND"));
			Set<String> ineligible = new TreeSet<>();
			Set<String> uncovered = new TreeSet<>();
			for (Line l : certs.values()) {
				String id = l.get("身份证号");
				boolean valid = l.get("证件状态").equals("有效");
				String county = roster.stream().filter(e -> e.id().equals(id)).map(Entry::county).findFirst()
					.orElse(id.substring(0, 6));
				boolean mental = List.of("智力", "精神").contains(l.get("残疾类别"));
				boolean qualifies = valid && (List.of("一级", "二级").contains(l.get("残疾等级"))
						|| mental && county.equals("410102"));
				if (care.contains(id) && !qualifies) {
					ineligible.add(id);
				}
				if (qualifies && !care.contains(id) && (onRoster.contains(id) || COUNTIES.contains(county))) {
					uncovered.add(id);
				}
				if (onRoster.contains(id)) {
					String rosterName = roster.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow().name();
					assertThat(PersonName.matches(rosterName, l.get("姓名"))).as(rosterName + " / " + l.get("姓名")).isTrue();
				}
			}
			assertThat(ineligible).isEqualTo(plantedIds("DISABILITY_GRADE_INELIGIBLE"));
			assertThat(uncovered).isEqualTo(plantedIds("SEVERE_DISABILITY_NOT_COVERED"));
		}
	}

	@Test
	void povertyRecordsAreCoveredExceptThePlantedLeads() throws IOException {
		Set<String> covered = rosters.values().stream().flatMap(List::stream)
			.filter(e -> e.program().isDibao() || e.program() == Program.TEKUN).map(Entry::id)
			.collect(Collectors.toSet());
		Set<String> leads = new TreeSet<>();
		for (Line l : poverty()) {
			if (!l.get("类别").equals("已稳定脱贫") && !covered.contains(l.get("身份证号"))) {
				leads.add(l.get("身份证号"));
			}
		}
		assertThat(leads).isEqualTo(plantedIds("POVERTY_NOT_COVERED"));
	}

	// ---- helpers -----------------------------------------------------------------------------------

	private static Set<String> plantedIds(String... codes) {
		return first.planted().stream()
			.filter(p -> p.kind() == Kind.PROBLEM && List.of(codes).contains(p.code()))
			.map(PlantedProblem::idNumber)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/** People in two programs that exclude each other, or in one program twice (CHECKS.md EXCLUSIVE_PROGRAMS). */
	private static Set<String> conflicts(List<Entry> roster) {
		Map<String, List<Entry>> byPerson = roster.stream().filter(Entry::active)
			.collect(Collectors.groupingBy(Entry::id));
		Set<String> out = new TreeSet<>();
		List<Set<Program>> exclusive = List.of(Set.of(Program.DIBAO_URBAN, Program.TEKUN),
				Set.of(Program.DIBAO_RURAL, Program.TEKUN), Set.of(Program.DIBAO_URBAN, Program.ORPHAN),
				Set.of(Program.DIBAO_RURAL, Program.ORPHAN), Set.of(Program.TEKUN, Program.DISABILITY_LIVING),
				Set.of(Program.TEKUN, Program.DISABILITY_CARE), Set.of(Program.TEKUN, Program.DE_FACTO_CHILD),
				Set.of(Program.ORPHAN, Program.DE_FACTO_CHILD), Set.of(Program.ORPHAN, Program.DISABILITY_LIVING),
				Set.of(Program.DE_FACTO_CHILD, Program.DISABILITY_LIVING), Set.of(Program.DIBAO_URBAN, Program.DIBAO_RURAL));
		for (Map.Entry<String, List<Entry>> p : byPerson.entrySet()) {
			Set<Program> programs = p.getValue().stream().map(Entry::program).collect(Collectors.toSet());
			boolean twice = programs.size() < p.getValue().size();
			if (twice || exclusive.stream().anyMatch(programs::containsAll)) {
				out.add(p.getKey());
			}
		}
		return out;
	}

	/** Payee account → households paid into it. */
	private static Map<String, Set<String>> payees(List<Entry> roster) {
		Map<String, Set<String>> out = new HashMap<>();
		for (Entry e : roster) {
			if (!e.account().isEmpty()) {
				out.computeIfAbsent(e.account(), k -> new TreeSet<>()).add(e.household());
			}
		}
		return out;
	}

	private static Path monthDir(YearMonth month) {
		return tmp.resolve("a").resolve(month.toString());
	}

	private static List<Line> deaths(YearMonth month) throws IOException {
		return SampleFilesReader.read(monthDir(month).resolve("deaths.csv"), "身份证号", "姓名", "死亡日期");
	}

	private static List<Line> economic(YearMonth month) throws IOException {
		return SampleFilesReader.read(monthDir(month).resolve("economic.csv"), "户编号", "身份证号", "核对月份", "家庭月收入");
	}

	private static List<Line> marriages(YearMonth month) throws IOException {
		return SampleFilesReader.read(monthDir(month).resolve("marriages.csv"), "身份证号", "配偶身份证号", "登记类型");
	}

	private static List<Line> poverty() throws IOException {
		return SampleFilesReader.read(monthDir(YearMonth.of(2026, 10)).resolve("poverty.csv"), "身份证号", "姓名", "类别");
	}

	/** The certificates in force in a month: the latest full roster sent up to then. */
	private static List<Line> certificates(YearMonth month) throws IOException {
		YearMonth m = month;
		while (!Files.exists(monthDir(m).resolve("disability.xlsx"))) {
			m = m.minusMonths(1);
		}
		return SampleFilesReader.read(monthDir(m).resolve("disability.xlsx"), "身份证号", "姓名", "残疾证号", "残疾类别", "残疾等级");
	}

	private static List<Entry> readRosters(Path dir, YearMonth month) throws IOException {
		List<Entry> out = new ArrayList<>();
		for (String file : List.of("beneficiaries-410102.xlsx", "beneficiaries-410122.csv")) {
			String county = file.substring(14, 20);
			for (Line l : SampleFilesReader.read(dir.resolve(month.toString()).resolve(file),
					ROSTER_COLUMNS.toArray(String[]::new))) {
				ParsedId parsed = IdNumber.parse(l.get("身份证号"), IMPORT_DAY);
				String id = parsed instanceof ParsedId.Valid v ? v.id().value() : l.get("身份证号");
				String income = l.get("家庭月收入");
				out.add(new Entry(month, month + "/" + file, l.number(), county, l.get("区划代码"), l.get("户编号"), id, PersonName.normalise(l.get("姓名")),
						l.get("与户主关系"), Program.parse(l.get("项目")).orElseThrow(), l.get("类别"),
						income.isEmpty() ? "" : new BigDecimal(income).setScale(2).toPlainString(),
						Months.require(l.get("开始月份")), l.get("结束月份").isEmpty() ? null : Months.require(l.get("结束月份")),
						l.get("开户银行"), l.get("银行账号"), l.get("账户名")));
			}
		}
		return out;
	}
}
