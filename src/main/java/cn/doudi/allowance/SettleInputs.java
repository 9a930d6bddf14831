package cn.doudi.allowance;

import java.time.YearMonth;
import java.util.List;

/**
 * What {@link MonthRules#settle} takes besides the run history: the run month M, the county's records as
 * they are today, the checks' HOLD conditions for M and for every earlier month the rules are applied to
 * ({@link MonthRules#monthsApplied}), and the neighbouring counties' records for the price subsidy (only
 * read in months whose {@code cpi} row triggers it: {@link MonthRules#needsNeighbours}).
 */
public record SettleInputs(YearMonth month, CountyRecords records, HoldConditions holds, List<Neighbour> neighbours) {

	public SettleInputs {
		neighbours = List.copyOf(neighbours);
	}

	public String county() {
		return records.county();
	}
}
