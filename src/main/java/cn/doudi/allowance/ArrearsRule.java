package cn.doudi.allowance;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import cn.doudi.allowance.rules.Holds;
import cn.doudi.allowance.rules.Order;
import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.PaymentKey;

/**
 * RULES.md "Arrears (补发)": in run M, for every payment key with no open HOLD finding, every month m of the
 * window (M − 补发上限月数 ≤ m < M, and m ≥ the county's first run month) for which the rules applied to m
 * with today's knowledge give a PAY line, and which has no paid PAY line, gets an arrears line: status PAY,
 * pay month m, {@code arrears = true}, the amount the rules give for m. This covers late approvals, released
 * holds and failed bank lines (re-issued to the account now on file).
 * <ul>
 * <li>"The rules applied to m" include the checks' HOLD conditions evaluated for m with today's records
 * ({@link HoldConditions}), so a month a condition still holds for is HELD, not PAY, and stays unpaid —
 * also after the finding closed because the enrollment ended (the evidence for m still stands); only a
 * dismissal or corrected evidence releases it. Rule holds work the same way (79 in m: held for m).</li>
 * <li>A key held now is not back-paid: its current-month line is HELD; a key without a current-month line
 * is held now by an open NAME_MISMATCH or DEATH_PROBABLE of the person (of any member covered on the
 * household line being back-paid) or an open EXCLUSIVE_PROGRAMS on the enrollment.</li>
 * </ul>
 */
public final class ArrearsRule {

	/** The holds of M that hold a key even when it has no current-month line. */
	static final Set<FindingCode> HOLD_A_KEY_WITHOUT_LINE = EnumSet.of(FindingCode.NAME_MISMATCH,
			FindingCode.DEATH_PROBABLE, FindingCode.EXCLUSIVE_PROGRAMS);

	private ArrearsRule() {
	}

	/**
	 * The months of the window run M looks back on: M − {@code 补发上限月数} (in force in M) ≤ m < M, from the
	 * county's first run month on (none before the first run).
	 */
	public static SortedSet<YearMonth> window(YearMonth month, String county, Standards standards,
			java.util.Optional<YearMonth> firstRunMonth) {
		SortedSet<YearMonth> months = new TreeSet<>();
		if (firstRunMonth.isEmpty()) {
			return months;
		}
		for (YearMonth m = month.minusMonths(standards.arrearsMonths(county, month)); m.isBefore(month); m = m
			.plusMonths(1)) {
			if (!m.isBefore(firstRunMonth.get())) {
				months.add(m);
			}
		}
		return months;
	}

	/**
	 * @param current the outcome of month M
	 * @param earlier the outcome of each month m of the window, the rules applied to m with today's knowledge
	 * @param paid every paid PAY line (approved run, not failed at the bank) of the window's months
	 * @param holdsNow the checks' HOLD conditions of M
	 * @return the arrears lines, in payments.csv order
	 */
	public static List<ComputedLine> arrears(MonthOutcome current, Map<YearMonth, MonthOutcome> earlier,
			Set<PaymentKey.InMonth> paid, List<CheckHold> holdsNow) {
		if (earlier.isEmpty()) {
			return new ArrayList<>(); // no month to look back on (a county's first run)
		}
		Set<PaymentKey> heldNow = new HashSet<>();
		Set<PaymentKey> lineNow = new HashSet<>();
		for (ComputedLine l : current.lines()) {
			if (!l.arrears()) {
				lineNow.add(l.paymentKey());
				if (l.status() == LineStatus.HELD) {
					heldNow.add(l.paymentKey());
				}
			}
		}
		Holds keyHolds = new Holds(holdsNow.stream().filter(h -> HOLD_A_KEY_WITHOUT_LINE.contains(h.code())).toList());
		List<ComputedLine> result = new ArrayList<>();
		for (Map.Entry<YearMonth, MonthOutcome> e : new TreeMap<>(earlier).entrySet()) {
			YearMonth m = e.getKey();
			for (ComputedLine l : e.getValue().lines()) {
				PaymentKey key = l.paymentKey();
				if (l.status() != LineStatus.PAY || l.arrears() || !l.payMonth().equals(m) || heldNow.contains(key)
						|| paid.contains(key.in(m))) {
					continue;
				}
				if (!lineNow.contains(key) && !keyHolds.touching(l).isEmpty()) {
					continue;
				}
				result.add(l.asArrears());
			}
		}
		result.sort(Order.LINES);
		return result;
	}

	/** The current month's lines and the arrears together, in payments.csv order. */
	public static List<ComputedLine> merged(List<ComputedLine> current, List<ComputedLine> arrears) {
		List<ComputedLine> all = new ArrayList<>(current);
		if (arrears.isEmpty()) {
			return all; // the month's own lines leave the rules sorted already (MonthCalculation)
		}
		all.addAll(arrears);
		all.sort(Order.LINES);
		return all;
	}
}
