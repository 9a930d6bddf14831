package cn.doudi.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;

import cn.doudi.kernel.Months;
import cn.doudi.payroll.MonthEnd;
import cn.doudi.payroll.MonthEndRefusedException;
import cn.doudi.payroll.PayrollRun;
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

	private final MonthEnd monthEnd;

	MonthEndCommand(MonthEnd monthEnd) {
		this.monthEnd = monthEnd;
	}

	@Override
	public Integer call() {
		YearMonth m = Months.require(month);
		MonthEnd.Report report;
		try {
			report = monthEnd.run(m, county != null ? List.of(county) : List.of(), payDate, out, user.name(),
					new MonthEnd.Listener() {
						@Override
						public void computed(PayrollRun run) {
							System.out.printf("%s %s: draft %s computed%n", run.county(), m, run.batchNo());
						}

						@Override
						public void refused(String c, String reason) {
							System.err.println("doudi: " + c + " refused: " + reason);
						}
					});
		}
		catch (MonthEndRefusedException e) {
			throw new CommandFailedException(e.getMessage());
		}
		if (!report.runs().isEmpty()) {
			System.out.println("files: " + out.toAbsolutePath());
		}
		return report.allRan() ? 0 : 1;
	}
}
