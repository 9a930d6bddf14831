/**
 * Matching people across the agencies' rosters (CHECKS.md "Matching people"): a record is the same
 * person when the normalised ID numbers are equal and the names match. Owns who is dead for a month,
 * which disability certificates count, and — as the checks land — the cross-agency findings.
 * Matching is a join on the ID number in PostgreSQL, then a name comparison per pair.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "identity" })
package cn.doudi.matching;
