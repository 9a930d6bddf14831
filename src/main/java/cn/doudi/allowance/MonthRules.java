package cn.doudi.allowance;

/**
 * RULES.md for one county and month: {@link #compute} gives every current-month line (all programs),
 * the findings the rules raise and the enrollments that end by rule. Pure and deterministic: the same
 * inputs always give the same outcome, lines sorted as {@code payments.csv} sorts them.
 */
public final class MonthRules {

	public MonthOutcome compute(MonthInputs inputs) {
		throw new UnsupportedOperationException("not yet built");
	}
}
