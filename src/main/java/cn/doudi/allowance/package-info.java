/**
 * The payout rules of RULES.md as pure functions — the whole month in one place.
 * {@link cn.doudi.allowance.MonthRules#settle} takes one county's records as they are today
 * ({@link cn.doudi.allowance.CountyRecords}), the checks' HOLD conditions month by month
 * ({@link cn.doudi.allowance.HoldConditions}) and its run history ({@link cn.doudi.allowance.RunHistory}) and
 * gives the month's lines to the fen, the arrears, the stops, the overpayments, the findings the rules raise
 * and the enrollments that end by rule. No Spring, no JDBC, no clock: the payroll module loads the values
 * and stores the outcome. Null is never a value here unless marked {@code @Nullable}.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "identity" })
package cn.doudi.allowance;

import org.jspecify.annotations.NullMarked;
