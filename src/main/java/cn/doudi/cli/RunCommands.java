package cn.doudi.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;

import cn.doudi.disbursement.Disbursements;
import cn.doudi.kernel.Months;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.payroll.PayrollRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code release}, {@code approve} and {@code revoke}: the maker–checker life of a run. Each prints one line
 * on success (exit 0); a refusal — the run is not in the status the command needs, another change of the
 * county holds it past the wait, its draft files are missing — is one Chinese line on standard error and
 * exit 1, having changed nothing. {@code approve} names the final bank files it put in place, and never
 * says "final" without them.
 */
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
			System.out.printf("已提交 %s（%s）：须由另一名财务人员审批%n", r.batchNo(), r.releasedBy());
			return 0;
		}
	}

	@Command(name = "approve", description = "Approves a released run (the checker, a different FINANCE user).")
	static class Approve implements Callable<Integer> {

		@Mixin
		RunOptions run;

		private final PayrollRuns payroll;
		private final Disbursements disbursements;

		Approve(PayrollRuns payroll, Disbursements disbursements) {
			this.payroll = payroll;
			this.disbursements = disbursements;
		}

		@Override
		public Integer call() {
			PayrollRun r = payroll.approve(run.county, run.month(), run.user.name());
			List<Path> finals = disbursements.finalFiles(r.id());
			if (finals.isEmpty()) {
				System.out.printf("已审批 %s（%s，提交人 %s）：该批次没有应发放的行，无代发文件%n", r.batchNo(), r.approvedBy(),
						r.releasedBy());
			}
			else {
				System.out.printf("已审批 %s（%s，提交人 %s）：正式代发文件 %d 个，在 %s%n", r.batchNo(), r.approvedBy(),
						r.releasedBy(), finals.size(), finals.get(0).getParent());
			}
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
			System.out.printf("已撤销 %s：该月可以重新计算；其正式代发文件已移出 bank/（在 revoked/%s/）%n", r.batchNo(), r.batchNo());
			return 0;
		}
	}
}
