package cn.doudi.matching.roster;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import cn.doudi.allowance.ActiveRoster;
import cn.doudi.allowance.RosterRow;
import cn.doudi.kernel.PaymentKey;

/**
 * Whole households of today's roster (in any county), with the death months of their people (matched by
 * ID and roster name) and their enrollments' rule ends: the records the checks read once, whatever the
 * month they decide for. {@link #in} gives who is active in a month, as the rules see it.
 */
public final class RosterRecords {

	private final List<RosterRow> rows;
	private final Map<String, YearMonth> deathMonths;
	private final ActiveRoster.RuleEnds ends;
	private final Map<YearMonth, ActiveRoster> byMonth = new HashMap<>();

	public RosterRecords(List<RosterRow> rows, Map<String, YearMonth> deathMonths,
			Map<String, Map<PaymentKey, SortedSet<YearMonth>>> ends) {
		this.rows = List.copyOf(rows);
		this.deathMonths = Map.copyOf(deathMonths);
		this.ends = ActiveRoster.RuleEnds.of(ends);
	}

	public List<RosterRow> rows() {
		return rows;
	}

	/** The roster as it is active in {@code month} (RULES.md "Enrollment"). */
	public ActiveRoster in(YearMonth month) {
		return byMonth.computeIfAbsent(month, m -> new ActiveRoster(m, rows, deathMonths, ends));
	}
}
