package cn.doudi.allowance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.doudi.kernel.Program;

/**
 * RULES.md "Overpayment (多发追回)": when a death becomes known after months were paid past the death
 * month, each paid line for a month after the death month — of the deceased, or of a DIBAO household
 * the deceased was covered on — is recomputed with today's knowledge (its amount counts even if it would
 * now be HELD); paid − due, when positive, is an overpayment. One record per line and pay month,
 * recomputed whenever new records arrive; the record names the line's payee, its finding the deceased.
 */
public final class OverpaymentRule {

	/** A paid PAY line (approved run, not failed at the bank). */
	public record PaidLine(long lineId, String county, Program program, String householdId, String idNumber,
			String name, YearMonth payMonth, BigDecimal amount, String paymentKey, List<String> memberIds) {
	}

	/** An overpayment: the paid line, what is due for it today, the difference, and the deceased. */
	public record Overpayment(PaidLine line, BigDecimal due, BigDecimal overpaid, String deceasedId,
			YearMonth deathMonth) {
	}

	private OverpaymentRule() {
	}

	/**
	 * @param deathMonths death months (matched by ID and name) of the people on the paid lines
	 * @param outcomeFor the rules' outcome for a past month, with today's knowledge
	 */
	public static List<Overpayment> find(List<PaidLine> paid, Map<String, YearMonth> deathMonths,
			Function<YearMonth, MonthOutcome> outcomeFor) {
		List<Overpayment> result = new ArrayList<>();
		for (PaidLine p : paid) {
			String deceased = null;
			YearMonth death = null;
			List<String> people = new ArrayList<>();
			people.add(p.idNumber());
			people.addAll(p.memberIds());
			for (String id : people.stream().distinct().sorted().toList()) {
				YearMonth d = deathMonths.get(id);
				if (d != null && d.isBefore(p.payMonth()) && (death == null || d.isBefore(death))) {
					deceased = id;
					death = d;
				}
			}
			if (deceased == null) {
				continue;
			}
			BigDecimal due = outcomeFor.apply(p.payMonth())
				.lines()
				.stream()
				.filter(l -> !l.arrears() && l.payMonth().equals(p.payMonth()) && l.paymentKey().equals(p.paymentKey()))
				.map(ComputedLine::amount)
				.findFirst()
				.orElse(BigDecimal.ZERO.setScale(2));
			BigDecimal over = p.amount().subtract(due);
			if (over.signum() > 0) {
				result.add(new Overpayment(p, due, over, deceased, death));
			}
		}
		return result;
	}
}
