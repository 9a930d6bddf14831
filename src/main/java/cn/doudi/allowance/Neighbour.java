package cn.doudi.allowance;

/**
 * Another county's records for the households that hold someone of this county's roster, with that
 * county's HOLD conditions and run history: from them {@link MonthRules#settle} computes that county's
 * lines for those people, so that a person's price-subsidy qualifying line is chosen the same whether a
 * county runs alone or city-wide (RULES.md "Enrollment": conditions that span counties are evaluated from
 * today's inputs and decisions, never from whether another county's run exists).
 */
public record Neighbour(CountyRecords records, HoldConditions holds, RunHistory history) {
}
