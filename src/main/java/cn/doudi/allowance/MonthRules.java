package cn.doudi.allowance;

import cn.doudi.allowance.rules.MonthCalculation;

/**
 * RULES.md for one county and month: {@link #compute} gives every current-month line (all programs),
 * the findings the rules raise and the enrollments that end by rule. Pure and deterministic: the same
 * inputs always give the same outcome, lines sorted as {@code payments.csv} sorts them, findings as
 * {@code findings.csv}. The same call on the inputs of an earlier month m (today's knowledge, the lines
 * of run m−1) gives the lines the arrears rule compares with what was paid.
 * <p>
 * Where to find a rule ({@code cn.doudi.allowance.rules}): DibaoRule (with ClassifiedSupplement and
 * GradualExit), TekunRule, ElderlyRule, DisabilityLivingRule, DisabilityCareRule, ChildRule (ORPHAN,
 * DE_FACTO_CHILD and its top-up), PriceSubsidyRule, TempAssistRule; Holds applies the check holds.
 */
public final class MonthRules {

	public MonthOutcome compute(MonthInputs inputs) {
		return MonthCalculation.run(inputs);
	}
}
