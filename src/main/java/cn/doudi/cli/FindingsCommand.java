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
@Command(name = "findings", description = "核查疑点：list 列出、show 查看、dismiss 排除、confirm 确认、recover 登记追回。",
		subcommands = { FindingsCommand.ListFindings.class, FindingsCommand.Show.class, FindingsCommand.Dismiss.class,
				FindingsCommand.Confirm.class, FindingsCommand.Recover.class })
class FindingsCommand implements Runnable {

	/** A finding's status as a person reads it (the console's words). */
	static final java.util.Map<String, String> FINDING_STATUSES = java.util.Map.of("OPEN", "待处理", "CONFIRMED", "已确认",
			"DISMISSED", "已排除", "RESOLVED", "已自动关闭", "RECOVERED", "已追回");

	@Override
	public void run() {
		CommandLines.parser().getSubcommands().get("findings").usage(System.out);
	}

	@Command(name = "list", description = "列出疑点（默认：本区县未结的）。")
	static class ListFindings implements Callable<Integer> {

		@Option(names = "--county", description = "区县（6 位代码）；默认本人所属区县。")
		String county;

		@Option(names = "--code", description = "一个疑点代码，如 NAME_MISMATCH。")
		String code;

		@Option(names = "--status", description = "状态：OPEN、DISMISSED、RESOLVED、RECOVERED、ALL（默认 OPEN 与 CONFIRMED）。")
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
			System.out.printf("共 %d 条疑点%n", found.size());
			return 0;
		}
	}

	@Command(name = "show", description = "查看一条疑点及其处理记录。")
	static class Show implements Callable<Integer> {

		@Parameters(index = "0", description = "疑点编号（见 findings list）。")
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
			String name = java.util.Arrays.stream(cn.doudi.kernel.FindingCode.values())
				.filter(c -> c.name().equals(f.code()))
				.map(c -> c.chineseName() + "（" + c.name() + "，" + c.effect().chineseName() + "）")
				.findFirst()
				.orElse(f.code() + " (" + f.effect() + ")");
			System.out.printf("疑点 %d  %s  %s%n", f.id(), name, FINDING_STATUSES.getOrDefault(f.status(), f.status()));
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

		@Parameters(index = "0", description = "疑点编号（见 findings list）。")
		long id;

		@Option(names = "--note", required = true, description = "处理说明（随处理记录保存）。")
		String note;

		@Mixin
		UserOption user;
	}

	@Command(name = "dismiss", description = "排除疑点（暂停发放的从下次计算起恢复）。")
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
			System.out.printf("疑点 %d %s 已由 %s 排除%n", f.id(), f.code(), decision.user.name());
			return 0;
		}
	}

	@Command(name = "confirm", description = "确认疑点：保持未结并继续生效。")
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
			System.out.printf("疑点 %d %s 已由 %s 确认%n", f.id(), f.code(), decision.user.name());
			return 0;
		}
	}

	@Command(name = "recover", description = "登记多发（OVERPAID）款项的追回并结案。")
	static class Recover implements Callable<Integer> {

		@Mixin
		Decision decision;

		@Option(names = "--amount", required = true, description = "追回金额（元）。")
		BigDecimal amount;

		private final FindingReviews reviews;

		Recover(FindingReviews reviews) {
			this.reviews = reviews;
		}

		@Override
		public Integer call() {
			FindingView f = reviews.recover(decision.user.name(), decision.id, amount, decision.note);
			System.out.printf("疑点 %d %s 已由 %s 登记追回 %s 元%n", f.id(), f.code(), decision.user.name(), amount.toPlainString());
			return 0;
		}
	}
}
