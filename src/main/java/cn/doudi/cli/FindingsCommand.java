package cn.doudi.cli;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import cn.doudi.ingest.Regions;
import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Terms;
import cn.doudi.review.FindingQuery;
import cn.doudi.review.FindingReviews;
import cn.doudi.review.FindingView;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code findings list|show|dismiss|confirm|recover}: the monitor's review (CHECKS.md "Review"). Lists
 * mask ID and account numbers; {@code show} prints them whole only for a MONITOR or AUDITOR of the county.
 */
@Command(name = "findings", description = "核查疑点：list 列出、show 查看、dismiss 排除、confirm 确认、recover 登记追回。",
		subcommands = { FindingsCommand.ListFindings.class, FindingsCommand.Show.class, FindingsCommand.Dismiss.class,
				FindingsCommand.Confirm.class, FindingsCommand.Recover.class })
class FindingsCommand implements Runnable {

	@Override
	public void run() {
		CommandLines.parser().getSubcommands().get("findings").usage(System.out);
	}

	@Command(name = "list", description = "列出疑点（默认：本区县未结的）。")
	static class ListFindings implements Callable<Integer> {

		@Option(names = "--county", converter = CountyText.class, description = "区县（6 位代码）；默认本人所属区县。")
		String county;

		@Option(names = "--code", converter = CodeText.class, description = "一个疑点代码，如 NAME_MISMATCH（列表中疑点名称旁括号内的代码）。")
		String code;

		@Option(names = "--status", converter = StatusText.class, description = "状态：OPEN、DISMISSED、RESOLVED、RECOVERED、ALL（默认 OPEN 与 CONFIRMED）。")
		String status;

		@Mixin
		UserOption user;

		@Mixin
		CodesOption format;

		private final FindingReviews reviews;
		private final Regions regions;

		ListFindings(FindingReviews reviews, Regions regions) {
			this.reviews = reviews;
			this.regions = regions;
		}

		@Override
		public Integer call() {
			List<FindingView> found = reviews.list(user.name(), new FindingQuery(county, code, status));
			if (format.codes) {
				System.out.println("id\tcounty\tcode\teffect\tstatus\tid_number\tname\thousehold_id\tprograms\tlast_month\tdetail");
				for (FindingView f : found) {
					System.out.println(String.join("\t", String.valueOf(f.id()), f.county(), f.code(), f.effect(), f.status(),
							f.idNumber(), f.name(), f.householdId(), f.programs(), f.lastMonth(), f.detail()));
				}
			}
			else {
				CountyNames counties = new CountyNames(regions);
				System.out.println("编号\t区县\t疑点\t处理方式\t状态\t身份证号\t姓名\t户编号\t保障项目\t最近月份\t说明");
				for (FindingView f : found) {
					System.out.println(String.join("\t", String.valueOf(f.id()), counties.of(f.county()),
							Terms.finding(f.code()) + "（" + f.code() + "）", Terms.effect(f.effect()), Terms.status(f.status()),
							f.idNumber(), f.name(), f.householdId(), Terms.programs(f.programs()), f.lastMonth(), f.detail()));
				}
			}
			System.out.printf("共 %d 条疑点%n", found.size());
			return 0;
		}
	}

	/** {@code --code}: a finding code of CHECKS.md's catalogue (any case), checked while the command line is parsed. */
	static final class CodeText implements ITypeConverter<String> {

		@Override
		public String convert(String value) {
			String s = value.strip().toUpperCase(Locale.ROOT);
			if (Arrays.stream(FindingCode.values()).noneMatch(c -> c.name().equals(s))) {
				throw new TypeConversionException("不是疑点代码（如 NAME_MISMATCH、DECEASED；findings list 的疑点名称旁括号内即是）");
			}
			return s;
		}
	}

	/** {@code --status}: one of the findings' statuses, or ALL. */
	static final class StatusText implements ITypeConverter<String> {

		private static final List<String> STATUSES = List.of("OPEN", "CONFIRMED", "DISMISSED", "RESOLVED", "RECOVERED", "ALL");

		@Override
		public String convert(String value) {
			String s = value.strip().toUpperCase(Locale.ROOT);
			if (!STATUSES.contains(s)) {
				throw new TypeConversionException("应为 " + String.join("、", STATUSES) + " 之一");
			}
			return s;
		}
	}

	@Command(name = "show", description = "查看一条疑点及其处理记录。")
	static class Show implements Callable<Integer> {

		@Parameters(index = "0", description = "疑点编号（见 findings list）。")
		long id;

		@Mixin
		UserOption user;

		private final FindingReviews reviews;
		private final Regions regions;

		Show(FindingReviews reviews, Regions regions) {
			this.reviews = reviews;
			this.regions = regions;
		}

		@Override
		public Integer call() {
			FindingView f = reviews.show(user.name(), id);
			String name = Arrays.stream(FindingCode.values())
				.filter(c -> c.name().equals(f.code()))
				.map(c -> c.chineseName() + "（" + c.name() + "，" + c.effect().chineseName() + "）")
				.findFirst()
				.orElse(f.code() + "（" + Terms.effect(f.effect()) + "）");
			System.out.printf("疑点 %d  %s  %s%n", f.id(), name, Terms.status(f.status()));
			System.out.printf("区县 %s  身份证号 %s  姓名 %s  户编号 %s  项目 %s%n", new CountyNames(regions).of(f.county()),
					f.idNumber(), f.name(), f.householdId(), Terms.programs(f.programs()));
			if (!f.accountNumber().isEmpty()) {
				System.out.printf("账户 %s%n", f.accountNumber());
			}
			System.out.printf("月份 %s..%s%s%n", f.firstMonth(), f.lastMonth(),
					f.closedMonth().isEmpty() ? "" : "  关闭于 " + f.closedMonth());
			System.out.printf("说明 %s%n", f.detail());
			for (FindingView.Decision d : f.decisions()) {
				System.out.printf("  %s %s %s%s：%s%n", d.decidedAt(), d.decidedBy(), Terms.decision(d.decision()),
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

	/** A monitor's decision on one finding, printed as 疑点 N 名称 已由 用户 排除/确认. */
	abstract static class Decide implements Callable<Integer> {

		/** The façade's decision: who, which finding, the note. */
		interface Decider {

			FindingView decide(String user, long id, String note);
		}

		@Mixin
		Decision decision;

		private final String verb;

		private final Decider decider;

		Decide(String verb, Decider decider) {
			this.verb = verb;
			this.decider = decider;
		}

		@Override
		public Integer call() {
			FindingView f = decider.decide(decision.user.name(), decision.id, decision.note);
			System.out.printf("疑点 %d %s 已由 %s %s%n", f.id(), Terms.finding(f.code()), decision.user.name(), verb);
			return 0;
		}
	}

	@Command(name = "dismiss", description = "排除疑点（暂停发放的从下次计算起恢复）。")
	static class Dismiss extends Decide {

		Dismiss(FindingReviews reviews) {
			super("排除", reviews::dismiss);
		}
	}

	@Command(name = "confirm", description = "确认疑点：保持未结并继续生效。")
	static class Confirm extends Decide {

		Confirm(FindingReviews reviews) {
			super("确认", reviews::confirm);
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
			System.out.printf("疑点 %d %s 已由 %s 登记追回 %s 元%n", f.id(), Terms.finding(f.code()), decision.user.name(),
					Terms.money(amount));
			return 0;
		}
	}
}
