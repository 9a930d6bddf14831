package cn.doudi.allowance;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cross-agency checks' HOLD conditions of one county, month by month (CHECKS.md catalogue, the HOLD
 * codes that are not rule findings: NAME_MISMATCH, DEATH_PROBABLE, EXCLUSIVE_PROGRAMS, ASSETS_DISQUALIFY,
 * SHARED_ACCOUNT): for each month the rules are applied to, the findings the checks raise for that month
 * with today's records, less those a monitor dismissed for the same evidence. RULES.md "Arrears": "the
 * rules applied to m include the HOLD conditions of CHECKS.md evaluated for m with today's records" — so a
 * month a condition still holds for stays held, even when the finding closed since because the enrollment
 * ended; a dismissal (or corrected evidence) releases it. A month not given has no HOLD condition.
 */
public record HoldConditions(Map<YearMonth, List<CheckHold>> byMonth) {

	public static final HoldConditions NONE = new HoldConditions(Map.of());

	public HoldConditions {
		Map<YearMonth, List<CheckHold>> copy = new TreeMap<>();
		byMonth.forEach((m, holds) -> copy.put(m, List.copyOf(holds)));
		byMonth = java.util.Collections.unmodifiableMap(copy);
	}

	/** The same conditions in every month given (a test, or a county whose conditions do not change). */
	public static HoldConditions sameIn(List<CheckHold> holds, YearMonth... months) {
		Map<YearMonth, List<CheckHold>> map = new TreeMap<>();
		for (YearMonth m : months) {
			map.put(m, holds);
		}
		return new HoldConditions(map);
	}

	public List<CheckHold> forMonth(YearMonth month) {
		return byMonth.getOrDefault(month, List.of());
	}
}
