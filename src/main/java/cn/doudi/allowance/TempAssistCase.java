package cn.doudi.allowance;

import java.math.BigDecimal;
import java.time.YearMonth;

/** An approved 临时救助 case (INPUTS.md {@code temp-assist}). */
public record TempAssistCase(String county, String regionCode, String householdId, String idNumber, String name,
		String caseNo, YearMonth approvalMonth, BigDecimal amount, String bank, String accountNumber,
		String accountName) {
}
