package cn.doudi.review;

import java.time.YearMonth;

/**
 * A monitor dismissed a finding: a HOLD finding stops holding from the next run, whose arrears back-pay
 * the held months (RULES.md "Arrears"). {@code lastMonth} is the last month the finding was listed.
 */
public record FindingDismissed(long findingId, String code, String county, String idNumber, String programs,
		YearMonth lastMonth, String dismissedBy) {
}
