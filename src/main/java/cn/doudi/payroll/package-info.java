/**
 * Month-end payroll runs (发放批次): one run per county and month, computed by the month-end Spring
 * Batch job — the checks, then load → {@link cn.doudi.allowance.MonthRules#settle} → store — a draft until
 * released and approved by two different finance users, revocable (latest approved only), run in month
 * order. Owns the runs and what they store ({@code payroll_run}, {@code payment_line}, {@code stop_record},
 * {@code enrollment_end}, {@code overpayment}) and the month-end files ({@code payments.csv},
 * {@code summary.csv}, …); tells the other modules its history through the ports they declare
 * ({@code matching.EnrollmentEnds}, {@code review.Recoveries}, {@code ingest.PaymentHistory}). Every change of
 * a county's runs holds the county's lock and is a guarded status change; other modules' files follow the run's life through {@link
 * cn.doudi.payroll.RunFiles} (README "Two changes at once", "Crash recovery").
 * <p>
 * A month-end computes its counties at once, partitioned by county (README "Across machines"): the job
 * {@code monthEndCountiesJob}'s manager step gives each county's partition to a thread of this process
 * ({@code doudi.workers.threads}) or, with {@code doudi.workers.mode=remote}, to {@code doudi worker} processes
 * over RabbitMQ (Spring Batch remote partitioning, {@code payroll.batch.RemoteWorkersConfiguration}); each partition
 * also writes its county's files of the other modules ({@link cn.doudi.payroll.MonthEndOutput}: bank files,
 * notices) into the month's folder; the manager keeps the counties' locks, checks the counties' files are there and
 * writes the month's files across the counties in county order.
 * <p>
 * Watching it (README "Watching it run"): {@code MonthEndHealthIndicator} (each county's latest run; a FAILED or
 * stopped RUNNING one named) and {@code RunMeters} (month-end duration, latest runs' lines and amounts); {@link cn.doudi.payroll.MonthEndPhases}
 * (each phase's timer, recorded by the module doing it; {@code bench month-end} prints them, README "Month-end speed").
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "identity", "allowance", "matching",
		"review", "ingest", "security", "database" })
package cn.doudi.payroll;
