package cn.doudi.allowance;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the rules need to compute county {@code county}'s lines for month {@code month}, with
 * today's knowledge. Loaded by the payroll module; the rules never touch a database. The same record
 * for an earlier month m (with today's rosters, deaths and decisions, and the lines run m−1 produced)
 * gives the lines "the rules applied to m with today's knowledge" for arrears.
 *
 * @param roster the county's current roster rows (every program; the rules decide what is active)
 * @param deathMonths earliest matching death month per ID number (deaths matched by ID and name);
 *        a person is dead for M when the death month is before M
 * @param certificates the certificates that count (valid, matched by ID and name), per ID number
 * @param economic every economic result per household ID (the rules take the latest with 核对月份 ≤ M)
 * @param previousDibao the current-month DIBAO line run M−1 produced, per {@code program|household}
 * @param endedEnrollments keys {@code program|household|id} ("" id for DIBAO) of enrollments ended
 *        by rule, with the month they ended (the first month with nothing paid); only ends before M
 *        count, so the map may hold later ends too (arrears for an earlier month)
 * @param tempAssist approved TEMP_ASSIST cases of the county whose 审批月份 is M
 * @param holds open HOLD findings from the cross-agency checks (the hook the checks plug into)
 * @param otherCountyLines the current-month lines of month M that {@link MonthRules} computes for the
 *        other counties (each from its own inputs) for people on this county's roster; only their
 *        DIBAO_*, TEKUN, ORPHAN and DE_FACTO_CHILD lines are read, to choose a person's price-subsidy
 *        qualifying line across counties (RULES.md PRICE_SUBSIDY). Empty: no other county has one.
 */
public record MonthInputs(String county, YearMonth month, List<RosterRow> roster, Map<String, YearMonth> deathMonths,
		Map<String, List<Certificate>> certificates, Map<String, List<EconomicResult>> economic,
		Map<String, PreviousDibaoLine> previousDibao, Map<String, YearMonth> endedEnrollments,
		List<TempAssistCase> tempAssist, List<CheckHold> holds, Standards standards, Optional<Cpi> cpi,
		List<ComputedLine> otherCountyLines) {

	public MonthInputs {
		otherCountyLines = otherCountyLines == null ? List.of() : otherCountyLines;
	}

	/** Without lines of other counties (a person on no other county's roster). */
	public MonthInputs(String county, YearMonth month, List<RosterRow> roster, Map<String, YearMonth> deathMonths,
			Map<String, List<Certificate>> certificates, Map<String, List<EconomicResult>> economic,
			Map<String, PreviousDibaoLine> previousDibao, Map<String, YearMonth> endedEnrollments,
			List<TempAssistCase> tempAssist, List<CheckHold> holds, Standards standards, Optional<Cpi> cpi) {
		this(county, month, roster, deathMonths, certificates, economic, previousDibao, endedEnrollments, tempAssist,
				holds, standards, cpi, List.of());
	}

	public boolean isDead(String idNumber) {
		YearMonth d = deathMonths.get(idNumber);
		return d != null && d.isBefore(month);
	}

	public static String enrollmentKey(String program, String householdId, String idNumber) {
		return program + '|' + householdId + '|' + (idNumber == null ? "" : idNumber);
	}

	/** The same inputs with the other counties' lines for this county's people. */
	public MonthInputs withOtherCountyLines(List<ComputedLine> lines) {
		return new MonthInputs(county, month, roster, deathMonths, certificates, economic, previousDibao,
				endedEnrollments, tempAssist, holds, standards, cpi, lines);
	}

	/** The same inputs without other counties' lines. */
	public MonthInputs withoutOtherCounties() {
		return withOtherCountyLines(List.of());
	}
}
