package cn.doudi.allowance;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import cn.doudi.kernel.PaymentKey;

/**
 * Everything the rules need to compute county {@code county}'s lines for one month {@code month}, with
 * today's knowledge: what {@link MonthRules#compute} takes. {@link MonthRules#settle} builds one for the
 * run month M and one for every earlier month m it applies the rules to (arrears, overpayments), from
 * today's records, the run history and the checks' HOLD conditions for that month.
 *
 * @param roster the county's current roster rows (every program; the rules decide what is active)
 * @param deathMonths earliest matching death month per ID number (deaths matched by ID and name);
 *        a person is dead for M when the death month is before M
 * @param certificates the certificates that count (valid, matched by ID and name), per ID number
 * @param economic every economic result per household ID (the rules take the latest with 核对月份 ≤ M)
 * @param previousDibao the current-month DIBAO line run M−1 produced, per key
 * @param endedEnrollments enrollments ended by rule, with the month they ended (the first month with
 *        nothing paid); only ends before M count, so the map may hold later ends too
 * @param tempAssist approved TEMP_ASSIST cases of the county whose 审批月份 is M
 * @param holds the checks' HOLD conditions for M (CHECKS.md, evaluated for M, less dismissals)
 * @param otherCountyLines the current-month lines of month M of the other counties for people on this
 *        county's roster (each computed from that county's own inputs); only their DIBAO_*, TEKUN, ORPHAN and
 *        DE_FACTO_CHILD lines are read, to choose a person's price-subsidy qualifying line across counties
 *        (RULES.md PRICE_SUBSIDY). Empty: no other county has one.
 */
public record MonthInputs(String county, YearMonth month, List<RosterRow> roster, Map<String, YearMonth> deathMonths,
		Map<String, List<Certificate>> certificates, Map<String, List<EconomicResult>> economic,
		Map<PaymentKey, PreviousDibaoLine> previousDibao, Map<PaymentKey, YearMonth> endedEnrollments,
		List<TempAssistCase> tempAssist, List<CheckHold> holds, Standards standards, Optional<Cpi> cpi,
		List<ComputedLine> otherCountyLines) {

	public MonthInputs {
		otherCountyLines = otherCountyLines == null ? List.of() : otherCountyLines;
	}

	public boolean isDead(String idNumber) {
		YearMonth d = deathMonths.get(idNumber);
		return d != null && d.isBefore(month);
	}

	/** The month the enrollment ended by rule, when that was before M. */
	public @Nullable YearMonth endedBefore(PaymentKey enrollment) {
		YearMonth ended = endedEnrollments.get(enrollment);
		return ended != null && ended.isBefore(month) ? ended : null;
	}
}
