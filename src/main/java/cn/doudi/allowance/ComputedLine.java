package cn.doudi.allowance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.SortedSet;

import cn.doudi.kernel.Program;

/**
 * One payment line as the rules compute it (a row of {@code payments.csv}). {@code category} is the
 * standard's category ("" for DIBAO_*, {@code 渐退} for a DIBAO line in gradual exit, "" for
 * TEMP_ASSIST and PRICE_SUBSIDY). {@code reasons} are the holding finding codes (empty for PAY). DIBAO
 * lines carry {@code members} (n), {@code phase}, {@code regularAmount} and {@code exitMonthNo} for the
 * next month's run, and {@code memberIds}, the sorted ID numbers of the covered members the line was
 * computed for (the DIBAO stop rule "every member covered on its M−1 line is dead", the arrears rule
 * "any member covered on the line being back-paid", and the price subsidy of the members); other lines
 * leave the first four null and {@code memberIds} empty.
 */
public record ComputedLine(String county, String regionCode, Program program, String category, String householdId,
		String idNumber, String name, YearMonth payMonth, BigDecimal amount, LineStatus status,
		SortedSet<String> reasons, String bank, String accountNumber, String accountName, boolean arrears,
		Integer members, DibaoPhase phase, BigDecimal regularAmount, Integer exitMonthNo, List<String> memberIds) {

	public ComputedLine {
		memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
	}

	/** The original shape, without covered member IDs (kept for callers written against it). */
	public ComputedLine(String county, String regionCode, Program program, String category, String householdId,
			String idNumber, String name, YearMonth payMonth, BigDecimal amount, LineStatus status,
			SortedSet<String> reasons, String bank, String accountNumber, String accountName, boolean arrears,
			Integer members, DibaoPhase phase, BigDecimal regularAmount, Integer exitMonthNo) {
		this(county, regionCode, program, category, householdId, idNumber, name, payMonth, amount, status, reasons,
				bank, accountNumber, accountName, arrears, members, phase, regularAmount, exitMonthNo, List.of());
	}

	/** The line's key without the pay month: {@code program|household} for DIBAO_*, else {@code program|household|id}. */
	public String paymentKey() {
		return program.perHousehold() ? program.name() + '|' + householdId
				: program.name() + '|' + householdId + '|' + idNumber;
	}

	/** The people the line is for: the covered members of a DIBAO line, else the line's own person. */
	public List<String> persons() {
		return program.perHousehold() ? memberIds : List.of(idNumber);
	}
}
