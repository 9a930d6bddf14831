/**
 * Bank disbursement (代发文件) and bank returns (回盘): per run, one file per bank and county in that bank's
 * layout (declared as data under {@code jobs/banks/}), the ISO 20022 {@code pain.001.001.09} file of the
 * county and {@code bank/MANIFEST.sha256} — drafts at month-end, finals on approval — and {@code bank-return},
 * which marks the run's PAY lines PAID or FAILED. Format details: {@code jobs/banks/README.md}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "kernel", "identity", "payroll", "security", "ingest" })
package cn.doudi.disbursement;
