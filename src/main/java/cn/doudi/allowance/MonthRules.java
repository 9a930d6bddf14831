package cn.doudi.allowance;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import cn.doudi.allowance.rules.MonthCalculation;
import cn.doudi.allowance.rules.PriceSubsidyRule;

/**
 * RULES.md for one county — the whole month in one pure place. Pure and deterministic: the same inputs
 * always give the same outcome, lines sorted as {@code payments.csv} sorts them, findings as
 * {@code findings.csv}; no database, no clock.
 * <ul>
 * <li>{@link #settle}: the month M of a county — its lines, the arrears ({@link ArrearsRule}), the stops
 * ({@link StopRule}), the overpayments ({@link OverpaymentRule}), the rule findings and the enrollments
 * that end by rule — from today's records, the checks' HOLD conditions month by month and the run history,
 * all passed in as values. The payroll module loads them, calls this, and stores what it returns.</li>
 * <li>{@link #compute}: the rules applied to one month (every current-month line of every program, the
 * findings the rules raise, the enrollments that end); {@code settle} applies it to M and to each earlier
 * month it looks back on.</li>
 * </ul>
 * Where to find a rule ({@code cn.doudi.allowance.rules}): DibaoRule (with ClassifiedSupplement and
 * GradualExit), TekunRule, ElderlyRule, DisabilityLivingRule, DisabilityCareRule, ChildRule (ORPHAN,
 * DE_FACTO_CHILD and its top-up), PriceSubsidyRule, TempAssistRule; Holds applies the check holds.
 */
public final class MonthRules {

	/** The rules applied to one month of one county. */
	public MonthOutcome compute(MonthInputs inputs) {
		return MonthCalculation.run(inputs);
	}

	/**
	 * Told as each part of {@link #settle} ends — {@code rules} (month M), {@code arrears} (the arrears
	 * window), {@code stops} (stops and overpayments) — so that a caller may time them (the rules keep no
	 * clock).
	 */
	@FunctionalInterface
	public interface Parts {

		Parts NONE = part -> {
		};

		void done(String part);
	}

	/** The whole month M of one county: see the class comment. */
	public Settlement settle(SettleInputs in, RunHistory history) {
		return settle(in, history, Parts.NONE);
	}

	/** {@link #settle(SettleInputs, RunHistory)}, telling {@code parts} as each part ends. */
	public Settlement settle(SettleInputs in, RunHistory history, Parts parts) {
		YearMonth month = in.month();
		CountyRecords records = in.records();
		Map<YearMonth, MonthOutcome> applied = new TreeMap<>();
		MonthOutcome current = apply(in, history, month, applied);
		parts.done("rules");

		Map<YearMonth, MonthOutcome> window = new TreeMap<>();
		for (YearMonth m : ArrearsRule.window(month, records.county(), records.standards(), history.firstRunMonth())) {
			window.put(m, apply(in, history, m, applied));
		}
		List<ComputedLine> arrears = ArrearsRule.arrears(current, window, history.paid(), in.holds().forMonth(month));
		parts.done("arrears");

		Map<String, YearMonth> deaths = new HashMap<>(history.deathMonths());
		records.deathMonths().forEach((id, m) -> deaths.merge(id, m, (a, b) -> a.isBefore(b) ? a : b));
		List<Stop> stops = StopRule.find(inputs(records, in.holds(), history, month, List.of()), current, history.previousRun(), deaths,
				history.lastPaid());

		Map<YearMonth, MonthOutcome> overpaidMonths = new TreeMap<>();
		for (YearMonth m : OverpaymentRule.months(history.paidLinesOfTheDead(), history.deathMonths())) {
			overpaidMonths.put(m, apply(in, history, m, applied));
		}
		List<OverpaymentRule.Overpayment> overpayments = OverpaymentRule.find(history.paidLinesOfTheDead(),
				history.deathMonths(), overpaidMonths);
		parts.done("stops");
		return new Settlement(ArrearsRule.merged(current.lines(), arrears), current.findings(), current.ends(), stops,
				overpayments);
	}

	/**
	 * The months {@link #settle} applies the rules to: M, the arrears window within the run history, and the
	 * pay months of paid lines paid past a death. The loader loads each one's HOLD conditions, {@code cpi},
	 * TEMP_ASSIST cases and the DIBAO lines of the month before.
	 */
	public static SortedSet<YearMonth> monthsApplied(YearMonth month, String county, Standards standards,
			Optional<YearMonth> firstRunMonth, List<RunHistory.PaidLine> paidLinesOfTheDead,
			Map<String, YearMonth> deathMonths) {
		SortedSet<YearMonth> months = new TreeSet<>();
		months.add(month);
		months.addAll(ArrearsRule.window(month, county, standards, firstRunMonth));
		months.addAll(OverpaymentRule.months(paidLinesOfTheDead, deathMonths));
		return months;
	}

	/**
	 * Whether a month's lines depend on other counties: only the price subsidy reads them, and only when
	 * the month's {@code cpi} row triggers it. The loader loads the neighbours for those months only.
	 */
	public static boolean needsNeighbours(Optional<Cpi> cpi) {
		return PriceSubsidyRule.rate(cpi).isPresent();
	}

	private MonthOutcome apply(SettleInputs in, RunHistory history, YearMonth m, Map<YearMonth, MonthOutcome> applied) {
		return applied.computeIfAbsent(m, x -> compute(inputs(in, history, x)));
	}

	/** The inputs of month m: today's records, the HOLD conditions for m, the run history before m. */
	private MonthInputs inputs(SettleInputs in, RunHistory history, YearMonth m) {
		List<ComputedLine> others = new ArrayList<>();
		if (needsNeighbours(in.records().cpi(m))) {
			for (Neighbour n : in.neighbours()) {
				others.addAll(compute(inputs(n.records(), n.holds(), n.history(), m, List.of())).lines());
			}
		}
		return inputs(in.records(), in.holds(), history, m, others);
	}

	private static MonthInputs inputs(CountyRecords r, HoldConditions holds, RunHistory history, YearMonth m,
			List<ComputedLine> otherCountyLines) {
		return new MonthInputs(r.county(), m, r.roster(), r.deathMonths(), r.certificates(), r.economic(),
				history.dibaoLinesOf(m.minusMonths(1)), history.endsBefore(m), r.tempAssist(m), holds.forMonth(m),
				r.standards(), r.cpi(m), otherCountyLines);
	}
}
