package cn.doudi.matching.checks;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import cn.doudi.allowance.ActiveRoster;
import cn.doudi.allowance.RosterRow;
import cn.doudi.identity.PersonName;
import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Program;
import cn.doudi.matching.MatchedRecords;
import cn.doudi.matching.MatchedRecords.PersonRef;
import cn.doudi.matching.RaisedFinding;
import cn.doudi.matching.roster.CurrentRoster;
import cn.doudi.matching.roster.RosterRecords;

/**
 * SEVERE_DISABILITY_NOT_COVERED (LEAD): a living person with a valid certificate qualifying for
 * DISABILITY_CARE (RULES.md: the most severe certificate counts; grade 1 or 2 any type, grade 3 or 4 of
 * type 智力/精神 where the county has the 三级智力精神 / 四级智力精神 row in force in M) and no active
 * DISABILITY_CARE enrollment in M in any county. The person's county is that of their roster rows (the
 * lowest county code when several; the certificate must then match a roster name), else the ID's
 * first 6 digits when that county has a standards row, else no finding.
 */
@Component
class SevereDisabilityNotCoveredCheck implements Check<SevereDisabilityNotCoveredCheck.Records> {

	record Cert(String idNumber, String name, String certificateNo, int type, int grade) {
	}

	/**
	 * Per person with a valid certificate who is of the county (roster rows, or the ID's county), the
	 * certificate that counts; the roster rows of their households; the month the county's 三级 / 四级智力精神
	 * rows take effect (null: never); their death months.
	 */
	record Records(Map<String, Cert> counting, RosterRecords roster, YearMonth thirdFrom, YearMonth fourthFrom,
			Map<String, YearMonth> deathMonths) {
	}

	static final Comparator<Cert> MOST_SEVERE_FIRST = Comparator.comparingInt(Cert::grade)
		.thenComparing(c -> c.type() == 5 || c.type() == 6 ? 0 : 1)
		.thenComparingInt(Cert::type)
		.thenComparing(Cert::certificateNo);

	private static final String[] TYPES = { "", "视力", "听力", "言语", "肢体", "智力", "精神", "多重" };
	private static final String[] GRADES = { "", "一级", "二级", "三级", "四级" };

	@Override
	public FindingCode code() {
		return FindingCode.SEVERE_DISABILITY_NOT_COVERED;
	}

	@Override
	public Records read(CheckReader reader) {
		// the valid certificates of the county's people and of the people of the county (by ID) on no roster:
		// two disjoint sets of people (on the county's roster, on none), all of each one's valid certificates
		// (those of the county's IDs as the reader read them for every check, in ID and number order)
		Map<String, List<Cert>> certs = new TreeMap<>();
		reader.byCountyIds().certificates().stream().filter(MatchedRecords.CertificateRecord::valid)
			.forEach(c -> certs.computeIfAbsent(c.idNumber(), k -> new ArrayList<>())
				.add(new Cert(c.idNumber(), c.name(), c.certificateNo(), c.type(), c.grade())));
		reader.jdbc().query("""
				select d.id_number, d.name, d.certificate_no, d.type, d.grade from current_disability d
				""" + CurrentRoster.anyRow("x.id_number = d.id_number", "b") + """
				where d.valid and substr(d.id_number, 1, 6) = ? and b.hit is null
				order by 1, 3
				""", rs -> {
			certs.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
				.add(new Cert(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5)));
		}, reader.county());
		if (certs.isEmpty()) {
			return new Records(Map.of(), null, null, null, Map.of());
		}
		RosterRecords roster = reader.rosterOfPeople(certs.keySet());
		Map<String, List<RosterRow>> rows = rowsByPerson(roster);
		Map<String, Cert> counting = new TreeMap<>();
		certs.forEach((id, list) -> {
			List<RosterRow> own = rows.getOrDefault(id, List.of());
			String county = own.stream().map(RosterRow::county).min(String::compareTo)
				.orElse(reader.systemCounties().contains(id.substring(0, 6)) ? id.substring(0, 6) : null);
			if (!reader.county().equals(county)) {
				return;
			}
			List<RosterRow> named = own.stream().filter(r -> r.county().equals(county)).toList();
			list.stream()
				.filter(c -> named.isEmpty() ? own.isEmpty() : named.stream().anyMatch(r -> PersonName.matches(r.name(), c.name())))
				.min(MOST_SEVERE_FIRST)
				.ifPresent(c -> counting.put(id, c));
		});
		Map<String, YearMonth> deaths = reader.deathMonthsOf(counting.values().stream()
			.map(c -> new PersonRef(c.idNumber(), nameOf(c, rows))).toList());
		return new Records(counting, roster, reader.standardFrom("DISABILITY_CARE", "三级智力精神"),
				reader.standardFrom("DISABILITY_CARE", "四级智力精神"), deaths);
	}

	@Override
	public List<RaisedFinding> decide(Records records, CheckMonth month) {
		if (records.counting().isEmpty()) {
			return List.of();
		}
		ActiveRoster roster = records.roster().in(month.month());
		Map<String, List<RosterRow>> rows = rowsByPerson(records.roster());
		Set<String> caredFor = new HashSet<>();
		roster.enrollments().stream().filter(e -> e.program() == Program.DISABILITY_CARE)
			.forEach(e -> caredFor.add(e.idNumber()));
		boolean third = inForce(records.thirdFrom(), month);
		boolean fourth = inForce(records.fourthFrom(), month);
		List<RaisedFinding> out = new ArrayList<>();
		for (Cert c : records.counting().values()) {
			boolean qualifies = c.grade() <= 2 || (c.type() == 5 || c.type() == 6) && (c.grade() == 3 ? third : fourth);
			if (!qualifies || caredFor.contains(c.idNumber())
					|| month.deadFor(records.deathMonths().get(c.idNumber()))) {
				continue;
			}
			List<RosterRow> named = rows.getOrDefault(c.idNumber(), List.of()).stream()
				.filter(r -> r.county().equals(month.county())).toList();
			PersonRows p = named.isEmpty() ? null : PersonRows.of(named);
			String detail = "持有效残疾证（" + GRADES[c.grade()] + TYPES[c.type()] + "），未享受重度残疾人护理补贴"
					+ (p == null ? "，且不在本系统花名册上" : "") + "：请核实是否符合条件（应保尽保）";
			out.add(new RaisedFinding(code(), month.county(), c.idNumber(), p == null ? c.name() : p.name(),
					p == null ? "" : p.householdId(), Set.of(Program.DISABILITY_CARE), null, detail,
					"disability:" + c.certificateNo() + '|' + c.type() + '|' + c.grade()));
		}
		return out;
	}

	private static boolean inForce(YearMonth from, CheckMonth month) {
		return from != null && !from.isAfter(month.month());
	}

	private static Map<String, List<RosterRow>> rowsByPerson(RosterRecords roster) {
		Map<String, List<RosterRow>> rows = new HashMap<>(); // looked up by ID only
		roster.rows().forEach(r -> rows.computeIfAbsent(r.idNumber(), k -> new ArrayList<>()).add(r));
		return rows;
	}

	private static String nameOf(Cert c, Map<String, List<RosterRow>> rows) {
		List<RosterRow> own = rows.getOrDefault(c.idNumber(), List.of());
		return own.isEmpty() ? c.name() : own.get(0).name();
	}
}
