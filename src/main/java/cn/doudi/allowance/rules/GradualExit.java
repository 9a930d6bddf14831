package cn.doudi.allowance.rules;

import java.math.BigDecimal;

import cn.doudi.allowance.DibaoPhase;
import cn.doudi.allowance.PreviousDibaoLine;

/**
 * 渐退 (RULES.md DIBAO step 6 and 8): a household with g ≤ 0 whose line of run M−1 (PAY or HELD) was
 * regular or gradual exit is paid the amount of its last regular month, frozen (even when the standard
 * changes), for K = {@code PARAM 渐退月数} months (K in force in M), counting the first month with g ≤ 0
 * as month 1; in month K+1 nothing is paid and the enrollment ends ({@code GRADUAL_EXIT_END}). K = 0
 * ends the enrollment in the first month with g ≤ 0. A household without a line in M−1 was never paid
 * (or not in M−1) and gets no line.
 */
final class GradualExit {

	/** What happens to a household with g ≤ 0. */
	sealed interface Step permits NeverPaid, Exit, End {
	}

	/** No line in M−1: no line, an INCOME_ABOVE_STANDARD finding. */
	record NeverPaid() implements Step {
	}

	/** Month {@code monthNo} of K of gradual exit, paying the frozen amount. */
	record Exit(int monthNo, int k, BigDecimal frozenAmount) implements Step {
	}

	/** Month K+1: no line, the enrollment ends. */
	record End() implements Step {
	}

	private GradualExit() {
	}

	static Step next(PreviousDibaoLine previous, int k) {
		if (previous == null) {
			return new NeverPaid();
		}
		boolean wasRegular = previous.phase() == DibaoPhase.REGULAR;
		int monthNo = wasRegular ? 1 : previous.exitMonthNo() + 1;
		BigDecimal frozen = wasRegular ? previous.amount() : previous.regularAmount();
		return monthNo <= k ? new Exit(monthNo, k, frozen) : new End();
	}
}
