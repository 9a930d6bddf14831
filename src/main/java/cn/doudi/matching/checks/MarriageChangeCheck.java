package cn.doudi.matching.checks;

import java.time.YearMonth;
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
import cn.doudi.matching.roster.RosterRecords;

/**
 * MARRIAGE_CHANGE (INFO): a covered DIBAO member of the county in M — the person of a {@code marriages}
 * record or the spouse it names, matched by ID and name — married or divorced in or after the month the
 * member's row starts (and by the end of M: what run M can know): the household's composition may
 * have changed. One finding per covered member involved (both, when both are covered), naming the
 * member's DIBAO program.
 */
@Component
class MarriageChangeCheck implements Check<MarriageChangeCheck.Records> {

	private record Event(String kind, String date, String otherName, String otherId) {
	}

	/** A {@code marriages} record naming someone of the county's roster. */
	record Marriage(String idNumber, String name, String spouseId, String spouseName, String kind, String date) {
	}

	/** The county's roster and the marriage records naming its people, in (登记日期, id) order. */
	record Records(RosterRecords roster, List<Marriage> marriages) {
	}

	@Override
	public FindingCode code() {
		return FindingCode.MARRIAGE_CHANGE;
	}

	@Override
	public Records read(CheckReader reader) {
		List<Marriage> marriages = reader.jdbc().query("""
				with c as materialized (select distinct id_number from current_beneficiary where county = ?)
				select m.id_number, m.name, m.spouse_id_number, m.spouse_name, m.kind, m.registered_on::text
				from current_marriage m
				join (select x.id from current_marriage x join c on c.id_number = x.id_number
				      union
				      select x.id from current_marriage x join c on c.id_number = x.spouse_id_number) hit on hit.id = m.id
				where m.registered_on < ?
				order by m.registered_on, m.id
				""", (rs, i) -> new Marriage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6)), reader.county(),
				java.sql.Date.valueOf(reader.months().last().plusMonths(1).atDay(1)));
		return new Records(reader.roster(), marriages);
	}

	@Override
	public List<RaisedFinding> decide(Records records, CheckMonth month) {
		Map<String, List<Enrollment>> members = new HashMap<>(); // looked up by ID only
		records.roster().in(month.month()).enrollments().stream()
			.filter(e -> e.program().isDibao() && e.county().equals(month.county()))
			.forEach(e -> members.computeIfAbsent(e.idNumber(), k -> new ArrayList<>()).add(e));
		Map<String, List<Event>> events = new TreeMap<>();
		Map<String, Enrollment> involved = new TreeMap<>();
		String knownBy = month.knownBy().toString();
		for (Marriage m : records.marriages()) {
			if (m.date().compareTo(knownBy) >= 0) {
				continue;
			}
			side(members, m.idNumber(), m.name(), m.date()).ifPresent(e -> {
				involved.putIfAbsent(e.idNumber(), e);
				events.computeIfAbsent(e.idNumber(), k -> new ArrayList<>())
					.add(new Event(m.kind(), m.date(), m.spouseName(), m.spouseId()));
			});
			side(members, m.spouseId(), m.spouseName(), m.date()).ifPresent(e -> {
				involved.putIfAbsent(e.idNumber(), e);
				events.computeIfAbsent(e.idNumber(), k -> new ArrayList<>())
					.add(new Event(m.kind(), m.date(), m.name(), m.idNumber()));
			});
		}
		List<RaisedFinding> out = new ArrayList<>();
		events.forEach((id, list) -> {
			Enrollment e = involved.get(id);
			TreeSet<String> evidence = new TreeSet<>();
			TreeSet<String> told = new TreeSet<>();
			for (Event ev : list) {
				evidence.add("marriage:" + ev.kind() + ':' + ev.date() + ':' + ev.otherId());
				told.add(ev.date() + "登记" + ev.kind() + "（对方：" + ev.otherName() + "，" + IdNumber.mask(ev.otherId()) + "）");
			}
			String detail = "婚姻登记信息：" + String.join("；", told) + "。家庭人口可能变化，请核实家庭成员和收入（"
					+ e.program().chineseName() + "，户" + e.householdId() + "）";
			out.add(new RaisedFinding(code(), month.county(), id, e.name(), e.householdId(), Set.of(e.program()), null,
					detail, RaisedFinding.evidence(evidence)));
		});
		return out;
	}

	/** The covered member this side of the record names (ID and name), when registered in or after the row's start. */
	private static java.util.Optional<Enrollment> side(Map<String, List<Enrollment>> members, String id, String name,
			String date) {
		YearMonth registered = YearMonth.parse(date.substring(0, 7));
		return members.getOrDefault(id, List.of()).stream()
			.filter(e -> PersonName.matches(e.name(), name) && !registered.isBefore(e.start()))
			.findFirst();
	}
}
