package cn.doudi.matching.checks;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import cn.doudi.allowance.RosterRow;
import cn.doudi.identity.PersonName;
import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Program;
import cn.doudi.matching.RaisedFinding;


/**
 * DECEASED (STOP): a death record matching a person on the county's roster by ID and name, with death
 * month ≤ M. Raised by the first run that knows the death and listed while the person has any row on
 * the county's roster — active or not, ended by rule or not — so that operators remove it. The payment
 * itself stops by rule (MatchedRecords feeds the rules); this finding only reports it.
 */
@Component
class DeceasedCheck implements Check<List<DeceasedCheck.Match>> {

	/** A row of the county's roster and a death record matching it by ID and name. */
	record Match(String idNumber, String rosterName, Program program, String householdId, String deathName,
			LocalDate date, String origin) {
	}

	private record Death(LocalDate date, String name, String origin) {
	}

	@Override
	public FindingCode code() {
		return FindingCode.DECEASED;
	}

	@Override
	public List<Match> read(CheckReader reader) {
		List<Match> matches = new ArrayList<>();
		reader.jdbc().query("""
				select b.id_number, b.name, b.program, b.household_id, d.name, d.death_date, coalesce(d.origin, '')
				from current_beneficiary b join current_death d on d.id_valid and d.id_number = b.id_number
				where b.county = ? and d.death_date < ?
				order by b.id_number, b.program, b.household_id, d.death_date, d.id
				""", rs -> {
			if (PersonName.matches(rs.getString(2), rs.getString(5))) {
				matches.add(new Match(rs.getString(1), rs.getString(2), Program.valueOf(rs.getString(3)), rs.getString(4),
						rs.getString(5), rs.getDate(6).toLocalDate(), rs.getString(7)));
			}
		}, reader.county(), java.sql.Date.valueOf(reader.months().last().plusMonths(1).atDay(1)));
		return matches;
	}

	@Override
	public List<RaisedFinding> decide(List<Match> matches, CheckMonth month) {
		Map<String, List<RosterRow>> rows = new TreeMap<>();
		Map<String, TreeMap<LocalDate, Death>> deaths = new TreeMap<>();
		for (Match m : matches) {
			if (!m.date().isBefore(month.knownBy())) {
				continue;
			}
			RosterRow row = new RosterRow(month.county(), "", m.householdId(), m.idNumber(), m.rosterName(), "",
					m.program(), "", null, month.month(), null, "", "", "");
			List<RosterRow> list = rows.computeIfAbsent(m.idNumber(), k -> new ArrayList<>());
			if (list.stream().noneMatch(r -> r.program() == row.program() && r.householdId().equals(row.householdId()))) {
				list.add(row);
			}
			deaths.computeIfAbsent(m.idNumber(), k -> new TreeMap<>())
				.putIfAbsent(m.date(), new Death(m.date(), m.deathName(), m.origin()));
		}
		List<RaisedFinding> out = new ArrayList<>();
		rows.forEach((id, list) -> {
			PersonRows p = PersonRows.of(list);
			Death first = deaths.get(id).firstEntry().getValue();
			TreeSet<String> evidence = new TreeSet<>();
			deaths.get(id).values().forEach(d -> evidence.add("death:" + d.date() + ':' + PersonName.matchKey(d.name())));
			String detail = "死亡信息" + (first.origin().isEmpty() ? "" : "（" + first.origin() + "）") + "：" + first.date()
					+ "死亡，" + YearMonth.from(first.date()).plusMonths(1) + "起停发；仍在花名册上（"
					+ PersonRows.programNames(p.programs()) + "），请经办人核实后移除";
			out.add(new RaisedFinding(code(), month.county(), id, p.name(), p.householdId(), p.programs(), null, detail,
					RaisedFinding.evidence(evidence)));
		});
		return out;
	}
}
