package cn.doudi.allowance;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Today's records of one county, as the rules read them whatever the month they are applied to (RULES.md
 * "Arrears": "the rules applied to m with today's knowledge").
 *
 * @param roster the county's current roster rows (every program)
 * @param deathMonths earliest death month per ID number, of deaths matching the person by ID and name
 *        (the roster's people and the people the TEMP_ASSIST cases name)
 * @param certificates the certificates that count, per ID number
 * @param economic every economic result per household ID
 * @param tempAssist the county's approved TEMP_ASSIST cases of the months the rules are applied to
 * @param cpi the {@code cpi} row of each of those months that has one
 */
public record CountyRecords(String county, List<RosterRow> roster, Map<String, YearMonth> deathMonths,
		Map<String, List<Certificate>> certificates, Map<String, List<EconomicResult>> economic, Standards standards,
		List<TempAssistCase> tempAssist, Map<YearMonth, Cpi> cpi) {

	public CountyRecords {
		roster = List.copyOf(roster);
		deathMonths = Map.copyOf(deathMonths);
		certificates = Map.copyOf(certificates);
		economic = Map.copyOf(economic);
		tempAssist = List.copyOf(tempAssist);
		cpi = Map.copyOf(cpi);
	}

	public Optional<Cpi> cpi(YearMonth month) {
		return Optional.ofNullable(cpi.get(month));
	}

	/** The approved cases whose 审批月份 is {@code month}, in the order given. */
	public List<TempAssistCase> tempAssist(YearMonth month) {
		return tempAssist.stream().filter(c -> month.equals(c.approvalMonth())).toList();
	}
}
