/**
 * The monitors' review of findings (CHECKS.md "Review"): list and show them, dismiss the review
 * findings, confirm, record the recovery of an overpayment — each decision kept with who, when and why,
 * audited, and announced as an event ({@link cn.doudi.review.FindingDismissed}) for the payroll.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "identity", "security" })
package cn.doudi.review;
