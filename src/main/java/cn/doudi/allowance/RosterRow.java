package cn.doudi.allowance;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

import cn.doudi.kernel.PaymentKey;
import cn.doudi.kernel.Program;

/**
 * One current row of the beneficiary roster (INPUTS.md {@code beneficiaries}), as the rules and the
 * checks see it. {@code relation} is normalised: {@code 户主} stands for 户主/本人. {@code endMonth} is null
 * when open. {@code householdIncome} is set for DIBAO_* rows.
 */
public record RosterRow(String county, String regionCode, String householdId, String idNumber, String name,
		String relation, Program program, String category, @Nullable BigDecimal householdIncome, YearMonth startMonth,
		@Nullable YearMonth endMonth, String bank, String accountNumber, String accountName) {

	public boolean isHead() {
		return "户主".equals(relation) || "本人".equals(relation);
	}

	/** start ≤ M and (no end or M ≤ end); being alive is checked separately. */
	public boolean enrolledIn(YearMonth month) {
		return !startMonth.isAfter(month) && (endMonth == null || !month.isAfter(endMonth));
	}

	/** The enrollment the row belongs to: the household's for DIBAO_*, the person's own otherwise. */
	public PaymentKey enrollment() {
		return PaymentKey.of(program, householdId, idNumber);
	}
}
