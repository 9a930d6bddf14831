package cn.doudi.matching.checks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import cn.doudi.allowance.ActiveRoster.Enrollment;
import cn.doudi.identity.IdNumber;
import cn.doudi.identity.PersonName;
import cn.doudi.kernel.FindingCode;
import cn.doudi.matching.RaisedFinding;
import cn.doudi.matching.roster.CurrentRoster;
import cn.doudi.matching.roster.RosterRecords;

/**
 * DEATH_PROBABLE (HOLD): a death record that matches no beneficiary by ID (a valid ID on no roster row,
 * or a flagged ID that never matches by ID), and a person with an active roster row of the county in M
 * whose name matches and whose ID body (17 digits, check digit left out) is at most one substitution or
 * one adjacent swap away. The person is held, never stopped. Only deaths with death month ≤ M count
 * (what run M can know, as for DECEASED). Blocking by {@link OneEditIndex}, never all pairs.
 */
@Component
class DeathProbableCheck implements Check<DeathProbableCheck.Records> {

	record Death(String idNumber, String body, String name, String date) {
	}

	/** The county's roster and the deaths that match no beneficiary by ID, indexed by ID body. */
	record Records(RosterRecords roster, OneEditIndex<Death> deaths) {
	}

	@Override
	public FindingCode code() {
		return FindingCode.DEATH_PROBABLE;
	}

	@Override
	public Records read(CheckReader reader) {
		OneEditIndex<Death> index = new OneEditIndex<>();
		reader.jdbc().query("""
				select d.id_number, d.name, d.death_date from current_death d
				""" + CurrentRoster.anyRow("d.id_valid and x.id_number = d.id_number", "b") + """
				where d.death_date < ? and b.hit is null
				order by d.id
				""", rs -> {
			String body = OneEditIndex.body(rs.getString(1));
			if (body != null) {
				index.add(body, new Death(rs.getString(1), body, rs.getString(2), rs.getDate(3).toLocalDate().toString()));
			}
		}, java.sql.Date.valueOf(reader.months().last().plusMonths(1).atDay(1)));
		return new Records(index.isEmpty() ? null : reader.roster(), index);
	}

	/**
	 * Each person of the county's active enrollments is probed by the ID body; only the few whose body has
	 * a death within one edit known by M are grouped with all their enrollments (for the name) — no ordered
	 * map of every person — and the findings come in ID order, as they did from a map ordered by ID.
	 */
	@Override
	public List<RaisedFinding> decide(Records records, CheckMonth month) {
		if (records.deaths().isEmpty()) {
			return List.of();
		}
		String knownBy = month.knownBy().toString();
		List<Enrollment> enrollments = records.roster().in(month.month()).enrollments().stream()
			.filter(e -> e.county().equals(month.county()))
			.toList();
		Map<String, List<Death>> near = new HashMap<>();
		for (Enrollment e : enrollments) {
			String id = e.idNumber();
			if (near.containsKey(id)) {
				continue;
			}
			String body = IdNumber.of(id).body();
			List<Death> within = records.deaths().candidates(body).stream()
				.filter(d -> d.date().compareTo(knownBy) < 0)
				.filter(d -> OneEditIndex.withinOneEdit(body, d.body()))
				.toList();
			if (!within.isEmpty()) {
				near.put(id, within);
			}
		}
		if (near.isEmpty()) {
			return List.of();
		}
		Map<String, List<Enrollment>> people = new TreeMap<>();
		for (Enrollment e : enrollments) {
			if (near.containsKey(e.idNumber())) {
				people.computeIfAbsent(e.idNumber(), k -> new ArrayList<>()).add(e);
			}
		}
		List<RaisedFinding> out = new ArrayList<>();
		people.forEach((id, mine) -> {
			List<Death> matches = near.get(id).stream()
				.filter(d -> mine.stream().anyMatch(e -> PersonName.matches(e.name(), d.name())))
				.toList();
			if (!matches.isEmpty()) {
				out.add(finding(month.county(), PersonRows.ofEnrollments(mine), matches));
			}
		});
		return out;
	}

	private RaisedFinding finding(String county, PersonRows p, List<Death> matches) {
		TreeSet<String> evidence = new TreeSet<>();
		List<String> seen = new ArrayList<>();
		for (Death d : matches) {
			evidence.add("death:" + d.idNumber() + ':' + d.date() + ':' + PersonName.matchKey(d.name()));
			seen.add(IdNumber.mask(d.idNumber()) + "（" + d.name() + "，" + d.date() + "死亡）");
		}
		String detail = "死亡信息与本人姓名相同、身份证号仅差一位：" + String.join("、", new TreeSet<>(seen))
				+ "；疑为本人死亡，暂停发放待核实（" + PersonRows.programNames(p.programs()) + "）";
		return new RaisedFinding(FindingCode.DEATH_PROBABLE, county, p.idNumber(), p.name(), p.householdId(),
				p.programs(), null, detail, RaisedFinding.evidence(evidence));
	}
}
