/**
 * Month-end payroll runs (发放批次): one run per county and month, computed by the month-end Spring
 * Batch job, a draft until released and approved by two different finance users, revocable (latest
 * approved only), run in month order. Owns the payment lines and the month-end files
 * ({@code payments.csv}, {@code summary.csv}, …). Every change of a county's runs holds the county's lock
 * and is a guarded status change; other modules' files follow the run's life through {@link
 * cn.doudi.payroll.RunFiles} (README "Two changes at once", "Crash recovery").
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "identity", "allowance", "matching",
		"security", "database" })
package cn.doudi.payroll;
