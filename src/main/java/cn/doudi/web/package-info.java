/**
 * The web console ({@code doudi serve}): server-rendered pages (Thymeleaf, Chinese) over the same
 * façades as the command line — login (Spring Security form login, passwords from
 * {@link cn.doudi.security.Passwords}), the payroll runs with month-end, release and approve, the
 * monitors' review of findings, uploads, the banks' return files, the agencies' feeds (自动接收, {@link cn.doudi.intake.Intakes}), and downloads of a run's files. It owns no table and no rule:
 * every permission and county check is the façades' ({@link cn.doudi.security.AccessControl}), so the web
 * refuses exactly what the command line refuses; it only adds the downloads' policy (masked XLSX for
 * every reader, full IDs and bank files for FINANCE, every download audited), the console's defences
 * (Chinese 4xx error pages, security headers and cookie flags, input checks before the façades) and the
 * retention of the uploads it keeps; it keeps nothing else but the session (and, as a detail, the words of the
 * month-ends this process queued: their progress is read from the job repository). Its own scripts:
 * {@code static/js/progress.js}, polls the progress JSON and sends uploads with their transfer shown, and
 * {@code static/js/findings.js} ticks a page of findings (全选本页); every page works without them. What a person
 * reads is in words, not codes ({@code Words}: findings, effects, statuses, decisions, programs, regions by name,
 * amounts {@code #,##0.00}, Beijing time). Nothing depends on it.
 * <p>
 * It also guards the management endpoints ({@code /actuator}: the bare health to anyone, the rest to a
 * city-wide ADMIN or AUDITOR; {@code WebSecurityConfiguration}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "identity", "security", "payroll",
		"review", "ingest", "disbursement", "intake" })
package cn.doudi.web;
