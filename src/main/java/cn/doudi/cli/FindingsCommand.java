package cn.doudi.cli;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.Callable;

import cn.doudi.review.FindingQuery;
import cn.doudi.review.FindingReviews;
import cn.doudi.review.FindingView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code findings list|show|dismiss|confirm|recover}: the monitor's review (CHECKS.md "Review"). Lists
 * mask ID and account numbers; {@code show} prints them whole only for a MONITOR or AUDITOR of the county.
 */
@Command(name = "findings", description = "Reviews findings: list, show, dismiss, confirm, recover.",
		subcommands = { FindingsCommand.ListFindings.class, FindingsCommand.Show.class, FindingsCommand.Dismiss.class,
				FindingsCommand.Confirm.class, FindingsCommand.Recover.class })
class FindingsCommand implements Runnable {

	@Override
	public void run() {
		new picocli.CommandLine(this).usage(System.out);
	}

	@Command(name = "list", description = "Lists findings (default: the open ones of your county).")
	static class ListFindings implements Callable<Integer> {

		@Option(names = "--county", description = "The county (6 digits); default your own.")
		String county;

		@Option(names = "--code", description = "One finding code, e.g. NAME_MISMATCH.")
		String code;

		@Option(names = "--status", description = "OPEN (default: OPEN and CONFIRMED), DISMISSED, RESOLVED, RECOVERED, ALL.")
		String status;

		@Mixin
		UserOption user;

		private final FindingReviews reviews;

		ListFindings(FindingReviews reviews) {
			this.reviews = reviews;
		}

		@Override
		public Integer call() {
			List<FindingView> found = reviews.list(user.name(), new FindingQuery(county, code, status));
			System.out.println("id\tcounty\tcode\teffect\tstatus\tid_number\tname\thousehold_id\tprograms\tlast_month\tdetail");
			for (FindingView f : found) {
				System.out.println(String.join("\t", String.valueOf(f.id()), f.county(), f.code(), f.effect(), f.status(),
						f.idNumber(), f.name(), f.householdId(), f.programs(), f.lastMonth(), f.detail()));
			}
			System.out.printf("%d findings%n", found.size());
			return 0;
		}
	}

	@Command(name = "show", description = "Shows one finding with its decisions.")
	static class Show implements Callable<Integer> {

		@Parameters(index = "0", description = "The finding's id (from findings list).")
		long id;

		@Mixin
		UserOption user;

		private final FindingReviews reviews;

		Show(FindingReviews reviews) {
			this.reviews = reviews;
		}

		@Override
		public Integer call() {
			FindingView f = reviews.show(user.name(), id);
			System.out.printf("疑点 %d  %s (%s)  %s%n", f.id(), f.code(), f.effect(), f.status());
			System.out.printf("区县 %s  身份证号 %s  姓名 %s  户编号 %s  项目 %s%n", f.county(), f.idNumber(), f.name(),
					f.householdId(), f.programs());
			if (!f.accountNumber().isEmpty()) {
				System.out.printf("账户 %s%n", f.accountNumber());
			}
			System.out.printf("月份 %s..%s%s%n", f.firstMonth(), f.lastMonth(),
					f.closedMonth().isEmpty() ? "" : "  关闭于 " + f.closedMonth());
			System.out.printf("说明 %s%n", f.detail());
			for (FindingView.Decision d : f.decisions()) {
				System.out.printf("  %s %s %s%s：%s%n", d.decidedAt(), d.decidedBy(), d.decision(),
						d.amount().isEmpty() ? "" : " " + d.amount(), d.note());
			}
			return 0;
		}
	}

	static class Decision {

		@Parameters(index = "0", description = "The finding's id (from findings list).")
		long id;

		@Option(names = "--note", required = true, description = "Why (kept with the decision).")
		String note;

		@Mixin
		UserOption user;
	}

	@Command(name = "dismiss", description = "Dismisses a review finding (a HOLD stops holding from the next run).")
	static class Dismiss implements Callable<Integer> {

		@Mixin
		Decision decision;

		private final FindingReviews reviews;

		Dismiss(FindingReviews reviews) {
			this.reviews = reviews;
		}

		@Override
		public Integer call() {
			FindingView f = reviews.dismiss(decision.user.name(), decision.id, decision.note);
			System.out.printf("finding %d %s dismissed by %s%n", f.id(), f.code(), decision.user.name());
			return 0;
		}
	}

	@Command(name = "confirm", description = "Confirms a finding: it stays open and keeps its effect.")
	static class Confirm implements Callable<Integer> {

		@Mixin
		Decision decision;

		private final FindingReviews reviews;

		Confirm(FindingReviews reviews) {
			this.reviews = reviews;
		}

		@Override
		public Integer call() {
			FindingView f = reviews.confirm(decision.user.name(), decision.id, decision.note);
			System.out.printf("finding %d %s confirmed by %s%n", f.id(), f.code(), decision.user.name());
			return 0;
		}
	}

	@Command(name = "recover", description = "Records the recovery of an overpayment (OVERPAID) and closes it.")
	static class Recover implements Callable<Integer> {

		@Mixin
		Decision decision;

		@Option(names = "--amount", required = true, description = "The amount recovered, yuan.")
		BigDecimal amount;

		private final FindingReviews reviews;

		Recover(FindingReviews reviews) {
			this.reviews = reviews;
		}

		@Override
		public Integer call() {
			FindingView f = reviews.recover(decision.user.name(), decision.id, amount, decision.note);
			System.out.printf("finding %d %s recovered (%s) by %s%n", f.id(), f.code(), amount.toPlainString(),
					decision.user.name());
			return 0;
		}
	}
}
