package cn.doudi.allowance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import cn.doudi.allowance.RunHistory.PaidLine;
import cn.doudi.kernel.Money;

/**
 * RULES.md "Overpayment (多发追回)": when a death becomes known after months were paid past the death
 * month, each paid line for a month after the death month — of the deceased, or of a DIBAO household
 * the deceased was covered on — is recomputed with today's knowledge (its amount counts even if it would
 * now be HELD); paid − due, when positive, is an overpayment. One record per line and pay month,
 * recomputed whenever new records arrive; the record names the line's payee, its finding the deceased.
 */
public final class OverpaymentRule {

	/** An overpayment: the paid line, what is due for it today, the difference, and the deceased. */
	public record Overpayment(PaidLine line, BigDecimal due, BigDecimal overpaid, String deceasedId,
			YearMonth deathMonth) {
	}

	/** The deceased a paid line was paid past: the person of the line who died earliest before its month. */
	private record Death(String idNumber, YearMonth month) {
	}

	private OverpaymentRule() {
	}

	/** The pay months of the paid lines paid past a death: the months the rules are applied to again. */
	public static SortedSet<YearMonth> months(List<PaidLine> paid, Map<String, YearMonth> deathMonths) {
		SortedSet<YearMonth> months = new TreeSet<>();
		for (PaidLine p : paid) {
			if (deathBefore(p, deathMonths) != null) {
				months.add(p.payMonth());
			}
		}
		return months;
	}

	/**
	 * @param deathMonths death months (matched by ID and name) of the people on the paid lines
	 * @param today the rules' outcome, with today's knowledge, for each of {@link #months}
	 */
	public static List<Overpayment> find(List<PaidLine> paid, Map<String, YearMonth> deathMonths,
			Map<YearMonth, MonthOutcome> today) {
		List<Overpayment> result = new ArrayList<>();
		for (PaidLine p : paid) {
			Death death = deathBefore(p, deathMonths);
			if (death == null) {
				continue;
			}
			MonthOutcome outcome = today.get(p.payMonth());
			BigDecimal due = (outcome == null ? List.<ComputedLine>of() : outcome.lines()).stream()
				.filter(l -> !l.arrears() && l.payMonth().equals(p.payMonth()) && l.paymentKey().equals(p.paymentKey()))
				.map(ComputedLine::amount)
				.findFirst()
				.orElse(Money.ZERO);
			BigDecimal over = p.amount().subtract(due);
			if (over.signum() > 0) {
				result.add(new Overpayment(p, due, over, death.idNumber(), death.month()));
			}
		}
		return result;
	}

	private static @Nullable Death deathBefore(PaidLine p, Map<String, YearMonth> deathMonths) {
		List<String> people = new ArrayList<>();
		people.add(p.idNumber());
		people.addAll(p.memberIds());
		Death found = null;
		for (String id : people.stream().distinct().sorted().toList()) {
			YearMonth d = deathMonths.get(id);
			if (d != null && d.isBefore(p.payMonth()) && (found == null || d.isBefore(found.month()))) {
				found = new Death(id, d);
			}
		}
		return found;
	}
}
