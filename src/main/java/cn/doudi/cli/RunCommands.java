package cn.doudi.cli;

import java.time.YearMonth;
import java.util.concurrent.Callable;

import cn.doudi.kernel.Months;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.payroll.PayrollRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code release}, {@code approve} and {@code revoke}: the maker–checker life of a run. */
final class RunCommands {

	private RunCommands() {
	}

	static class RunOptions {

		@Option(names = "--month", required = true, description = "The month, YYYY-MM.")
		String month;

		@Option(names = "--county", required = true, description = "The county (6 digits).")
		String county;

		@Mixin
		UserOption user;

		YearMonth month() {
			return Months.require(month);
		}
	}

	@Command(name = "release", description = "Releases a draft run for approval (the maker).")
	static class Release implements Callable<Integer> {

		@Mixin
		RunOptions run;

		private final PayrollRuns payroll;

		Release(PayrollRuns payroll) {
			this.payroll = payroll;
		}

		@Override
		public Integer call() {
			PayrollRun r = payroll.release(run.county, run.month(), run.user.name());
			System.out.printf("%s released by %s; another FINANCE user approves it%n", r.batchNo(), r.releasedBy());
			return 0;
		}
	}

	@Command(name = "approve", description = "Approves a released run (the checker, a different FINANCE user).")
	static class Approve implements Callable<Integer> {

		@Mixin
		RunOptions run;

		private final PayrollRuns payroll;

		Approve(PayrollRuns payroll) {
			this.payroll = payroll;
		}

		@Override
		public Integer call() {
			PayrollRun r = payroll.approve(run.county, run.month(), run.user.name());
			System.out.printf("%s approved by %s: final%n", r.batchNo(), r.approvedBy());
			return 0;
		}
	}

	@Command(name = "revoke", description = "Revokes the county's latest approved run, so the month can be re-run.")
	static class Revoke implements Callable<Integer> {

		@Mixin
		RunOptions run;

		@Option(names = "--reason", required = true, description = "Why (kept in the audit trail).")
		String reason;

		private final PayrollRuns payroll;

		Revoke(PayrollRuns payroll) {
			this.payroll = payroll;
		}

		@Override
		public Integer call() {
			PayrollRun r = payroll.revoke(run.county, run.month(), run.user.name(), reason);
			System.out.printf("%s revoked%n", r.batchNo());
			return 0;
		}
	}
}
