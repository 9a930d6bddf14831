/**
 * Matching people across the agencies' rosters and the cross-agency checks (CHECKS.md): a record is
 * the same person when the normalised ID numbers are equal and the names match. Owns who is dead for a
 * month, which certificates count, the checks ({@link cn.doudi.matching.CrossChecks}, one class per code
 * in {@code checks}) and the life of findings ({@link cn.doudi.matching.FindingLedger}); the open HOLD
 * findings reach the payroll through {@link cn.doudi.matching.OpenHolds}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "identity" })
package cn.doudi.matching;
