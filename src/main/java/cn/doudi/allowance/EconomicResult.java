package cn.doudi.allowance;

import java.math.BigDecimal;
import java.time.YearMonth;

/** A household's 家庭经济状况核对 result (INPUTS.md {@code economic}). */
public record EconomicResult(String householdId, YearMonth checkMonth, BigDecimal householdIncome, int vehicles,
		int properties, boolean businessRegistered, boolean publicEmployee) {
}
