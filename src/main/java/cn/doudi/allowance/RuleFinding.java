package cn.doudi.allowance;

import java.util.SortedSet;

import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Program;

/**
 * A finding the rules raise themselves: AGE_INELIGIBLE, DISABILITY_NOT_FOUND,
 * DISABILITY_GRADE_INELIGIBLE, LIVING_SUBSIDY_NOT_POOR, PAYEE_DECEASED (HOLD) and INCOME_ABOVE_STANDARD
 * (INFO). {@code idNumber} is the person's, the 户主's for household findings. {@code detail} is Chinese.
 */
public record RuleFinding(FindingCode code, String county, String idNumber, String name, String householdId,
		SortedSet<Program> programs, String detail) {
}
