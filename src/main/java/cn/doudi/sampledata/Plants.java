package cn.doudi.sampledata;

import static cn.doudi.sampledata.Geography.RURAL_COUNTY;
import static cn.doudi.sampledata.Geography.URBAN_COUNTY;
import static cn.doudi.sampledata.Policy.M1;
import static cn.doudi.sampledata.Policy.M2;
import static cn.doudi.sampledata.Policy.M3;
import static cn.doudi.sampledata.PlantedProblem.Kind.CHANGE;
import static cn.doudi.sampledata.PlantedProblem.Kind.NOT_A_PROBLEM;
import static cn.doudi.sampledata.PlantedProblem.Kind.PROBLEM;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

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
import cn.doudi.sampledata.World.Household;
import cn.doudi.sampledata.World.Member;

/**
 * The planted problems and roster changes, each on people of its own (never on the base population),
 * so that every one shows exactly the finding, stop or payment it documents and nothing else.
 */
final class Plants {

	private final World w;
	private final Mint mint;

	Plants(World world) {
		this.w = world;
		this.mint = world.mint;
	}

	void plant() {
		deaths();
		payeeDeceased();
		deathRecordsThatDoNotMatch();
		exclusivePrograms();
		sharedAccount();
		economicFindings();
		leads();
		marriages();
		elderlyAges();
		disabilityCertificates();
		agedOut();
		rosterChanges();
		documentTopUp();
	}

	// ---- deaths ------------------------------------------------------------------------------------

	private void deaths() {
		Person p1 = person(URBAN_COUNTY, 87, false);
		Row r1 = alone(URBAN_COUNTY, false, p1, Program.ELDERLY, null, YearMonth.of(2019, 4), M1);
		relist(r1.household(), r -> true, r -> r.listedUntil(M2));
		w.deaths.add(new Death(M1, p1.id(), p1.name(), LocalDate.of(2026, 9, 12), "公安"));
		w.document(PROBLEM, "DECEASED", URBAN_COUNTY, p1, M1, "2026-10/deaths.csv",
				"died 2026-09-12 but still on the roster in 2026-10 and 2026-11: no ELDERLY line at all; DECEASED "
						+ "listed in 2026-10 and 2026-11 (removed from the 2026-12 roster, so no longer listed)");

		// a dibao member (with ELDERLY) who died in the first month, reported at once
		Person head = person(RURAL_COUNTY, 58, true);
		Person wife = person(RURAL_COUNTY, 56, false);
		Person father = person(RURAL_COUNTY, 86, true, World.surname(head));
		Household h = w.addDibaoHousehold(village(RURAL_COUNTY, true), Program.DIBAO_RURAL,
				List.of(new Member(head, "户主"), new Member(wife, "配偶"), new Member(father, "父母")),
				new BigDecimal("420.00"), YearMonth.of(2020, 3), M1);
		w.rows.add(w.personRow(h, father, "父母", Program.ELDERLY, null, YearMonth.of(2020, 3)));
		relist(h.id(), r -> r.person().equals(father), r -> r.listedUntil(M2));
		w.deaths.add(new Death(M1, father.id(), father.name(), LocalDate.of(2026, 10, 3), "火化"));
		w.document(PROBLEM, "DECEASED", RURAL_COUNTY, father, M1, "2026-10/deaths.csv",
				"dibao member (父母, also ELDERLY) died 2026-10-03: 2026-10 paid in full (n = 3); from 2026-11 the "
						+ "household is paid for n = 2 (a finding, not a stop) and ELDERLY stops (stops.csv 2026-11: "
						+ "DECEASED, last_paid 2026-10); removed from the 2026-12 roster");

		Person p3 = person(RURAL_COUNTY, 77, true);
		alone(RURAL_COUNTY, true, p3, Program.TEKUN, "半护理", YearMonth.of(2017, 8), M1);
		w.deaths.add(new Death(M2, p3.id(), p3.name(), LocalDate.of(2026, 10, 20), "公安"));
		w.document(PROBLEM, "DECEASED", RURAL_COUNTY, p3, M2, "2026-11/deaths.csv",
				"TEKUN, died 2026-10-20: 2026-10 paid; stops.csv 2026-11: DECEASED, last_paid 2026-10; the row is "
						+ "never removed, so DECEASED stays listed in 2026-11 and 2026-12");

		Person p4 = person(URBAN_COUNTY, 93, false);
		alone(URBAN_COUNTY, false, p4, Program.ELDERLY, null, YearMonth.of(2015, 2), M1);
		w.deaths.add(new Death(M3, p4.id(), p4.name(), LocalDate.of(2026, 10, 8), "火化"));
		w.document(PROBLEM, "OVERPAID", URBAN_COUNTY, p4, M3, "2026-12/deaths.csv",
				"ELDERLY (90-99, 200.00) died 2026-10-08, record arrives late in 2026-12: 2026-10 and 2026-11 paid; "
						+ "2026-12 no line, stops.csv DECEASED (last_paid 2026-11); overpayments.csv: 2026-11 paid "
						+ "200.00 due 0.00 overpaid 200.00 (OVERPAID)");
	}

	private void payeeDeceased() {
		Person head = person(URBAN_COUNTY, 67, true);
		Person wife = person(URBAN_COUNTY, 64, false);
		Person son = person(URBAN_COUNTY, 36, true, World.surname(head));
		Household h = w.addDibaoHousehold(village(URBAN_COUNTY, false), Program.DIBAO_URBAN,
				List.of(new Member(head, "户主"), new Member(wife, "配偶"), new Member(son, "子女")),
				new BigDecimal("600.00"), YearMonth.of(2018, 5), M1);
		w.deaths.add(new Death(M2, head.id(), head.name(), LocalDate.of(2026, 10, 18), "医院"));
		Account hers = mint.account(Bank.PSBC, wife.name());
		relist(h.id(), r -> r.person().equals(head), r -> r.listedUntil(M2));
		relist(h.id(), r -> r.person().equals(wife), r -> r.listedUntil(M2));
		Row wifeRow = rowsOf(h.id()).stream().filter(r -> r.person().equals(wife)).findFirst().orElseThrow();
		w.rows.add(wifeRow.withRelation("户主", hers).from(M3).listedUntil(null));
		w.document(PROBLEM, "PAYEE_DECEASED", URBAN_COUNTY, head, M2, "2026-11/deaths.csv",
				"DIBAO_URBAN 户主 died 2026-10-18 while his wife and son live: 2026-10 paid (n = 3); 2026-11 the household "
						+ "line (n = 2) is HELD with PAYEE_DECEASED (plus DECEASED for him)");
		w.document(CHANGE, "户主 replaced", URBAN_COUNTY, wife, M3, "2026-12/beneficiaries-410102.xlsx",
				"the widow becomes 户主 with her own PSBC account and the dead 户主's row is removed: 2026-12 paid to her "
						+ "account, 2026-11 back-paid as arrears (PAYEE_DECEASED closed)");
	}

	private void deathRecordsThatDoNotMatch() {
		Person p6 = person(RURAL_COUNTY, 84, false);
		alone(RURAL_COUNTY, true, p6, Program.ELDERLY, null, YearMonth.of(2022, 7), M1);
		String other = mint.names().surname() + mint.names().given(1950, true);
		w.deaths.add(new Death(M2, p6.id(), other, LocalDate.of(2026, 11, 3), "公安"));
		w.document(PROBLEM, "NAME_MISMATCH", RURAL_COUNTY, p6, M2, "2026-11/deaths.csv",
				"a death record carries her ID but the name " + other + ": not a death; ELDERLY HELD with "
						+ "NAME_MISMATCH in 2026-11 and 2026-12");

		Person p7 = person(URBAN_COUNTY, 58, true);
		Row r7 = alone(URBAN_COUNTY, false, p7, Program.DISABILITY_CARE, null, YearMonth.of(2019, 9), M1);
		w.certificates.add(new Certificate(p7.id(), p7.name(), 4, 1, true, M1, null));
		String typo = typo(p7.id(), 15, true);
		w.deaths.add(new Death(M2, typo, p7.name(), LocalDate.of(2026, 11, 5), "火化"));
		w.document(PROBLEM, "DEATH_PROBABLE", r7.county(), p7, M2, "2026-11/deaths.csv",
				"a death record with his name and a valid ID one digit off (" + IdNumber.mask(typo)
						+ "): DISABILITY_CARE HELD with DEATH_PROBABLE in 2026-11 and 2026-12, never stopped");

		Person head = person(RURAL_COUNTY, 50, true);
		Person wife = person(RURAL_COUNTY, 48, false);
		Person father = person(RURAL_COUNTY, 76, true, World.surname(head));
		Household h = w.addDibaoHousehold(village(RURAL_COUNTY, true), Program.DIBAO_RURAL,
				List.of(new Member(head, "户主"), new Member(wife, "配偶"), new Member(father, "父母")),
				new BigDecimal("510.00"), YearMonth.of(2016, 11), M1);
		String bad = typo(father.id(), 14, false);
		w.deaths.add(new Death(M3, bad, father.name(), LocalDate.of(2026, 11, 12), "公安"));
		w.document(PROBLEM, "DEATH_PROBABLE", RURAL_COUNTY, father, M3, "2026-12/deaths.csv",
				"a death record with his name and an ID one digit off whose check digit is wrong ("
						+ IdNumber.mask(bad) + "): imported and flagged (kept, never matched by ID); DEATH_PROBABLE "
						+ "holds household " + h.id() + "'s DIBAO_RURAL line in 2026-12");
	}

	/** One digit of the body changed; the check digit recomputed (a valid ID of nobody) or kept (a bad check digit). */
	private String typo(String id, int position, boolean recompute) {
		for (int delta = 1; delta < 10; delta++) {
			char c = (char) ('0' + (id.charAt(position) - '0' + delta) % 10);
			String body = id.substring(0, position) + c + id.substring(position + 1, 17);
			String typo = body + (recompute ? IdNumber.checkDigit(body) : id.charAt(17));
			if (!mint.used(typo) && !mint.used(body + IdNumber.checkDigit(body))) {
				mint.reserve(body + IdNumber.checkDigit(body));
				return typo;
			}
		}
		throw new IllegalStateException("no free typo");
	}

	// ---- programs that exclude each other, accounts ------------------------------------------------

	private void exclusivePrograms() {
		Person p = person(RURAL_COUNTY, 61, true);
		Household h = w.addDibaoHousehold(village(RURAL_COUNTY, true), Program.DIBAO_RURAL,
				List.of(new Member(p, "户主")), new BigDecimal("150.00"), YearMonth.of(2021, 4), M1);
		w.rows.add(new Row(h.region(), h.id(), p, "户主", Program.TEKUN, "全自理", h.income(), YearMonth.of(2026, 9),
				null, h.account(), M1, null));
		w.document(PROBLEM, "EXCLUSIVE_PROGRAMS", RURAL_COUNTY, p, M1, "beneficiaries-410122.csv",
				"in DIBAO_RURAL since 2021-04 and TEKUN since 2026-09: the later TEKUN enrollment is HELD every month; "
						+ "DIBAO_RURAL paid");

		Person q = mint.personWithPrefix(RURAL_COUNTY, w.birthForAge(85), true,
				mint.names().full(1941, true));
		alone(RURAL_COUNTY, true, q, Program.ELDERLY, null, YearMonth.of(2018, 6), M1);
		alone(URBAN_COUNTY, false, q, Program.ELDERLY, null, YearMonth.of(2026, 8), M1);
		w.document(PROBLEM, "EXCLUSIVE_PROGRAMS", URBAN_COUNTY, q, M1,
				"beneficiaries-410102.xlsx, beneficiaries-410122.csv",
				"ELDERLY in two counties (中牟县 since 2018-06, moved to 中原区 and enrolled again 2026-08): 中原区's "
						+ "later enrollment HELD every month, 中牟县's paid");
	}

	private void sharedAccount() {
		String region = village(RURAL_COUNTY, true);
		Person a = person(RURAL_COUNTY, 70, true);
		Household ha = w.addDibaoHousehold(region, Program.DIBAO_RURAL, List.of(new Member(a, "户主")),
				new BigDecimal("230.00"), YearMonth.of(2019, 1), M1);
		Person b = person(RURAL_COUNTY, 66, false);
		w.addDibaoHousehold(region, Program.DIBAO_RURAL, List.of(new Member(b, "户主")), new BigDecimal("180.00"),
				YearMonth.of(2020, 6), M1, ha.account());
		w.document(PROBLEM, "SHARED_ACCOUNT", RURAL_COUNTY, a, M1, "beneficiaries-410122.csv",
				"his account " + maskAccount(ha.account().number()) + " is also the payee account of another "
						+ "household (" + b.name() + ", " + IdNumber.mask(b.id()) + "): both DIBAO_RURAL lines HELD "
						+ "with SHARED_ACCOUNT every month, one finding per person");
	}

	private void economicFindings() {
		Person head = person(URBAN_COUNTY, 45, true);
		Person child = person(URBAN_COUNTY, 14, false, World.surname(head));
		Household car = w.addDibaoHousehold(village(URBAN_COUNTY, false), Program.DIBAO_URBAN,
				List.of(new Member(head, "户主"), new Member(child, "子女")), new BigDecimal("700.00"),
				YearMonth.of(2022, 2), M1);
		w.economic.add(new Economic(M2, car.id(), head.id(), head.name(), M2, car.income(), 1, 1, false, false));
		w.document(PROBLEM, "ASSETS_DISQUALIFY", URBAN_COUNTY, head, M2, "2026-11/economic.csv",
				"the economic check shows a vehicle: the DIBAO_URBAN line HELD from 2026-11 (a monitor may dismiss)");

		Person h2 = person(RURAL_COUNTY, 48, true);
		Person w2 = person(RURAL_COUNTY, 46, false);
		Person c1 = person(RURAL_COUNTY, 15, true, World.surname(h2));
		Person c2 = person(RURAL_COUNTY, 12, false, World.surname(h2));
		Household employee = w.addDibaoHousehold(village(RURAL_COUNTY, true), Program.DIBAO_RURAL,
				List.of(new Member(h2, "户主"), new Member(w2, "配偶"), new Member(c1, "子女"), new Member(c2, "子女")),
				new BigDecimal("960.00"), YearMonth.of(2021, 10), M1);
		w.economic.add(new Economic(M2, employee.id(), h2.id(), h2.name(), M2, employee.income(), 0, 1, false, true));
		w.document(PROBLEM, "ASSETS_DISQUALIFY", RURAL_COUNTY, h2, M2, "2026-11/economic.csv",
				"the economic check shows a 财政供养人员 in the household: DIBAO_RURAL line HELD from 2026-11");

		Person g1 = person(URBAN_COUNTY, 52, true);
		Person g2 = person(URBAN_COUNTY, 50, false);
		Person g3 = person(URBAN_COUNTY, 24, true, World.surname(g1));
		Household exit = w.addDibaoHousehold(village(URBAN_COUNTY, false), Program.DIBAO_URBAN,
				List.of(new Member(g1, "户主"), new Member(g2, "配偶"), new Member(g3, "子女")), new BigDecimal("900.00"),
				YearMonth.of(2023, 3), M1);
		w.economic.add(new Economic(M2, exit.id(), g1.id(), g1.name(), M2, new BigDecimal("2700.00"), 0, 1, false,
				false));
		w.document(PROBLEM, "INCOME_ABOVE_STANDARD", URBAN_COUNTY, g1, M2, "2026-11/economic.csv",
				"income rises to 2700.00 (per capita 900.00 ≥ 790.00): 2026-10 regular 1380.00 (3 × (760.00 − 300.00)); "
						+ "2026-11 and 2026-12 gradual exit (渐退, months 1 and 2 of 6) paid 1380.00 frozen, not "
						+ "recomputed with the raised standard; INCOME_ABOVE_STANDARD (INFO) each month");
	}

	// ---- leads and information ---------------------------------------------------------------------

	private void leads() {
		String r1 = village(RURAL_COUNTY, true);
		Person a = person(RURAL_COUNTY, 55, false);
		w.poverty.add(new Poverty(a.id(), a.name(), r1, r1 + "901", "脱贫监测人口"));
		w.document(PROBLEM, "POVERTY_NOT_COVERED", RURAL_COUNTY, a, M1, "2026-10/poverty.csv",
				"脱贫监测人口 not covered by DIBAO or TEKUN: LEAD every month");
		String r2 = village(URBAN_COUNTY, false);
		Person b = person(URBAN_COUNTY, 47, true);
		w.poverty.add(new Poverty(b.id(), b.name(), r2, r2 + "902", "贫困边缘人口"));
		w.document(PROBLEM, "POVERTY_NOT_COVERED", URBAN_COUNTY, b, M1, "2026-10/poverty.csv",
				"贫困边缘人口 not covered: LEAD every month");

		Person c = person(RURAL_COUNTY, 39, true);
		w.certificates.add(new Certificate(c.id(), c.name(), 4, 1, true, M1, null));
		w.document(PROBLEM, "SEVERE_DISABILITY_NOT_COVERED", RURAL_COUNTY, c, M1, "2026-10/disability.xlsx",
				"一级肢体 certificate, on no roster: LEAD every month (county from the ID)");

		Person head = person(URBAN_COUNTY, 58, false);
		Person daughter = person(URBAN_COUNTY, 30, false);
		Household h = w.addDibaoHousehold(village(URBAN_COUNTY, false), Program.DIBAO_URBAN,
				List.of(new Member(head, "户主"), new Member(daughter, "子女")), new BigDecimal("350.00"),
				YearMonth.of(2017, 4), M1);
		w.rows.add(w.personRow(h, daughter, "子女", Program.DISABILITY_LIVING, null, YearMonth.of(2017, 4)));
		w.certificates.add(new Certificate(daughter.id(), daughter.name(), 1, 2, true, M1, null));
		w.document(PROBLEM, "SEVERE_DISABILITY_NOT_COVERED", URBAN_COUNTY, daughter, M1, "2026-10/disability.xlsx",
				"dibao member with a 二级视力 certificate: paid DISABILITY_LIVING and the 重残 supplement, but has no "
						+ "DISABILITY_CARE enrollment: LEAD every month");

		Person other = mint.personWithPrefix("410105", w.birthForAge(44), true, mint.names().full(1982, true));
		w.certificates.add(new Certificate(other.id(), other.name(), 6, 1, true, M1, null));
		w.document(NOT_A_PROBLEM, "SEVERE_DISABILITY_NOT_COVERED", "410105", other, M1, "2026-10/disability.xlsx",
				"一级精神 certificate of a person on no roster whose ID is from 金水区 (not a county of the system): "
						+ "no finding");
		Person cancelled = person(URBAN_COUNTY, 61, false);
		w.certificates.add(new Certificate(cancelled.id(), cancelled.name(), 4, 1, false, M1, null));
		w.document(NOT_A_PROBLEM, "SEVERE_DISABILITY_NOT_COVERED", URBAN_COUNTY, cancelled, M1,
				"2026-10/disability.xlsx", "一级肢体 certificate with 证件状态 注销: not valid, no finding");
	}

	private void marriages() {
		Person head = person(RURAL_COUNTY, 55, true);
		Person wife = person(RURAL_COUNTY, 53, false);
		Person daughter = person(RURAL_COUNTY, 27, false, World.surname(head));
		w.addDibaoHousehold(village(RURAL_COUNTY, true), Program.DIBAO_RURAL,
				List.of(new Member(head, "户主"), new Member(wife, "配偶"), new Member(daughter, "子女")),
				new BigDecimal("640.00"), YearMonth.of(2019, 12), M1);
		Person groom = mint.personWithPrefix("411623", w.birthForAge(29), true, mint.names().full(1997, true));
		w.marriages.add(new Marriage(M2, daughter.id(), daughter.name(), groom.id(), groom.name(), "结婚",
				LocalDate.of(2026, 11, 6)));
		w.document(PROBLEM, "MARRIAGE_CHANGE", RURAL_COUNTY, daughter, M2, "2026-11/marriages.csv",
				"covered dibao member married 2026-11-06: INFO from 2026-11, no effect on payment");

		Person mother = person(URBAN_COUNTY, 41, false);
		Person k1 = person(URBAN_COUNTY, 13, true);
		Person k2 = person(URBAN_COUNTY, 9, false, World.surname(k1));
		w.addDibaoHousehold(village(URBAN_COUNTY, false), Program.DIBAO_URBAN,
				List.of(new Member(mother, "户主"), new Member(k1, "子女"), new Member(k2, "子女")),
				new BigDecimal("1100.00"), YearMonth.of(2024, 8), M1);
		Person ex = mint.personWithPrefix("410105", w.birthForAge(43), true, World.surname(k1) + "建军");
		w.marriages.add(new Marriage(M3, mother.id(), mother.name(), ex.id(), ex.name(), "离婚",
				LocalDate.of(2026, 11, 18)));
		w.document(PROBLEM, "MARRIAGE_CHANGE", URBAN_COUNTY, mother, M3, "2026-12/marriages.csv",
				"dibao 户主 divorced 2026-11-18 (record arrives in 2026-12): INFO, no effect on payment");
	}

	// ---- ages --------------------------------------------------------------------------------------

	private void elderlyAges() {
		Person a = mint.personWithPrefix(URBAN_COUNTY, LocalDate.of(1947, 5, 21), false,
				mint.names().full(1947, false));
		alone(URBAN_COUNTY, false, a, Program.ELDERLY, null, YearMonth.of(2026, 6), M1);
		w.document(PROBLEM, "AGE_INELIGIBLE", URBAN_COUNTY, a, M1, "beneficiaries-410102.xlsx",
				"ELDERLY born 1947-05-21 (79): HELD with AGE_INELIGIBLE (category 80-89) every month");
		Person b = mint.personWithPrefix(RURAL_COUNTY, LocalDate.of(1948, 2, 9), true, mint.names().full(1948, true));
		alone(RURAL_COUNTY, true, b, Program.ELDERLY, null, YearMonth.of(2025, 12), M1);
		w.document(PROBLEM, "AGE_INELIGIBLE", RURAL_COUNTY, b, M1, "beneficiaries-410122.csv",
				"ELDERLY born 1948-02-09 (78): HELD with AGE_INELIGIBLE every month");

		Person c = mint.personWithPrefix(URBAN_COUNTY, LocalDate.of(1946, 11, 1), true, mint.names().full(1946, true));
		alone(URBAN_COUNTY, false, c, Program.ELDERLY, null, M2, M2);
		w.document(CHANGE, "NEW ELDERLY", URBAN_COUNTY, c, M2, "2026-11/beneficiaries-410102.xlsx",
				"born 1946-11-01, enrolled from 2026-11: age(2026-11) = 80, paid 80-89 from 2026-11 (not a finding)");
		Person d = mint.personWithPrefix(RURAL_COUNTY, LocalDate.of(1946, 11, 15), false,
				mint.names().full(1946, false));
		alone(RURAL_COUNTY, true, d, Program.ELDERLY, null, M2, M2);
		w.document(PROBLEM, "AGE_INELIGIBLE", RURAL_COUNTY, d, M2, "2026-11/beneficiaries-410122.csv",
				"born 1946-11-15, enrolled from 2026-11: 79 in 2026-11 (HELD, AGE_INELIGIBLE), 80 in 2026-12 (paid); "
						+ "2026-11 is never back-paid");
	}

	private void disabilityCertificates() {
		Person a = person(URBAN_COUNTY, 45, true);
		alone(URBAN_COUNTY, false, a, Program.DISABILITY_CARE, null, YearMonth.of(2021, 5), M1);
		w.certificates.add(new Certificate(a.id(), a.name(), 4, 3, true, M1, null));
		w.document(PROBLEM, "DISABILITY_GRADE_INELIGIBLE", URBAN_COUNTY, a, M1, "2026-10/disability.xlsx",
				"DISABILITY_CARE with a 三级肢体 certificate: HELD (category 二级) every month");

		Person head = person(RURAL_COUNTY, 60, true);
		Person wife = person(RURAL_COUNTY, 58, false);
		Household h = w.addDibaoHousehold(village(RURAL_COUNTY, true), Program.DIBAO_RURAL,
				List.of(new Member(head, "户主"), new Member(wife, "配偶")), new BigDecimal("300.00"),
				YearMonth.of(2018, 9), M1);
		w.rows.add(w.personRow(h, wife, "配偶", Program.DISABILITY_LIVING, null, YearMonth.of(2019, 1)));
		w.document(PROBLEM, "DISABILITY_NOT_FOUND", RURAL_COUNTY, wife, M1, "beneficiaries-410122.csv",
				"DISABILITY_LIVING without any certificate on 残联's roster: HELD every month; the household's dibao "
						+ "line is paid");

		Person liu = mint.personWithPrefix(URBAN_COUNTY, w.birthForAge(54), true, "刘建华");
		Person spouse = person(URBAN_COUNTY, 52, false);
		Household lh = w.addDibaoHousehold(village(URBAN_COUNTY, false), Program.DIBAO_URBAN,
				List.of(new Member(liu, "户主"), new Member(spouse, "配偶")), new BigDecimal("480.00"),
				YearMonth.of(2020, 10), M1);
		w.rows.add(w.personRow(lh, liu, "户主", Program.DISABILITY_LIVING, null, YearMonth.of(2020, 10)));
		w.rows.add(w.personRow(lh, liu, "户主", Program.DISABILITY_CARE, null, YearMonth.of(2020, 10)));
		w.certificates.add(new Certificate(liu.id(), "劉建華", 4, 2, true, M1, null));
		w.document(NOT_A_PROBLEM, "NAME_MISMATCH", URBAN_COUNTY, liu, M1, "2026-10/disability.xlsx",
				"残联 writes him 劉建華 (traditional): the names match; paid DISABILITY_LIVING, DISABILITY_CARE 二级 and "
						+ "the 重残 supplement; no NAME_MISMATCH");

		Person dotted = mint.personWithPrefix(RURAL_COUNTY, w.birthForAge(33), true, "买买提·艾力");
		alone(RURAL_COUNTY, false, dotted, Program.DISABILITY_CARE, null, YearMonth.of(2022, 3), M1);
		w.certificates.add(new Certificate(dotted.id(), "买买提•艾力", 5, 1, true, M1, null));
		w.document(NOT_A_PROBLEM, "NAME_MISMATCH", RURAL_COUNTY, dotted, M1, "2026-10/disability.xlsx",
				"残联 writes 买买提•艾力 (U+2022 bullet for the middle dot): the names match; DISABILITY_CARE 一级 paid");
	}

	private void agedOut() {
		Person o = mint.personWithPrefix(URBAN_COUNTY, LocalDate.of(2008, 11, 20), false,
				mint.names().full(2008, false));
		alone(URBAN_COUNTY, false, o, Program.ORPHAN, "散居", YearMonth.of(2019, 3), M1);
		w.document(PROBLEM, "AGED_OUT", URBAN_COUNTY, o, M3, "beneficiaries-410102.xlsx",
				"ORPHAN 散居 born 2008-11-20: paid 2026-10 and 2026-11; 18 in 2026-12: no line, stops.csv AGED_OUT "
						+ "(last_paid 2026-11)");
		Person d = mint.personWithPrefix(RURAL_COUNTY, LocalDate.of(2008, 10, 15), true, mint.names().full(2008, true));
		alone(RURAL_COUNTY, true, d, Program.DE_FACTO_CHILD, null, YearMonth.of(2021, 6), M1);
		w.document(PROBLEM, "AGED_OUT", RURAL_COUNTY, d, M2, "beneficiaries-410122.csv",
				"DE_FACTO_CHILD born 2008-10-15: paid 2026-10; 18 in 2026-11: stops.csv AGED_OUT (last_paid 2026-10)");
	}

	// ---- roster changes ----------------------------------------------------------------------------

	private void rosterChanges() {
		// month 2: new households
		for (int i = 0; i < 2; i++) {
			newDibao(URBAN_COUNTY, Program.DIBAO_URBAN, M2, M2);
			newDibao(RURAL_COUNTY, Program.DIBAO_RURAL, M2, M2);
		}
		Person t = person(RURAL_COUNTY, 72, true);
		alone(RURAL_COUNTY, true, t, Program.TEKUN, "全自理", M2, M2);
		w.document(CHANGE, "NEW", RURAL_COUNTY, t, M2, "2026-11/beneficiaries-410122.csv",
				"new TEKUN (and 4 new dibao households in the two counties) from 2026-11");

		// month 2: a household ends (end month 2026-10 written on every row)
		Person mother = person(RURAL_COUNTY, 45, false);
		Person son = person(RURAL_COUNTY, 16, true);
		Household ended = w.addDibaoHousehold(village(RURAL_COUNTY, false), Program.DIBAO_URBAN,
				List.of(new Member(mother, "户主"), new Member(son, "子女")), new BigDecimal("520.00"),
				YearMonth.of(2023, 1), M1);
		for (Row r : rowsOf(ended.id())) {
			replace(r, r.listedUntil(M1));
			w.rows.add(r.withEnd(M1).from(M2));
		}
		w.document(CHANGE, "END_MONTH", RURAL_COUNTY, mother, M2, "2026-11/beneficiaries-410122.csv",
				"the household's rows carry end month 2026-10 from the 2026-11 roster on: stops.csv 2026-11 END_MONTH "
						+ "(last_paid 2026-10)");

		// month 2: the old 户主 hands over to his son, who brings a new account
		Person old = person(RURAL_COUNTY, 79, true);
		Person oldWife = person(RURAL_COUNTY, 77, false);
		Person heir = person(RURAL_COUNTY, 50, true, World.surname(old));
		Person daughterInLaw = person(RURAL_COUNTY, 48, false);
		Household handover = w.addDibaoHousehold(village(RURAL_COUNTY, true), Program.DIBAO_RURAL,
				List.of(new Member(old, "户主"), new Member(oldWife, "配偶"), new Member(heir, "子女"),
						new Member(daughterInLaw, "其他")),
				new BigDecimal("880.00"), YearMonth.of(2015, 6), M1);
		Account heirs = mint.account(Bank.RCU, heir.name());
		for (Row r : rowsOf(handover.id())) {
			replace(r, r.listedUntil(M1));
			String relation = r.person().equals(heir) ? "户主" : r.person().equals(daughterInLaw) ? "配偶" : "父母";
			w.rows.add(r.withRelation(relation, relation.equals("户主") ? heirs : null).from(M2));
		}
		w.document(CHANGE, "户主 replaced", RURAL_COUNTY, heir, M2, "2026-11/beneficiaries-410122.csv",
				"the 79-year-old 户主 hands over to his son (relations rewritten, new RCU account): paid without a break "
						+ "into the son's account from 2026-11");

		// month 2: a person removed, a member removed, a member's own end month
		Person moved = mint.personWithPrefix("411623", w.birthForAge(40), true, mint.names().full(1986, true));
		alone(URBAN_COUNTY, false, moved, Program.DISABILITY_CARE, null, YearMonth.of(2020, 2), M1);
		relist(w.rows.get(w.rows.size() - 1).household(), r -> true, r -> r.listedUntil(M1));
		w.certificates.add(new Certificate(moved.id(), moved.name(), 2, 2, true, M1, M1));
		w.document(CHANGE, "REMOVED_FROM_ROSTER", URBAN_COUNTY, moved, M2, "2026-11/beneficiaries-410102.xlsx",
				"DISABILITY_CARE, moved back to 商水县 and absent from the 2026-11 roster: stops.csv 2026-11 "
						+ "REMOVED_FROM_ROSTER (last_paid 2026-10)");

		Person parent = person(URBAN_COUNTY, 50, false);
		Person leaver = person(URBAN_COUNTY, 22, true);
		Person pupil = person(URBAN_COUNTY, 17, false, World.surname(leaver));
		Household shrink = w.addDibaoHousehold(village(URBAN_COUNTY, false), Program.DIBAO_URBAN,
				List.of(new Member(parent, "户主"), new Member(leaver, "子女"), new Member(pupil, "子女")),
				new BigDecimal("690.00"), YearMonth.of(2021, 2), M1);
		relist(shrink.id(), r -> r.person().equals(leaver), r -> r.listedUntil(M1));
		w.document(CHANGE, "member removed", URBAN_COUNTY, leaver, M2, "2026-11/beneficiaries-410102.xlsx",
				"a son moved out and is absent from the 2026-11 roster: the household is paid for n = 2 from 2026-11, "
						+ "no stop");

		Person f = person(RURAL_COUNTY, 47, true);
		Person fw = person(RURAL_COUNTY, 45, false);
		Person grown = person(RURAL_COUNTY, 19, true, World.surname(f));
		Person kid = person(RURAL_COUNTY, 11, false, World.surname(f));
		Household ending = w.addDibaoHousehold(village(RURAL_COUNTY, true), Program.DIBAO_RURAL,
				List.of(new Member(f, "户主"), new Member(fw, "配偶"), new Member(grown, "子女"), new Member(kid, "子女")),
				new BigDecimal("740.00"), YearMonth.of(2022, 5), M1);
		for (Row r : rowsOf(ending.id())) {
			if (r.person().equals(grown)) {
				replace(r, r.listedUntil(M1));
				w.rows.add(r.withEnd(M2).from(M2));
			}
		}
		w.document(CHANGE, "member end month", RURAL_COUNTY, grown, M2, "2026-11/beneficiaries-410122.csv",
				"a son who found work gets end month 2026-11 on his own row: n = 4 in 2026-11, n = 3 from 2026-12");

		// month 3: a late approval (start 2026-11, first listed in 2026-12), new households
		Household late = newDibao(RURAL_COUNTY, Program.DIBAO_RURAL, M2, M3);
		w.document(CHANGE, "late approval", RURAL_COUNTY, late.head(), M3, "2026-12/beneficiaries-410122.csv",
				"new household first listed in 2026-12 with start month 2026-11: 2026-12 paid and 2026-11 back-paid "
						+ "as arrears");
		newDibao(URBAN_COUNTY, Program.DIBAO_URBAN, M3, M3);
		Person newCare = person(URBAN_COUNTY, 26, false);
		alone(URBAN_COUNTY, false, newCare, Program.DISABILITY_CARE, null, M3, M3);
		w.certificates.add(new Certificate(newCare.id(), newCare.name(), 5, 3, true, M3, null));
		w.document(CHANGE, "NEW", URBAN_COUNTY, newCare, M3, "2026-12/beneficiaries-410102.xlsx, 2026-12/disability.xlsx",
				"new DISABILITY_CARE with a 三级智力 certificate issued in 2026-12: paid 三级智力精神 (中原区 pays grade 3–4 "
						+ "智力/精神)");

		// month 3: an end month after a cancelled certificate, a removal
		Person c = person(RURAL_COUNTY, 36, true);
		Row care = alone(RURAL_COUNTY, true, c, Program.DISABILITY_CARE, null, YearMonth.of(2018, 8), M1);
		replace(care, care.listedUntil(M2));
		w.rows.add(care.withEnd(M2).from(M3));
		w.certificates.add(new Certificate(c.id(), c.name(), 4, 2, true, M1, M2));
		w.certificates.add(new Certificate(c.id(), c.name(), 4, 2, false, M3, null));
		w.document(CHANGE, "END_MONTH", RURAL_COUNTY, c, M3, "2026-12/beneficiaries-410122.csv, 2026-12/disability.xlsx",
				"残联 cancels his certificate (注销) and the roster ends his DISABILITY_CARE with end month 2026-11: "
						+ "stops.csv 2026-12 END_MONTH (last_paid 2026-11); no SEVERE_DISABILITY_NOT_COVERED");

		Person gone = mint.personWithPrefix("410184", w.birthForAge(88), false, mint.names().full(1938, false));
		Row goneRow = alone(RURAL_COUNTY, true, gone, Program.ELDERLY, null, YearMonth.of(2020, 1), M1);
		replace(goneRow, goneRow.listedUntil(M2));
		w.document(CHANGE, "REMOVED_FROM_ROSTER", RURAL_COUNTY, gone, M3, "2026-12/beneficiaries-410122.csv",
				"ELDERLY, moved to her daughter in 新郑市 and absent from the 2026-12 roster: stops.csv 2026-12 "
						+ "REMOVED_FROM_ROSTER (last_paid 2026-11)");
	}

	// ---- rare characters (生僻字) -----------------------------------------------------------------------

	/**
	 * Two elders of one 中原区 community whose names hold characters GBK lacks: 刘䶮 (䶮 U+4DAE, CJK Extension A),
	 * paid by ICBC through the default GB18030 layout, and 王𠀾华 (𠀾 U+2003E, Extension B, outside the Basic
	 * Multilingual Plane), paid by PSBC, whose fixed-width layout is GBK. Planted after the background
	 * records, so that every other generated record stays as it was.
	 */
	void rareNames() {
		String region = village(URBAN_COUNTY, false);
		Person a = mint.personWithPrefix(URBAN_COUNTY, w.birthForAge(86), true, "刘䶮");
		w.rows.add(new Row(region, mint.household(region), a, "本人", Program.ELDERLY, null, null, YearMonth.of(2021, 3),
				null, mint.account(Bank.ICBC, a.name()), M1, null));
		w.document(NOT_A_PROBLEM, "生僻字", URBAN_COUNTY, a, M1, "beneficiaries-410102.xlsx",
				"䶮 (U+4DAE, CJK Extension A) is not in GBK: paid by ICBC through the default GB18030 layout, whose "
						+ "file holds the real character (FE9F); payments.csv, pain.001, the XLSX and the notice PDF carry "
						+ "it (the PDF draws it from the fallback font, fonts-hanazono); no warning");
		Person b = mint.personWithPrefix(URBAN_COUNTY, w.birthForAge(83), false, "王𠀾华");
		w.rows.add(new Row(region, mint.household(region), b, "本人", Program.ELDERLY, null, null, YearMonth.of(2022, 8),
				null, mint.account(Bank.PSBC, b.name()), M1, null));
		w.document(NOT_A_PROBLEM, "生僻字", URBAN_COUNTY, b, M1, "beneficiaries-410102.xlsx",
				"𠀾 (U+2003E, CJK Extension B, two UTF-16 units) is paid by PSBC, whose fixed-width layout is GBK: the "
						+ ".dat line holds 王?华 (padded to the field's 30 bytes) and month-end warns every month with her "
						+ "masked ID and the field (account_name); every file of the county is written and every other "
						+ "file carries the real name (the notice PDF draws 𠀾 from the fallback font, fonts-hanazono)");
	}

	private Household newDibao(String county, Program program, YearMonth start, YearMonth listedFrom) {
		boolean rural = program == Program.DIBAO_RURAL;
		Person head = person(county, mint.between(35, 75), mint.chance(0.6));
		List<Member> members = new ArrayList<>();
		members.add(new Member(head, "户主"));
		if (mint.chance(0.6)) {
			members.add(new Member(person(county, mint.between(6, 16), mint.chance(0.5), World.surname(head)), "子女"));
		}
		int standard = Policy.dibaoStandard(county, rural, start);
		BigDecimal income = BigDecimal.valueOf((long) mint.between(0, standard / 2) * members.size() * 100, 2);
		return w.addDibaoHousehold(village(county, rural), program, members, income, start, listedFrom);
	}

	private void documentTopUp() {
		for (Row r : w.rows) {
			if (r.program() == Program.DE_FACTO_CHILD && !r.relation().equals("本人")) {
				w.document(NOT_A_PROBLEM, "DE_FACTO_CHILD top-up", r.county(), r.person(), M1,
						"beneficiaries-" + r.county() + (r.county().equals(URBAN_COUNTY) ? ".xlsx" : ".csv"),
						"a de-facto child who is also a member of dibao household " + r.household()
								+ ": topped up to the standard (max(0, 1450.00 − household line / n)), not paid twice, "
								+ "no EXCLUSIVE_PROGRAMS");
				return;
			}
		}
	}

	// ---- helpers -----------------------------------------------------------------------------------

	private Person person(String county, int age, boolean male) {
		return mint.personWithPrefix(county, w.birthForAge(age), male, fullName(age, male));
	}

	private Person person(String county, int age, boolean male, String surname) {
		LocalDate birth = w.birthForAge(age);
		return mint.personWithPrefix(county, birth, male, surname + mint.names().given(birth.getYear(), male));
	}

	private String fullName(int age, boolean male) {
		return mint.names().full(2026 - age, male);
	}

	private String village(String county, boolean rural) {
		return mint.pick(w.geography.villages(county, !rural)).code();
	}

	private Row alone(String county, boolean rural, Person p, Program program, String category, YearMonth start,
			YearMonth listedFrom) {
		String region = village(county, rural);
		String holder = p.ageIn(M1) < 18 ? World.surname(p) + mint.names().given(1960, mint.chance(0.5)) : p.name();
		Row row = new Row(region, mint.household(region), p, "本人", program, category, null, start, null,
				mint.account(rural, holder), listedFrom, null);
		w.rows.add(row);
		return row;
	}

	private List<Row> rowsOf(String household) {
		return w.rows.stream().filter(r -> r.household().equals(household)).toList();
	}

	private void relist(String household, Predicate<Row> which, UnaryOperator<Row> change) {
		for (int i = 0; i < w.rows.size(); i++) {
			Row r = w.rows.get(i);
			if (r.household().equals(household) && which.test(r)) {
				w.rows.set(i, change.apply(r));
			}
		}
	}

	private void replace(Row old, Row with) {
		int i = w.rows.indexOf(old);
		w.rows.set(i, with);
	}

	static String maskAccount(String account) {
		return account.substring(0, 4) + "*".repeat(account.length() - 8) + account.substring(account.length() - 4);
	}
}
