package cn.doudi.sampledata;

import static cn.doudi.sampledata.Policy.M1;
import static cn.doudi.sampledata.Policy.M2;
import static cn.doudi.sampledata.Policy.M3;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.doudi.identity.IdNumber;
import cn.doudi.kernel.Bank;
import cn.doudi.kernel.Program;
import cn.doudi.sampledata.Model.Account;
import cn.doudi.sampledata.Model.Certificate;
import cn.doudi.sampledata.Model.Death;
import cn.doudi.sampledata.Model.Economic;
import cn.doudi.sampledata.Model.Marriage;
import cn.doudi.sampledata.Model.Person;
import cn.doudi.sampledata.Model.Poverty;
import cn.doudi.sampledata.Model.Row;
import cn.doudi.sampledata.Model.TempAssist;

/**
 * Everything the sample holds, built in a fixed order from one seeded Random: the clean base
 * population of both counties (this class), then the planted problems and roster changes
 * ({@link Plants}), then the other agencies' background records. Lists only, so the order of every
 * file follows from the seed.
 */
final class World {

	/** The counts of base households at the default size (3,000), scaled by {@code --households}. */
	private static final int[][] BASE = {
			// DIBAO_URBAN, DIBAO_RURAL, TEKUN scattered, TEKUN institution, ELDERLY, DISABILITY_CARE, ORPHAN 散居, DE_FACTO_CHILD, ORPHAN 机构
			{ 540, 40, 50, 45, 390, 150, 22, 20, 0 }, // 410102 中原区
			{ 95, 800, 160, 70, 390, 170, 35, 40, 28 } }; // 410122 中牟县

	static final String[] INSTITUTIONS = { "中原区社会福利院", "中牟县社会福利中心" };

	record Member(Person person, String relation) {
	}

	/** A dibao household of the base population (problems are never planted on these). */
	record Household(String region, String id, Program program, List<Member> members, BigDecimal income,
			Account account, YearMonth start) {

		Person head() {
			return members.get(0).person();
		}
	}

	final Mint mint;
	final Geography geography = new Geography();
	final double scale;

	final List<Row> rows = new ArrayList<>();
	final List<Certificate> certificates = new ArrayList<>();
	final List<Death> deaths = new ArrayList<>();
	final List<Poverty> poverty = new ArrayList<>();
	final List<Marriage> marriages = new ArrayList<>();
	final List<Economic> economic = new ArrayList<>();
	final List<TempAssist> tempAssist = new ArrayList<>();
	final List<PlantedProblem> planted = new ArrayList<>();

	/** Base dibao households, per county, that problems and special records leave alone. */
	final List<Household> baseDibao = new ArrayList<>();
	/** Base TEKUN scattered people (for the poverty roster). */
	final List<Row> baseTekun = new ArrayList<>();
	/** People who hold the persons-only programs; nobody in here is touched by a planted problem. */
	private final Set<String> usedForExtras = new HashSet<>();

	private int fifteenDigitIds;
	private int lowerCaseX;

	World(long seed, int households) {
		this.mint = new Mint(new java.util.Random(seed));
		this.scale = households / 3000.0;
	}

	World build() {
		for (int c = 0; c < 2; c++) {
			String county = c == 0 ? Geography.URBAN_COUNTY : Geography.RURAL_COUNTY;
			int[] n = BASE[c];
			for (int i = 0; i < scaled(n[0]); i++) {
				baseDibao.add(dibao(county, Program.DIBAO_URBAN));
			}
			for (int i = 0; i < scaled(n[1]); i++) {
				baseDibao.add(dibao(county, Program.DIBAO_RURAL));
			}
			for (int i = 0; i < scaled(n[2]); i++) {
				tekunScattered(county);
			}
			institution(county, scaled(n[3]), scaled(n[8]));
			for (int i = 0; i < scaled(n[4]); i++) {
				elderlyAlone(county);
			}
			for (int i = 0; i < scaled(n[5]); i++) {
				careAlone(county);
			}
			for (int i = 0; i < scaled(n[6]); i++) {
				child(county, Program.ORPHAN);
			}
			for (int i = 0; i < scaled(n[7]); i++) {
				child(county, Program.DE_FACTO_CHILD);
			}
		}
		Plants plants = new Plants(this);
		plants.plant();
		new Background(this).add();
		plants.rareNames();
		return this;
	}

	private int scaled(int n) {
		return Math.max(n == 0 ? 0 : 1, (int) Math.round(n * scale));
	}

	// ---- base population -------------------------------------------------------------------------

	private Household dibao(String county, Program program) {
		boolean rural = program == Program.DIBAO_RURAL;
		Geography.Village village = mint.pick(geography.villages(county, !rural));
		List<Member> members = composeFamily(county, rural);
		YearMonth start = YearMonth.of(mint.between(2012, 2026), mint.between(1, 12));
		if (start.isAfter(M1.minusMonths(1))) {
			start = YearMonth.of(2026, mint.between(1, 9));
		}
		int n = members.size();
		int standard = Policy.dibaoStandard(county, rural, M1);
		BigDecimal income = mint.chance(0.18) ? new BigDecimal("0.00")
				: BigDecimal.valueOf((long) mint.between(50 * n, (int) (standard * 0.8) * n) * 100 + mint.between(0, 99), 2);
		Household h = addDibaoHousehold(village.code(), program, members, income, start, M1);
		extrasFor(h, county);
		return h;
	}

	/** Writes a dibao household's rows: one per member, bank columns on the 户主's row. */
	Household addDibaoHousehold(String region, Program program, List<Member> members, BigDecimal income,
			YearMonth start, YearMonth listedFrom) {
		boolean rural = !new cn.doudi.identity.RegionCode(region).isUrbanCommunity();
		return addDibaoHousehold(region, program, members, income, start, listedFrom,
				mint.account(rural, members.get(0).person().name()));
	}

	Household addDibaoHousehold(String region, Program program, List<Member> members, BigDecimal income,
			YearMonth start, YearMonth listedFrom, Account account) {
		String id = mint.household(region);
		for (Member m : members) {
			boolean head = m.relation().equals("户主");
			rows.add(new Row(region, id, m.person(), m.relation(), program, null, income,
					latest(start, YearMonth.from(m.person().birth()).plusMonths(1)), null, head ? account : null,
					listedFrom, null));
		}
		return new Household(region, id, program, List.copyOf(members), income, account, start);
	}

	/** Person programs of dibao members: certificates (生活补贴, 护理补贴), ELDERLY, de-facto children. */
	private void extrasFor(Household h, String county) {
		for (Member m : h.members()) {
			Person p = m.person();
			int age = p.ageIn(M1);
			if (age >= 80 && mint.chance(0.95)) {
				rows.add(personRow(h, p, m.relation(), Program.ELDERLY, null, latest(h.start(), turned(p, 80))));
			}
			if (age >= 3 && mint.chance(0.11)) {
				Certificate cert = certificate(p, county, false);
				rows.add(personRow(h, p, m.relation(), Program.DISABILITY_LIVING, null,
						latest(h.start(), YearMonth.of(2016, 1))));
				if (cert.qualifiesForCare(Policy.paysGrades3And4(county))) {
					rows.add(personRow(h, p, m.relation(), Program.DISABILITY_CARE, null,
							latest(h.start(), YearMonth.of(2016, mint.between(1, 12)))));
				}
			}
			else if (m.relation().equals("孙子女") && age < 18 && mint.chance(0.4)) {
				rows.add(personRow(h, p, m.relation(), Program.DE_FACTO_CHILD, null,
						latest(h.start(), YearMonth.of(2020, mint.between(1, 12)))));
			}
		}
	}

	Row personRow(Household h, Person p, String relation, Program program, String category, YearMonth start) {
		return new Row(h.region(), h.id(), p, relation, program, category, h.income(),
				latest(start, YearMonth.from(p.birth()).plusMonths(1)), null, h.account(), M1, null);
	}

	/** A certificate for a covered person: grades 1–4; 智力/精神 grade 3–4 only where the county pays them. */
	Certificate certificate(Person p, String county, boolean careOnly) {
		int type = mint.pick(new Integer[] { 1, 2, 3, 4, 4, 4, 4, 5, 6, 7 });
		int grade;
		if (careOnly) {
			grade = mint.chance(0.45) ? 1 : 2;
			if ((type == 5 || type == 6) && Policy.paysGrades3And4(county) && mint.chance(0.3)) {
				grade = mint.chance(0.7) ? 3 : 4;
			}
		}
		else {
			grade = mint.pick(new Integer[] { 1, 2, 2, 3, 3, 3, 4, 4, 4 });
			if ((type == 5 || type == 6) && grade >= 3 && !Policy.paysGrades3And4(county)) {
				type = 4; // keep 智力/精神 grade 3–4 out of a county that has no such standard
			}
		}
		Certificate cert = new Certificate(p.id(), p.name(), type, grade, true, M1, null);
		certificates.add(cert);
		return cert;
	}

	private List<Member> composeFamily(String county, boolean rural) {
		int type = mint.random().nextInt(100);
		int[] cut = rural ? new int[] { 18, 34, 49, 59, 75, 90 } : new int[] { 15, 25, 47, 67, 82, 90 };
		List<Member> out = new ArrayList<>();
		if (type < cut[0]) { // single elderly
			out.add(new Member(adult(county, 68, 93, mint.chance(0.4), null), "户主"));
		}
		else if (type < cut[1]) { // elderly couple
			Person head = adult(county, 66, 92, true, null);
			out.add(new Member(head, "户主"));
			out.add(new Member(spouseOf(county, head), "配偶"));
		}
		else if (type < cut[2]) { // single adult (illness, disability)
			out.add(new Member(adult(county, 28, 64, mint.chance(0.6), null), "户主"));
		}
		else if (type < cut[3]) { // single parent with children
			Person head = adult(county, 27, 52, mint.chance(0.3), null);
			out.add(new Member(head, "户主"));
			String surname = head.male() ? surname(head) : mint.names().surname();
			children(county, head, surname, mint.between(1, 3), 2, 17, "子女", out);
		}
		else if (type < cut[4]) { // couple with children, sometimes a parent
			Person head = adult(county, 28, 55, true, null);
			out.add(new Member(head, "户主"));
			out.add(new Member(spouseOf(county, head), "配偶"));
			children(county, head, surname(head), mint.between(1, 3), 1, 17, "子女", out);
			if (mint.chance(0.25)) {
				out.add(new Member(adult(county, head.ageIn(M1) + 24, Math.min(head.ageIn(M1) + 34, 94),
						mint.chance(0.4), surname(head)), "父母"));
			}
		}
		else if (type < cut[5]) { // grandparents raising grandchildren
			Person head = adult(county, 58, 80, mint.chance(0.6), null);
			out.add(new Member(head, "户主"));
			if (mint.chance(0.5)) {
				out.add(new Member(spouseOf(county, head), "配偶"));
			}
			children(county, head, head.male() ? surname(head) : mint.names().surname(), mint.between(1, 2), 3, 16,
					"孙子女", out);
		}
		else { // adult looking after elderly parents
			Person head = adult(county, 40, 62, mint.chance(0.5), null);
			out.add(new Member(head, "户主"));
			int parents = mint.between(1, 2);
			for (int i = 0; i < parents; i++) {
				out.add(new Member(adult(county, head.ageIn(M1) + 22, Math.min(head.ageIn(M1) + 36, 96), i == 0,
						surname(head)), "父母"));
			}
		}
		return out;
	}

	private void children(String county, Person parent, String surname, int count, int minAge, int maxAge,
			String relation, List<Member> out) {
		int top = Math.min(maxAge, Math.max(minAge, parent.ageIn(M1) - 20));
		for (int i = 0; i < count; i++) {
			int age = mint.between(minAge, top);
			boolean male = mint.chance(0.5);
			LocalDate birth = birthForAge(age);
			out.add(new Member(mint.person(county, birth, male, surname + mint.names().given(birth.getYear(), male)),
					relation));
		}
	}

	Person adult(String county, int minAge, int maxAge, boolean male, String surname) {
		int age = mint.between(minAge, maxAge);
		LocalDate birth = birthForAge(age);
		String name = (surname != null ? surname : mint.names().surname()) + mint.names().given(birth.getYear(), male);
		if (surname == null && mint.chance(0.004)) {
			name = mint.pick(male ? Names.TRADITIONAL_MALE : Names.TRADITIONAL_FEMALE);
		}
		else if (surname == null && mint.chance(0.003)) {
			name = mint.pick(male ? Names.DOTTED_MALE : Names.DOTTED_FEMALE);
		}
		return mint.person(county, birth, male, name);
	}

	private Person spouseOf(String county, Person head) {
		int age = Math.max(20, head.ageIn(M1) + mint.between(-5, 3));
		return adult(county, age, age, !head.male(), null);
	}

	/** A birth date giving exactly {@code age} in every sample month (no birthdays in October–December). */
	LocalDate birthForAge(int age) {
		int year = 2026 - age;
		return LocalDate.of(year, mint.between(1, 9), mint.between(2, 28));
	}

	static String surname(Person p) {
		String n = p.name();
		return n.startsWith("司马") || n.startsWith("欧阳") ? n.substring(0, 2) : n.substring(0, 1);
	}

	static YearMonth latest(YearMonth a, YearMonth b) {
		return a.isAfter(b) ? a : b;
	}

	/** The month in which a person reaches {@code age} by RULES.md's age(M). */
	static YearMonth turned(Person p, int age) {
		LocalDate birthday = p.birth().plusYears(age);
		YearMonth m = YearMonth.from(birthday);
		return birthday.getDayOfMonth() == 1 ? m : m.plusMonths(1);
	}

	private YearMonth startBetween(YearMonth earliest, YearMonth latest) {
		if (!earliest.isBefore(latest)) {
			return earliest;
		}
		int span = (int) java.time.temporal.ChronoUnit.MONTHS.between(earliest, latest);
		return earliest.plusMonths(mint.random().nextInt(span + 1));
	}

	private void tekunScattered(String county) {
		boolean rural = county.equals(Geography.RURAL_COUNTY) ? mint.chance(0.85) : mint.chance(0.15);
		Geography.Village village = mint.pick(geography.villages(county, !rural));
		Person p = mint.chance(0.15) ? adult(county, 25, 59, mint.chance(0.6), null)
				: adult(county, 60, 95, mint.chance(0.55), null);
		String category = weightedCategory(new int[] { 75, 18, 7 });
		String household = mint.household(village.code());
		YearMonth start = startBetween(latest(YearMonth.of(2014, 1), turned(p, 18)), M1.minusMonths(1));
		Row row = new Row(village.code(), household, p, "本人", Program.TEKUN, category, null, start, null,
				mint.account(rural, p.name()), M1, null);
		rows.add(row);
		baseTekun.add(row);
		if (p.ageIn(M1) >= 80) {
			rows.add(new Row(village.code(), household, p, "本人", Program.ELDERLY, null, null,
					latest(start, turned(p, 80)), null, row.account(), M1, null));
		}
	}

	private String weightedCategory(int[] weights) {
		int r = mint.random().nextInt(weights[0] + weights[1] + weights[2]);
		return r < weights[0] ? "全自理" : r < weights[0] + weights[1] ? "半护理" : "全护理";
	}

	/** The county's 集体户: TEKUN 集中供养 residents (and, in 中牟, the 儿童部's 机构 orphans) share its account. */
	private void institution(String county, int tekun, int orphans) {
		boolean zy = county.equals(Geography.URBAN_COUNTY);
		String region = zy ? "410102001002" : "410122001002";
		String household = region + "JT01";
		String name = zy ? INSTITUTIONS[0] : INSTITUTIONS[1];
		Account account = mint.account(zy ? Bank.ICBC : Bank.RCU, name);
		for (int i = 0; i < tekun; i++) {
			Person p = adult(county, 60, 98, mint.chance(0.5), null);
			YearMonth start = startBetween(YearMonth.of(2012, 1), M1.minusMonths(1));
			rows.add(new Row(region, household, p, "本人", Program.TEKUN, weightedCategory(new int[] { 40, 35, 25 }),
					null, start, null, account, M1, null));
		}
		for (int i = 0; i < orphans; i++) {
			boolean male = mint.chance(0.55);
			LocalDate birth = mint.birthBetween(LocalDate.of(2009, 1, 1), LocalDate.of(2024, 6, 30));
			Person p = mint.person(county, birth, male);
			YearMonth start = startBetween(latest(YearMonth.of(2013, 1), YearMonth.from(birth).plusMonths(1)),
					M1.minusMonths(1));
			rows.add(new Row(region, household, p, "本人", Program.ORPHAN, "机构", null, start, null, account, M1, null));
		}
		planted.add(new PlantedProblem(PlantedProblem.Kind.NOT_A_PROBLEM, "集体户", county, "", name, M1,
				"beneficiaries", "TEKUN 集中供养" + (orphans > 0 ? " and ORPHAN 机构" : "") + " residents of " + name
						+ " (household " + household + ") share the institution's one account: legitimate, no SHARED_ACCOUNT"));
	}

	void elderlyAlone(String county) {
		double r = mint.random().nextDouble();
		int age = r < 0.8 ? mint.between(80, 89) : r < 0.98 ? mint.between(90, 99) : mint.between(100, 103);
		boolean rural = county.equals(Geography.RURAL_COUNTY) ? mint.chance(0.8) : mint.chance(0.1);
		Geography.Village village = mint.pick(geography.villages(county, !rural));
		Person p = adult(county, age, age, mint.chance(0.4), null);
		if (county.equals(Geography.RURAL_COUNTY) && fifteenDigitIds < 3 && age >= 85
				&& p.id().substring(0, 6).equals(county)) {
			// a first-generation 15-digit ID still on the roster: imported and converted, not a problem
			p = new Person(p.id(), p.name(), p.birth(), p.male(), p.id().substring(0, 6) + p.id().substring(8, 17));
			fifteenDigitIds++;
			planted.add(new PlantedProblem(PlantedProblem.Kind.NOT_A_PROBLEM, "15位身份证号", county, p.id(), p.name(), M1,
					"beneficiaries-410122.csv", "written as the 15-digit " + IdNumber.mask(p.written())
							+ "; converted to 18 digits on import (conversion recorded), paid as usual"));
		}
		else if (county.equals(Geography.RURAL_COUNTY) && lowerCaseX < 2 && p.id().endsWith("X")) {
			p = new Person(p.id(), p.name(), p.birth(), p.male(), p.id().toLowerCase(java.util.Locale.ROOT));
			lowerCaseX++;
		}
		String household = mint.household(village.code());
		YearMonth start = startBetween(latest(YearMonth.of(2012, 1), turned(p, 80)), M1.minusMonths(1));
		rows.add(new Row(village.code(), household, p, "本人", Program.ELDERLY, null, null, start, null,
				mint.account(rural, p.name()), M1, null));
	}

	private void careAlone(String county) {
		boolean rural = county.equals(Geography.RURAL_COUNTY) ? mint.chance(0.8) : mint.chance(0.1);
		Geography.Village village = mint.pick(geography.villages(county, !rural));
		Person p = adult(county, 5, 75, mint.chance(0.55), null);
		certificate(p, county, true);
		String holder = p.ageIn(M1) < 18 ? surname(p) + mint.names().given(1980, mint.chance(0.5)) : p.name();
		String household = mint.household(village.code());
		YearMonth start = startBetween(latest(YearMonth.of(2016, 1), YearMonth.from(p.birth()).plusMonths(1)),
				M1.minusMonths(1));
		rows.add(new Row(village.code(), household, p, "本人", Program.DISABILITY_CARE, null, null, start, null,
				mint.account(rural, holder), M1, null));
	}

	private void child(String county, Program program) {
		boolean rural = county.equals(Geography.RURAL_COUNTY) ? mint.chance(0.85) : mint.chance(0.2);
		Geography.Village village = mint.pick(geography.villages(county, !rural));
		boolean male = mint.chance(0.5);
		LocalDate birth = mint.birthBetween(LocalDate.of(2009, 1, 1), LocalDate.of(2023, 12, 31));
		Person p = mint.person(county, birth, male);
		String guardian = surname(p) + mint.names().given(mint.between(1950, 1975), mint.chance(0.5));
		YearMonth earliest = program == Program.ORPHAN ? YearMonth.of(2013, 1) : YearMonth.of(2020, 1);
		YearMonth start = startBetween(latest(earliest, YearMonth.from(birth).plusMonths(1)), M1.minusMonths(1));
		rows.add(new Row(village.code(), mint.household(village.code()), p, "本人", program,
				program == Program.ORPHAN ? "散居" : null, null, start, null, mint.account(rural, guardian), M1, null));
	}

	/** True once per person: base people used by one background record are not reused by another. */
	boolean claim(String id) {
		return usedForExtras.add(id);
	}

	/** Adds a planted problem to the README's table. */
	void document(PlantedProblem.Kind kind, String code, String county, Person p, YearMonth month, String where,
			String expected) {
		planted.add(new PlantedProblem(kind, code, county, p == null ? "" : p.id(), p == null ? "" : p.name(), month,
				where, expected));
	}

	static YearMonth[] months() {
		return new YearMonth[] { M1, M2, M3 };
	}
}
