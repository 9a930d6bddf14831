/**
 * Bank disbursement (代发文件) and bank returns (回盘): per run, one file per bank and county in that bank's
 * layout (declared as data under {@code jobs/banks/}), the ISO 20022 {@code pain.001.001.09} file of the
 * county and {@code bank/MANIFEST.sha256} — drafts at month-end, finals on approval (staged, then moved into
 * place after the commit; set aside into {@code revoked/} on revocation, recovered after a killed process) —
 * and {@code bank-return}, which marks the run's PAY lines PAID or FAILED. A character a layout cannot
 * represent is written as its substitute and returned as a warning: one record never stops a county's file.
 * Format details: {@code jobs/banks/README.md}.
 * <p>
 * Its meter: {@code doudi.bank.return.lines} (lines a bank return marked paid or failed).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "identity", "payroll", "security", "ingest" })
package cn.doudi.disbursement;
