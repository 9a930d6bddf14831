/**
 * Schedules as data: the files {@code jobs/schedules/*.yml} say what runs when (a month-end for every
 * county on a day of the month, say), as Quartz cron triggers in the database (clustered JDBC job store:
 * several {@code serve} processes share them and each firing runs once). Reads and checks the files,
 * keeps Quartz's triggers in step with them ({@link cn.doudi.scheduling.CronJobs}, which the intakes use
 * too, as they use {@link cn.doudi.scheduling.JobFile}, the checks of a {@code jobs/<kind>/*.yml} file both
 * kinds share), and runs a schedule's task through the payroll façade.
 * <p>
 * Watching it: {@code SchedulerHealthIndicator} (health contributor {@code quartz}: this process's scheduler).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "payroll", "security", "ingest" })
package cn.doudi.scheduling;
