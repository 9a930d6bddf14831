package cn.doudi.payroll;

import java.nio.file.Path;
import java.util.List;

/**
 * A writer of more month-end files (bank files, notices, …), called by {@link MonthEndFiles} after the
 * payroll's own files, for the same runs and folder. Implementations live in their own modules. It returns
 * its warnings: what month-end must tell the user although every file was written (a character a bank's
 * layout cannot represent, a character no notice font has), each one line in Chinese, IDs masked.
 */
public interface MonthEndOutput {

	List<String> write(List<PayrollRun> runs, Path folder);
}
