package cn.doudi.matching.checks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import cn.doudi.allowance.ActiveRoster.Enrollment;
import cn.doudi.identity.PersonName;
import cn.doudi.kernel.FindingCode;
import cn.doudi.matching.RaisedFinding;
import cn.doudi.matching.roster.RosterRecords;

/**
 * NAME_MISMATCH (HOLD): the ID of a person with an active roster row of the county in M is in
 * {@code deaths} (valid IDs), {@code disability} (any status) or {@code poverty}, under a name that
 * matches none of the person's names on the county's roster (CHECKS.md "Matching people": 劉 = 刘,
 * 王*明 = 王喆明, middle dots unified). Such a death record stops nothing: it holds.
 */
@Component
class NameMismatchCheck implements Check<NameMismatchCheck.Records> {

	/** Another agency's record of an ID on the county's roster: which source, the name, its own key. */
	record Other(String idNumber, String source, String name, String key) {
	}

	record Records(RosterRecords roster, List<Other> others) {
	}

	@Override
	public FindingCode code() {
		return FindingCode.NAME_MISMATCH;
	}

	@Override
	public Records read(CheckReader reader) {
		// deaths (valid IDs), certificates (any status) and poverty rows of the county's IDs, each as the reader
		// read them once for every check
		List<Other> others = new ArrayList<>();
		reader.deathRecordsOf(List.of(reader.countyIds()))
			.forEach(d -> others.add(new Other(d.idNumber(), "死亡信息", d.name(), d.date().toString())));
		CheckReader.ByCountyIds byIds = reader.byCountyIds();
		byIds.certificates().forEach(c -> others.add(new Other(c.idNumber(), "残疾人信息", c.name(), c.certificateNo())));
		byIds.poverty().forEach(p -> others.add(new Other(p.idNumber(), "扶贫信息", p.name(), "")));
		return new Records(reader.roster(), others);
	}

	@Override
	public List<RaisedFinding> decide(Records records, CheckMonth month) {
		Map<String, List<Enrollment>> people = new HashMap<>(); // looked up by ID only
		records.roster().in(month.month()).enrollments().stream().filter(e -> e.county().equals(month.county()))
			.forEach(e -> people.computeIfAbsent(e.idNumber(), k -> new ArrayList<>()).add(e));
		Map<String, List<Other>> others = new TreeMap<>();
		for (Other o : records.others()) {
			List<Enrollment> mine = people.get(o.idNumber());
			if (mine != null && mine.stream().noneMatch(e -> PersonName.matches(e.name(), o.name()))) {
				others.computeIfAbsent(o.idNumber(), k -> new ArrayList<>()).add(o);
			}
		}
		List<RaisedFinding> out = new ArrayList<>();
		others.forEach((id, list) -> {
			PersonRows p = PersonRows.ofEnrollments(people.get(id));
			TreeSet<String> evidence = new TreeSet<>();
			TreeSet<String> seen = new TreeSet<>();
			for (Other o : list) {
				evidence.add(o.source() + ':' + PersonName.matchKey(o.name()) + ':' + o.key());
				seen.add(o.source() + "姓名为“" + o.name() + "”");
			}
			String detail = "同一身份证号，" + String.join("、", seen) + "，与花名册姓名“" + p.name()
					+ "”不一致：核实身份前暂停发放（" + PersonRows.programNames(p.programs()) + "）";
			out.add(new RaisedFinding(code(), month.county(), id, p.name(), p.householdId(), p.programs(), null, detail,
					RaisedFinding.evidence(evidence)));
		});
		return out;
	}
}
