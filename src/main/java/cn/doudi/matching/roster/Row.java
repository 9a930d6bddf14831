package cn.doudi.matching.roster;

import java.time.YearMonth;

import cn.doudi.kernel.Program;

/**
 * One current roster row as the checks read it. {@code endedByRule} is the month the row's enrollment
 * ended by rule (GRADUAL_EXIT_END, AGED_OUT) in an approved run before the month checked — for DIBAO_*
 * the household's enrollment — or null.
 */
public record Row(String county, String regionCode, String householdId, String idNumber, String name, String relation,
		Program program, String category, YearMonth start, YearMonth end, String account, YearMonth endedByRule) {

	public boolean isHead() {
		return "户主".equals(relation) || "本人".equals(relation);
	}

	/** start ≤ M ≤ end (the row's own months). */
	public boolean enrolledIn(YearMonth month) {
		return !start.isAfter(month) && (end == null || !month.isAfter(end));
	}
}
