package cn.doudi.matching;

import java.time.YearMonth;

/**
 * The mismatch report's summary for one run (CHECKS.md "Silent certification"): people with an active
 * enrollment of the county in M ({@code checked}), those of them named by an open HOLD finding of the
 * run ({@code held}: check and rule findings alike), the others certified silently, and the LEAD
 * findings (应保尽保) listed.
 */
public record CheckCounts(long runId, String county, YearMonth month, int checked, int held, int certifiedSilently,
		int leads) {
}
