package cn.doudi.matching.checks;

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
import cn.doudi.matching.roster.ActiveRoster;

/**
 * POVERTY_NOT_COVERED (LEAD): a person in {@code poverty} as 未脱贫人口, 脱贫监测人口 or 贫困边缘人口 whose
 * record's 区划代码 is in the county, alive for M (no death record matching ID and name before M), whose
 * ID is not a covered member of an active DIBAO_* or TEKUN enrollment in M in any county (应保尽保).
 * The household is the poverty record's (扶贫户编号); {@code programs} is empty: a lead touches no line.
 */
@Component
class PovertyNotCoveredCheck implements Check {

	static final Set<String> CATEGORIES = Set.of("未脱贫人口", "脱贫监测人口", "贫困边缘人口");

	private record Poor(String idNumber, String name, String householdId, Set<String> categories) {
	}

	@Override
	public FindingCode code() {
		return FindingCode.POVERTY_NOT_COVERED;
	}

	@Override
	public List<RaisedFinding> run(CheckContext ctx) {
		Map<String, Poor> poor = new LinkedHashMap<>();
		ctx.jdbc().query("""
				select id_number, name, household_id, category from current_poverty
				where county = ? and category in ('未脱贫人口', '脱贫监测人口', '贫困边缘人口')
				order by id_number, import_id, file_no, row_no
				""", rs -> {
			String name = rs.getString(2);
			String household = rs.getString(3);
			poor.computeIfAbsent(rs.getString(1), k -> new Poor(k, name, household, new TreeSet<>()))
				.categories()
				.add(rs.getString(4));
		}, ctx.county());
		if (poor.isEmpty()) {
			return List.of();
		}
		ActiveRoster roster = ctx.rosterOf("""
				select o.household_id from current_beneficiary o
				join (select distinct p.id_number from current_poverty p where p.county = ?) p on p.id_number = o.id_number
				""", ctx.county());
		Set<String> covered = new HashSet<>();
		roster.enrollments().stream().filter(e -> e.program().isDibao() || e.program() == Program.TEKUN)
			.forEach(e -> covered.add(e.idNumber()));
		Set<String> dead = ctx.deadFor(poor.values().stream().map(p -> new PersonRef(p.idNumber(), p.name())).toList());
		List<RaisedFinding> out = new ArrayList<>();
		for (Poor p : poor.values()) {
			if (covered.contains(p.idNumber()) || dead.contains(p.idNumber())) {
				continue;
			}
			String categories = String.join("、", p.categories());
			String detail = "乡村振兴部门登记为" + categories + "（户" + p.householdId()
					+ "），未纳入低保或特困供养：请核实是否符合条件（应保尽保）";
			List<String> evidence = p.categories().stream().map(c -> "poverty:" + c).toList();
			out.add(new RaisedFinding(code(), ctx.county(), p.idNumber(), p.name(), p.householdId(), Set.of(), null,
					detail, RaisedFinding.evidence(evidence)));
		}
		return out;
	}
}
