/**
 * Intakes: the other agencies' rosters arriving by themselves. Owns the feeds of {@code jobs/intake/*.yml}
 * (a local exchange folder of the 前置机 or an agency's SFTP server, file patterns, cron, how a finished
 * file is recognised, the feed's system user), their Quartz triggers, the {@code intakeJob} that imports
 * each new finished file through {@link cn.doudi.ingest.RosterImports} and moves it to {@code done/} or
 * {@code rejected/}, and the tables {@code intake_poll}, {@code intake_file}, {@code intake_seen},
 * {@code intake_feed}. Others call {@link cn.doudi.intake.Intakes}.
 * <p>
 * Watching it: {@code IntakeHealthIndicator} (health contributor {@code feeds}: each enabled feed's folder or
 * SFTP server) and {@code IntakeMeters} (files done, rejected, failed per feed).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "ingest", "security", "scheduling", "database" })
package cn.doudi.intake;
