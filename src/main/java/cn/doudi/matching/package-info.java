/**
 * Matching people across the agencies' rosters and the cross-agency checks (CHECKS.md): a record is
 * the same person when the normalised ID numbers are equal and the names match. Owns who is dead for a
 * month, which certificates count, the checks ({@link cn.doudi.matching.CrossChecks}, one class per code
 * in {@code checks}) and the life of findings ({@link cn.doudi.matching.FindingLedger}); the open HOLD
 * conditions reach the rules through {@link cn.doudi.matching.CheckHolds}, month by month. Each check
 * reads today's records once and decides each month purely; "active" and "covered" are the rules' own
 * answer ({@link cn.doudi.allowance.ActiveRoster}), with the rule ends the payroll gives through the
 * {@link cn.doudi.matching.EnrollmentEnds} port. Who else holds a county's people, households or accounts, in any
 * county, is a keyed lookup ({@code roster.CurrentRoster}; {@link cn.doudi.matching.MatchedRecords} answers it for
 * the payroll's neighbours), never a read of every county's roster per county.
 * <p>
 * The findings list of the console ({@link cn.doudi.matching.FindingSearches}): a page of a filtered, sorted list
 * with its total, and the whole list streamed for an export, in one set-based query with the reader's counties.
 * <p>
 * Its meter: {@code FindingMeters} (findings OPEN per code, read from {@code finding}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "identity", "allowance" })
package cn.doudi.matching;
