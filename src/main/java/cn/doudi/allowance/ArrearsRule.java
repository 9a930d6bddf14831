package cn.doudi.allowance;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.doudi.allowance.rules.Order;

/**
 * RULES.md "Arrears (补发)": in run M, for every payment key that is not held now, every month m of the
 * window (M − 补发上限月数 ≤ m < M, and m within the county's run history) for which the rules applied
 * to m with today's knowledge give a PAY line, and which has no paid PAY line, gets an arrears line:
 * status PAY, pay month m, {@code arrears = true}, the amount the rules give for m. This covers late
 * approvals, released holds and failed bank lines (re-issued to the account now on file). A key held in
 * M is not back-paid; the months' own holds (today's findings, and rule holds such as a person who was
 * 79 in m) already keep a month's line from being PAY.
 */
public final class ArrearsRule {

	private ArrearsRule() {
	}

	/**
	 * @param current the outcome of month M
	 * @param earlier the outcome of each month m of the window, computed with today's knowledge
	 * @param paid {@code paymentKey + '#' + YYYY-MM} of every paid PAY line (approved run, not failed at the bank)
	 * @return the arrears lines, in payments.csv order
	 */
	public static List<ComputedLine> arrears(MonthOutcome current, Map<YearMonth, MonthOutcome> earlier, Set<String> paid) {
		Set<String> heldNow = new HashSet<>();
		for (ComputedLine l : current.lines()) {
			if (l.status() == LineStatus.HELD && !l.arrears()) {
				heldNow.add(l.paymentKey());
			}
		}
		List<ComputedLine> result = new ArrayList<>();
		for (Map.Entry<YearMonth, MonthOutcome> e : new TreeMap<>(earlier).entrySet()) {
			YearMonth m = e.getKey();
			for (ComputedLine l : e.getValue().lines()) {
				if (l.status() != LineStatus.PAY || l.arrears() || !l.payMonth().equals(m)
						|| heldNow.contains(l.paymentKey()) || paid.contains(l.paymentKey() + '#' + m)) {
					continue;
				}
				result.add(new ComputedLine(l.county(), l.regionCode(), l.program(), l.category(), l.householdId(),
						l.idNumber(), l.name(), m, l.amount(), LineStatus.PAY, l.reasons(), l.bank(), l.accountNumber(),
						l.accountName(), true, l.members(), l.phase(), l.regularAmount(), l.exitMonthNo(),
						l.memberIds()));
			}
		}
		result.sort(Order.LINES);
		return result;
	}

	/** The current month's lines and the arrears together, in payments.csv order. */
	public static List<ComputedLine> merged(List<ComputedLine> current, List<ComputedLine> arrears) {
		List<ComputedLine> all = new ArrayList<>(current);
		all.addAll(arrears);
		all.sort(Order.LINES);
		return all;
	}
}
