package cn.doudi.payroll;

import java.time.YearMonth;

/** A run was approved by a second finance user: its PAY lines count as paid. */
public record PayrollRunApproved(long runId, String county, YearMonth month) {
}
