package cn.doudi.payroll;

import java.time.YearMonth;

import cn.doudi.kernel.Program;
import cn.doudi.kernel.StopReason;

/** A stop listed by a run ({@code stops.csv}); each gets an individual notice. */
public record StopView(long runId, String county, Program program, String householdId, String idNumber, String name,
		YearMonth lastPaidMonth, StopReason reason) {
}
