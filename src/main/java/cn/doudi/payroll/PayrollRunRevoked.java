package cn.doudi.payroll;

import java.time.YearMonth;

/**
 * An approved run was revoked (audited, with a reason): its lines no longer count as paid and the month
 * can be re-run. Its final bank files must not reach a bank any more.
 */
public record PayrollRunRevoked(long runId, String county, YearMonth month, String batchNo) {
}
