package cn.doudi.allowance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.SortedSet;

import cn.doudi.kernel.Program;

/**
 * One payment line as the rules compute it (a row of {@code payments.csv}). {@code category} is the
 * standard's category ("" for DIBAO_*, {@code 渐退} for a DIBAO line in gradual exit, "" for
 * TEMP_ASSIST). {@code reasons} are the holding finding codes (empty for PAY). DIBAO lines carry
 * {@code members} (n), {@code phase}, {@code regularAmount} and {@code exitMonthNo} for the next
 * month's run; other lines leave them null.
 */
public record ComputedLine(String county, String regionCode, Program program, String category, String householdId,
		String idNumber, String name, YearMonth payMonth, BigDecimal amount, LineStatus status,
		SortedSet<String> reasons, String bank, String accountNumber, String accountName, boolean arrears,
		Integer members, DibaoPhase phase, BigDecimal regularAmount, Integer exitMonthNo) {

	/** The line's key without the pay month: {@code program|household} for DIBAO_*, else {@code program|household|id}. */
	public String paymentKey() {
		return program.perHousehold() ? program.name() + '|' + householdId
				: program.name() + '|' + householdId + '|' + idNumber;
	}
}
