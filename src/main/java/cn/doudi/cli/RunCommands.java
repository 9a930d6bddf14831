package cn.doudi.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;

import cn.doudi.disbursement.Disbursements;
import cn.doudi.ingest.Regions;
import cn.doudi.kernel.Months;
import cn.doudi.kernel.Terms;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.payroll.PayrollRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code release}, {@code approve} and {@code revoke}: the maker–checker life of a run. Each prints one line
 * on success (exit 0); a refusal — the run is not in the status the command needs, another change of the
 * county holds it past the wait, its draft files are missing — is one Chinese line on standard error and
 * exit 1, having changed nothing. The success line names the run as a person would ({@code 中原区（410102） 2026-10
 * 第 1 次计算}). {@code approve} names the final bank files it put in place, and never says "final" without them.
 */
final class RunCommands {

	private RunCommands() {
	}

	static class RunOptions {

		@Option(names = "--month", required = true, converter = MonthText.class, description = "月份，YYYY-MM。")
		String month;

		@Option(names = "--county", required = true, converter = CountyText.class, description = "区县（6 位代码）。")
		String county;

		@Mixin
		UserOption user;

		YearMonth month() {
			return Months.require(month);
		}
	}

	/** The run as a person names it: {@code 中原区（410102） 2026-10 第 1 次计算}. */
	static String named(PayrollRun r, Regions regions) {
		return Terms.run(r.county(), regions.names().get(r.county()), r.month(), r.revision());
	}

	@Command(name = "release", description = "提交草稿批次待审批（经办人）。")
	static class Release implements Callable<Integer> {

		@Mixin
		RunOptions run;

		private final PayrollRuns payroll;
		private final Regions regions;

		Release(PayrollRuns payroll, Regions regions) {
			this.payroll = payroll;
			this.regions = regions;
		}

		@Override
		public Integer call() {
			PayrollRun r = payroll.release(run.county, run.month(), run.user.name());
			System.out.printf("已提交 %s（提交人 %s）：须由另一名财务人员审批%n", named(r, regions), r.releasedBy());
			return 0;
		}
	}

	@Command(name = "approve", description = "审批已提交的批次（复核人，须为另一名财务人员）。")
	static class Approve implements Callable<Integer> {

		@Mixin
		RunOptions run;

		private final PayrollRuns payroll;
		private final Disbursements disbursements;
		private final Regions regions;

		Approve(PayrollRuns payroll, Disbursements disbursements, Regions regions) {
			this.payroll = payroll;
			this.disbursements = disbursements;
			this.regions = regions;
		}

		@Override
		public Integer call() {
			PayrollRun r = payroll.approve(run.county, run.month(), run.user.name());
			List<Path> finals = disbursements.finalFiles(r.id());
			if (finals.isEmpty()) {
				System.out.printf("已审批 %s（审批人 %s，提交人 %s）：该批次没有应发放的行，无代发文件%n", named(r, regions),
						r.approvedBy(), r.releasedBy());
			}
			else {
				System.out.printf("已审批 %s（审批人 %s，提交人 %s）：正式代发文件 %d 个，在 %s%n", named(r, regions),
						r.approvedBy(), r.releasedBy(), finals.size(), finals.get(0).getParent());
			}
			return 0;
		}
	}

	@Command(name = "revoke", description = "撤销本区县最近一个已审批批次，以便重新计算该月。")
	static class Revoke implements Callable<Integer> {

		@Mixin
		RunOptions run;

		@Option(names = "--reason", required = true, description = "撤销原因（记入审计日志）。")
		String reason;

		private final PayrollRuns payroll;
		private final Regions regions;

		Revoke(PayrollRuns payroll, Regions regions) {
			this.payroll = payroll;
			this.regions = regions;
		}

		@Override
		public Integer call() {
			PayrollRun r = payroll.revoke(run.county, run.month(), run.user.name(), reason);
			System.out.printf("已撤销 %s：该月可以重新计算；其正式代发文件已移出 bank/（在 revoked/%s/）%n", named(r, regions),
					r.batchNo());
			return 0;
		}
	}
}
