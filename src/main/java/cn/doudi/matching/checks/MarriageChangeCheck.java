package cn.doudi.matching.checks;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import cn.doudi.identity.IdNumber;
import cn.doudi.identity.PersonName;
import cn.doudi.kernel.FindingCode;
import cn.doudi.matching.RaisedFinding;
import cn.doudi.matching.roster.Enrollment;

/**
 * MARRIAGE_CHANGE (INFO): a covered DIBAO member of the county in M — the person of a {@code marriages}
 * record or the spouse it names, matched by ID and name — married or divorced in or after the month the
 * member's row starts (and by the end of M: what run M can know): the household's composition may
 * have changed. One finding per covered member involved (both, when both are covered), naming the
 * member's DIBAO program.
 */
@Component
class MarriageChangeCheck implements Check {

	private record Event(String kind, String date, String otherName, String otherId) {
	}

	@Override
	public FindingCode code() {
		return FindingCode.MARRIAGE_CHANGE;
	}

	@Override
	public List<RaisedFinding> run(CheckContext ctx) {
		Map<String, List<Enrollment>> members = new TreeMap<>();
		ctx.roster().enrollments().stream()
			.filter(e -> e.program().isDibao() && e.county().equals(ctx.county()))
			.forEach(e -> members.computeIfAbsent(e.idNumber(), k -> new ArrayList<>()).add(e));
		Map<String, List<Event>> events = new TreeMap<>();
		Map<String, Enrollment> involved = new TreeMap<>();
		ctx.jdbc().query("""
				with c as materialized (select distinct id_number from current_beneficiary where county = ?)
				select m.id_number, m.name, m.spouse_id_number, m.spouse_name, m.kind, m.registered_on::text
				from current_marriage m
				join (select x.id from current_marriage x join c on c.id_number = x.id_number
				      union
				      select x.id from current_marriage x join c on c.id_number = x.spouse_id_number) hit on hit.id = m.id
				where m.registered_on < ?
				order by m.registered_on, m.id
				""", rs -> {
			String id = rs.getString(1);
			String name = rs.getString(2);
			String spouseId = rs.getString(3);
			String spouseName = rs.getString(4);
			String kind = rs.getString(5);
			String date = rs.getString(6);
			side(members, id, name, date).ifPresent(e -> {
				involved.putIfAbsent(e.idNumber(), e);
				events.computeIfAbsent(e.idNumber(), k -> new ArrayList<>()).add(new Event(kind, date, spouseName, spouseId));
			});
			side(members, spouseId, spouseName, date).ifPresent(e -> {
				involved.putIfAbsent(e.idNumber(), e);
				events.computeIfAbsent(e.idNumber(), k -> new ArrayList<>()).add(new Event(kind, date, name, id));
			});
		}, ctx.county(), java.sql.Date.valueOf(ctx.month().plusMonths(1).atDay(1)));
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
			out.add(new RaisedFinding(code(), ctx.county(), id, e.name(), e.householdId(), Set.of(e.program()), null,
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
