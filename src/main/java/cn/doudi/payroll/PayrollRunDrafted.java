package cn.doudi.payroll;

import java.time.YearMonth;

/** A run's lines were computed (a draft exists). */
public record PayrollRunDrafted(long runId, String county, YearMonth month) {
}
