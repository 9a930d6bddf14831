package cn.doudi.allowance;

import java.time.YearMonth;

import cn.doudi.kernel.Program;

/**
 * An enrollment that ends by rule in month {@code endedMonth} (the first month with nothing paid):
 * {@code GRADUAL_EXIT_END} (DIBAO household, {@code idNumber} "") or {@code AGED_OUT} (ORPHAN,
 * DE_FACTO_CHILD).
 */
public record EnrollmentEnded(String county, Program program, String householdId, String idNumber,
		YearMonth endedMonth, String reason) {
}
