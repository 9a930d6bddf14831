package cn.doudi.allowance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import cn.doudi.kernel.PaymentKey;
import cn.doudi.kernel.Program;

/**
 * What a county's approved runs did, as values (the payroll module loads them): what {@link MonthRules#settle}
 * compares today's rules with. Only approved runs count (RULES.md "Lines": a PAY line counts as paid once
 * its run is approved, unless a bank return marks it failed).
 *
 * @param firstRunMonth the county's first run month (its earliest run not revoked nor replaced), if any
 * @param previousRun the current-month lines (PAY or HELD, not arrears) the approved run of M−1 produced:
 *        the stops compare M against them
 * @param dibaoLines the current-month DIBAO lines each approved run produced, by its month, per key: the
 *        "household's line for M−1" of RULES.md DIBAO step 8, for M and every earlier month applied
 * @param ruleEnds the months enrollments ended by rule in approved runs (GRADUAL_EXIT_END, AGED_OUT), per
 *        enrollment (its payment key)
 * @param paid the paid PAY lines (key and pay month) of the months the arrears window may back-pay
 * @param lastPaid the last month with a paid PAY line, per key (stops.csv {@code last_paid_month})
 * @param paidLinesOfTheDead the paid PAY lines on which a person with a death record is the payee or a
 *        covered member (RULES.md "Overpayment")
 * @param deathMonths death months of the people on {@code previousRun} and {@code paidLinesOfTheDead},
 *        each matched by ID and a name the roster or the line gave them (they may have left the roster)
 */
public record RunHistory(Optional<YearMonth> firstRunMonth, List<PastLine> previousRun,
		Map<YearMonth, Map<PaymentKey, PreviousDibaoLine>> dibaoLines, Map<PaymentKey, SortedSet<YearMonth>> ruleEnds,
		Set<PaymentKey.InMonth> paid, Map<PaymentKey, YearMonth> lastPaid, List<PaidLine> paidLinesOfTheDead,
		Map<String, YearMonth> deathMonths) {

	/** No run yet. */
	public static final RunHistory NONE = new RunHistory(Optional.empty(), List.of(), Map.of(), Map.of(), Set.of(),
			Map.of(), List.of(), Map.of());

	public RunHistory {
		previousRun = List.copyOf(previousRun);
		dibaoLines = Map.copyOf(dibaoLines);
		ruleEnds = Map.copyOf(ruleEnds);
		paid = Set.copyOf(paid);
		lastPaid = Map.copyOf(lastPaid);
		paidLinesOfTheDead = List.copyOf(paidLinesOfTheDead);
		deathMonths = Map.copyOf(deathMonths);
	}

	/** A current-month line an approved run produced (PAY or HELD). {@code memberIds}: a DIBAO line's covered members. */
	public record PastLine(String county, Program program, String householdId, String idNumber, String name,
			List<String> memberIds) {

		public PastLine {
			memberIds = List.copyOf(memberIds);
		}

		public PaymentKey paymentKey() {
			return PaymentKey.of(program, householdId, idNumber);
		}
	}

	/** A paid PAY line (approved run, not failed at the bank). {@code lineId} is the stored line's. */
	public record PaidLine(long lineId, String county, Program program, String householdId, String idNumber,
			String name, YearMonth payMonth, BigDecimal amount, List<String> memberIds) {

		public PaidLine {
			memberIds = List.copyOf(memberIds);
		}

		public PaymentKey paymentKey() {
			return PaymentKey.of(program, householdId, idNumber);
		}
	}

	/** The DIBAO lines run {@code month} produced, per key (empty when there was no approved run). */
	public Map<PaymentKey, PreviousDibaoLine> dibaoLinesOf(YearMonth month) {
		return dibaoLines.getOrDefault(month, Map.of());
	}

	/** Per enrollment, the latest rule end before {@code month}: the ends that count for that month. */
	public Map<PaymentKey, YearMonth> endsBefore(YearMonth month) {
		Map<PaymentKey, YearMonth> out = new TreeMap<>();
		ruleEnds.forEach((key, months) -> {
			@Nullable YearMonth latest = null;
			for (YearMonth m : months) {
				if (m.isBefore(month)) {
					latest = m;
				}
			}
			if (latest != null) {
				out.put(key, latest);
			}
		});
		return out;
	}
}
