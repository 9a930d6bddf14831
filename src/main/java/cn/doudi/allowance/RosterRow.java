package cn.doudi.allowance;

import java.math.BigDecimal;
import java.time.YearMonth;

import cn.doudi.kernel.Program;

/**
 * One current row of the beneficiary roster (INPUTS.md {@code beneficiaries}), as the rules see it.
 * {@code relation} is normalised: {@code 户主} stands for 户主/本人. {@code endMonth} is null when open.
 * {@code householdIncome} is set for DIBAO_* rows.
 */
public record RosterRow(String county, String regionCode, String householdId, String idNumber, String name,
		String relation, Program program, String category, BigDecimal householdIncome, YearMonth startMonth,
		YearMonth endMonth, String bank, String accountNumber, String accountName) {

	public boolean isHead() {
		return "户主".equals(relation);
	}

	/** start ≤ M and (no end or M ≤ end); being alive is checked separately. */
	public boolean enrolledIn(YearMonth month) {
		return !startMonth.isAfter(month) && (endMonth == null || !month.isAfter(endMonth));
	}
}
