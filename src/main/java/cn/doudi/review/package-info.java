/**
 * The monitors' review of findings (CHECKS.md "Review"): list and show them, dismiss the review findings,
 * confirm, record the recovery of an overpayment. Owns the decisions ({@code finding_decision}: who, when and
 * why, audited); a decision's effect on the finding goes through the matching module's ledger, which owns the
 * findings, and a recovery reaches the payroll's overpayment records through the {@link
 * cn.doudi.review.Recoveries} port. Nothing listens for a decision: the next run reads the findings as they
 * stand (a dismissed HOLD finding no longer holds, and its held months are back-paid).
 * <p>
 * The console's list ({@code FindingReviews.page}, {@code each} for the export) is a page of the matching
 * module's query, scoped to the reader's county and masked; a bulk decision ({@code decideEach}) is one decision
 * per row, each in its own transaction and audited, the refused rows named with their reasons (never all or none).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "identity", "security", "matching" })
package cn.doudi.review;
