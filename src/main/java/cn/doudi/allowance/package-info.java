/**
 * The payout rules of RULES.md as pure functions: given one county's inputs for month M
 * ({@link cn.doudi.allowance.MonthInputs}), {@link cn.doudi.allowance.MonthRules} computes every
 * payment line to the fen, the findings the rules themselves raise, and the enrollments that end by
 * rule. No Spring, no JDBC: the payroll module loads the inputs and stores the outcome.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "identity" })
package cn.doudi.allowance;
