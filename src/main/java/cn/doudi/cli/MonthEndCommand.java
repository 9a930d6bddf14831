package cn.doudi.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import cn.doudi.kernel.Months;
import cn.doudi.payroll.MonthEndFiles;
import cn.doudi.payroll.MonthEndRefusedException;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.payroll.PayrollRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code month-end --month=YYYY-MM [--county=C] --out=DIR [--pay-date=YYYY-MM-DD]}: runs the month for
 * one county or every county with a standards row; a refused county is named on standard error, the
 * others still run, and the exit status is then non-zero.
 */
@Command(name = "month-end", description = "Runs the month: checks, payroll, files (drafts) for one or every county.")
class MonthEndCommand implements Callable<Integer> {

	@Option(names = "--month", required = true, description = "The month, YYYY-MM.")
	String month;

	@Option(names = "--county", description = "One county (6 digits); default every county with a standards row.")
	String county;

	@Option(names = "--out", required = true, description = "The folder for the month's files.")
	Path out;

	@Option(names = "--pay-date", description = "The payment date in bank files (default the 10th of the month).")
	LocalDate payDate;

	@Mixin
	UserOption user;

	private final PayrollRuns payroll;
	private final MonthEndFiles files;

	MonthEndCommand(PayrollRuns payroll, MonthEndFiles files) {
		this.payroll = payroll;
		this.files = files;
	}

	@Override
	public Integer call() {
		YearMonth m = Months.require(month);
		LocalDate date = payDate != null ? payDate : m.atDay(10);
		List<String> counties = county != null ? List.of(county) : payroll.counties();
		if (counties.isEmpty()) {
			throw new CommandFailedException("没有任何区县的保障标准（先 import standards）");
		}
		List<PayrollRun> done = new ArrayList<>();
		int refused = 0;
		for (String c : counties) {
			try {
				PayrollRun run = payroll.monthEnd(c, m, date, user.user);
				done.add(run);
				System.out.printf("%s %s: draft %s computed%n", c, m, run.batchNo());
			}
			catch (MonthEndRefusedException | cn.doudi.security.AccessDeniedException e) {
				refused++;
				System.err.println("doudi: " + c + " refused: " + e.getMessage());
			}
		}
		if (!done.isEmpty()) {
			files.write(done, out);
			done.forEach(r -> payroll.recordOutputFolder(r.id(), out.toAbsolutePath().toString()));
			System.out.println("files: " + out.toAbsolutePath());
		}
		return refused == 0 ? 0 : 1;
	}
}
