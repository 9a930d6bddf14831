package cn.doudi.matching.checks;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Program;
import cn.doudi.matching.MatchedRecords.PersonRef;
import cn.doudi.matching.RaisedFinding;
import cn.doudi.matching.roster.RosterRecords;

/**
 * POVERTY_NOT_COVERED (LEAD): a person in {@code poverty} as 未脱贫人口, 脱贫监测人口 or 贫困边缘人口 whose
 * record's 区划代码 is in the county, alive for M (no death record matching ID and name before M), whose
 * ID is not a covered member of an active DIBAO_* or TEKUN enrollment in M in any county (应保尽保).
 * The household is the poverty record's (扶贫户编号); {@code programs} is empty: a lead touches no line.
 */
@Component
class PovertyNotCoveredCheck implements Check<PovertyNotCoveredCheck.Records> {

	static final Set<String> CATEGORIES = Set.of("未脱贫人口", "脱贫监测人口", "贫困边缘人口");

	/** A person of the county's {@code poverty} roster in a monitored category (the categories sorted). */
	record Poor(String idNumber, String name, String householdId, Set<String> categories) {
	}

	/** The monitored poor of the county, the households they have roster rows in, their death months. */
	record Records(List<Poor> poor, RosterRecords roster, Map<String, YearMonth> deathMonths) {
	}

	@Override
	public FindingCode code() {
		return FindingCode.POVERTY_NOT_COVERED;
	}

	@Override
	public Records read(CheckReader reader) {
		Map<String, Poor> poor = new LinkedHashMap<>();
		reader.jdbc().query("""
				select id_number, name, household_id, category from current_poverty
				where county = ? and category in ('未脱贫人口', '脱贫监测人口', '贫困边缘人口')
				order by id_number, import_id, file_no, row_no
				""", rs -> {
			String name = rs.getString(2);
			String household = rs.getString(3);
			poor.computeIfAbsent(rs.getString(1), k -> new Poor(k, name, household, new TreeSet<>()))
				.categories()
				.add(rs.getString(4));
		}, reader.county());
		if (poor.isEmpty()) {
			return new Records(List.of(), null, Map.of());
		}
		// the households of the monitored poor (only theirs decide: whether an enrollment is active depends on its
		// own household's rows alone)
		RosterRecords roster = reader.rosterOfPeople(poor.keySet());
		Map<String, YearMonth> deaths = reader.deathMonthsOf(
				poor.values().stream().map(p -> new PersonRef(p.idNumber(), p.name())).toList());
		return new Records(List.copyOf(poor.values()), roster, deaths);
	}

	/**
	 * A lead for each monitored poor person alive for M who is not a covered member of an active DIBAO_* or
	 * TEKUN enrollment in M, in any county — an enrollment ended by rule (gradual exit ended) covers nobody.
	 */
	@Override
	public List<RaisedFinding> decide(Records records, CheckMonth month) {
		if (records.poor().isEmpty()) {
			return List.of();
		}
		Set<String> covered = new HashSet<>();
		records.roster().in(month.month()).enrollments().stream()
			.filter(e -> e.program().isDibao() || e.program() == Program.TEKUN)
			.forEach(e -> covered.add(e.idNumber()));
		List<RaisedFinding> out = new ArrayList<>();
		for (Poor p : records.poor()) {
			if (covered.contains(p.idNumber()) || month.deadFor(records.deathMonths().get(p.idNumber()))) {
				continue;
			}
			String categories = String.join("、", p.categories());
			String detail = "乡村振兴部门登记为" + categories + "（户" + p.householdId()
					+ "），未纳入低保或特困供养：请核实是否符合条件（应保尽保）";
			List<String> evidence = p.categories().stream().map(c -> "poverty:" + c).toList();
			out.add(new RaisedFinding(code(), month.county(), p.idNumber(), p.name(), p.householdId(), Set.of(), null,
					detail, RaisedFinding.evidence(evidence)));
		}
		return out;
	}
}
