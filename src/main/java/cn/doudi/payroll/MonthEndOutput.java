package cn.doudi.payroll;

import java.nio.file.Path;
import java.util.List;

/**
 * A writer of more month-end files (bank files, notices, …), called by {@link MonthEndFiles} after the
 * payroll's own files, for the same runs and folder. Implementations live in their own modules.
 */
public interface MonthEndOutput {

	void write(List<PayrollRun> runs, Path folder);
}
