package cn.doudi.payroll;

import java.time.LocalDate;
import java.time.YearMonth;

/** A payroll run: county, month, revision (from 1), batch number {@code <county>-<YYYYMM>-<rev>}. */
public record PayrollRun(long id, String county, YearMonth month, int revision, String batchNo, RunStatus status,
		LocalDate payDate, String releasedBy, String approvedBy) {

	public static String batchNo(String county, YearMonth month, int revision) {
		return String.format("%s-%04d%02d-%02d", county, month.getYear(), month.getMonthValue(), revision);
	}
}
