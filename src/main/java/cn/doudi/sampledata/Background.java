package cn.doudi.sampledata;

import static cn.doudi.sampledata.Geography.RURAL_COUNTY;
import static cn.doudi.sampledata.Geography.URBAN_COUNTY;
import static cn.doudi.sampledata.Policy.M1;
import static cn.doudi.sampledata.Policy.M2;
import static cn.doudi.sampledata.Policy.M3;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.doudi.identity.PersonName;
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
import cn.doudi.sampledata.World.Household;
import cn.doudi.sampledata.World.Member;

/**
 * The other agencies' ordinary records, which must raise nothing: deaths of people we do not cover
 * (never one edit away from a beneficiary of the same name), certificates that do not qualify,
 * poverty records of covered or stably-out-of-poverty people, marriages of others, routine economic
 * checks that confirm the roster's income, and temporary-assistance cases.
 */
final class Background {

	private static final String[] REASONS = { "因病致困（住院医疗费用负担过重）", "突发重大疾病", "房屋失火", "交通事故致伤", "意外伤害",
			"子女就学困难", "家庭成员突发死亡", "自然灾害（暴雨）", "务工受伤" };

	private final World w;
	private final Mint mint;
	private final Map<String, List<String>> bodiesByName = new HashMap<>();

	Background(World world) {
		this.w = world;
		this.mint = world.mint;
		for (Row r : world.rows) {
			bodiesByName.computeIfAbsent(PersonName.matchKey(r.person().name()), k -> new ArrayList<>())
				.add(r.person().id().substring(0, 17));
		}
	}

	void add() {
		deaths();
		certificates();
		poverty();
		marriages();
		economic();
		tempAssist();
	}

	private int scaled(int n) {
		return Math.max(1, (int) Math.round(n * w.scale));
	}

	private void deaths() {
		LocalDate[][] windows = { { LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 28) },
				{ LocalDate.of(2026, 10, 10), LocalDate.of(2026, 11, 15) },
				{ LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 20) } };
		YearMonth[] months = World.months();
		for (int m = 0; m < 3; m++) {
			for (String county : List.of(URBAN_COUNTY, RURAL_COUNTY)) {
				for (int i = 0; i < scaled(30); i++) {
					Person p = farFromBeneficiaries(county, mint.chance(0.8) ? mint.between(60, 98) : mint.between(20, 59));
					LocalDate date = mint.birthBetween(windows[m][0], windows[m][1]);
					double r = mint.random().nextDouble();
					w.deaths.add(new Death(months[m], p.id(), p.name(), date, r < 0.6 ? "公安" : r < 0.9 ? "火化" : "医院"));
				}
			}
		}
	}

	/** A person whose name matches no beneficiary with an ID at most one edit away (so no DEATH_PROBABLE). */
	private Person farFromBeneficiaries(String county, int age) {
		for (int attempt = 0; attempt < 100; attempt++) {
			Person p = w.adult(county, age, age, mint.chance(0.55), null);
			List<String> same = bodiesByName.getOrDefault(PersonName.matchKey(p.name()), List.of());
			if (same.stream().noneMatch(b -> oneEditAway(b, p.id().substring(0, 17)))) {
				return p;
			}
		}
		throw new IllegalStateException("no person far from the beneficiaries");
	}

	/** At most one substituted digit or one swap of adjacent digits (CHECKS.md DEATH_PROBABLE). */
	static boolean oneEditAway(String a, String b) {
		int first = -1;
		int diffs = 0;
		for (int i = 0; i < a.length(); i++) {
			if (a.charAt(i) != b.charAt(i)) {
				if (first < 0) {
					first = i;
				}
				diffs++;
			}
		}
		if (diffs <= 1) {
			return true;
		}
		return diffs == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
				&& a.charAt(first + 1) == b.charAt(first);
	}

	private void certificates() {
		for (String county : List.of(URBAN_COUNTY, RURAL_COUNTY)) {
			for (int i = 0; i < scaled(150); i++) {
				int age = mint.between(8, 90);
				Person p = w.adult(county, age, age, mint.chance(0.5), null);
				int type = mint.pick(new Integer[] { 1, 2, 3, 4, 4, 4, 7 });
				w.certificates.add(new Certificate(p.id(), p.name(), type, mint.chance(0.5) ? 3 : 4, !mint.chance(0.05),
						M1, null));
			}
			for (int i = 0; i < scaled(4); i++) {
				Person p = w.adult(county, 20, 80, mint.chance(0.5), null);
				w.certificates.add(new Certificate(p.id(), p.name(), 4, mint.chance(0.5) ? 1 : 2, false, M1, null));
			}
		}
	}

	private void poverty() {
		for (Household h : w.baseDibao) {
			if (h.program() != Program.DIBAO_RURAL || !mint.chance(0.35)) {
				continue;
			}
			String category = mint.chance(0.45) ? "脱贫监测人口" : "已稳定脱贫";
			String household = h.region() + String.format("%03d", mint.between(100, 899));
			for (Member m : h.members()) {
				w.poverty.add(new Poverty(m.person().id(), m.person().name(), h.region(), household, category));
			}
		}
		for (Row t : w.baseTekun) {
			if (!new cn.doudi.identity.RegionCode(t.region()).isUrbanCommunity() && mint.chance(0.3)) {
				w.poverty.add(new Poverty(t.person().id(), t.person().name(), t.region(),
						t.region() + String.format("%03d", mint.between(100, 899)), "脱贫监测人口"));
			}
		}
		for (String county : List.of(URBAN_COUNTY, RURAL_COUNTY)) {
			for (int i = 0; i < scaled(40); i++) {
				String region = mint.pick(w.geography.villages(county, false)).code();
				Person p = w.adult(county, 20, 80, mint.chance(0.5), null);
				w.poverty.add(new Poverty(p.id(), p.name(), region, region + String.format("%03d", mint.between(100, 899)),
						"已稳定脱贫"));
			}
		}
	}

	private void marriages() {
		for (YearMonth month : List.of(M2, M3)) {
			for (int i = 0; i < scaled(25); i++) {
				String county = mint.chance(0.5) ? URBAN_COUNTY : RURAL_COUNTY;
				boolean divorce = mint.chance(0.2);
				int age = divorce ? mint.between(30, 55) : mint.between(22, 35);
				Person a = w.adult(county, age, age, true, null);
				Person b = w.adult(county, age - 2, age, false, null);
				LocalDate date = mint.birthBetween(month.minusMonths(1).atDay(1), LocalDate.of(2026, 11, 20));
				w.marriages.add(new Marriage(month, a.id(), a.name(), b.id(), b.name(), divorce ? "离婚" : "结婚", date));
			}
		}
	}

	private void economic() {
		for (YearMonth month : World.months()) {
			for (Household h : w.baseDibao) {
				if (mint.chance(0.03) && w.claim("economic:" + h.id())) {
					w.economic.add(new Economic(month, h.id(), h.head().id(), h.head().name(), month, h.income(), 0,
							mint.chance(0.6) ? 1 : 0, false, false));
				}
			}
		}
	}

	private void tempAssist() {
		YearMonth[] months = World.months();
		for (YearMonth month : months) {
			for (String county : List.of(URBAN_COUNTY, RURAL_COUNTY)) {
				int seq = 0;
				List<Household> local = w.baseDibao.stream().filter(h -> h.region().startsWith(county)).toList();
				for (int i = 0; i < scaled(4); i++) {
					Household h = mint.pick(local);
					Person p = mint.pick(h.members()).person();
					if (!w.claim(p.id())) {
						continue;
					}
					w.tempAssist.add(new TempAssist(month, h.region(), h.id(), p, caseNumber(county, month, ++seq), month,
							amount(), mint.pick(REASONS), h.account()));
				}
				for (int i = 0; i < scaled(4); i++) {
					w.tempAssist.add(outsider(county, month, month, ++seq));
				}
				if (month.equals(M2) && county.equals(URBAN_COUNTY)) {
					TempAssist late = outsider(county, M2, M1, 901);
					w.tempAssist.add(late);
					w.document(PlantedProblem.Kind.CHANGE, "TEMP_ASSIST arrears", county, late.person(), M2,
							"2026-11/temp-assist.csv", "case " + late.caseNumber() + " approved in 2026-10 but uploaded "
									+ "in 2026-11: paid in the 2026-11 run as arrears (pay_month 2026-10)");
				}
			}
		}
	}

	private TempAssist outsider(String county, YearMonth file, YearMonth approved, int seq) {
		boolean rural = county.equals(RURAL_COUNTY) ? mint.chance(0.8) : mint.chance(0.1);
		String region = mint.pick(w.geography.villages(county, !rural)).code();
		Person p = w.adult(county, 25, 75, mint.chance(0.5), null);
		Account account = mint.account(rural, p.name());
		return new TempAssist(file, region, mint.household(region), p, caseNumber(county, approved, seq), approved,
				amount(), mint.pick(REASONS), account);
	}

	private BigDecimal amount() {
		return BigDecimal.valueOf(mint.between(5, 30) * 100L).setScale(2);
	}

	private static String caseNumber(String county, YearMonth month, int seq) {
		return county + "LS" + month.toString().replace("-", "") + String.format("%03d", seq);
	}
}
