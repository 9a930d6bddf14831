/**
 * Month-end payroll runs (发放批次): one run per county and month, computed by the month-end Spring
 * Batch job, a draft until released and approved by two different finance users, revocable (latest
 * approved only), run in month order. Owns the payment lines and the month-end files
 * ({@code payments.csv}, {@code summary.csv}, …).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "identity", "allowance", "matching",
		"review", "ingest", "security", "database" })
package cn.doudi.payroll;
