package cn.doudi.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;

import cn.doudi.ingest.Freshness;
import cn.doudi.kernel.Months;
import cn.doudi.payroll.MonthEnd;
import cn.doudi.payroll.MonthEndProgress;
import cn.doudi.payroll.MonthEndProgresses;
import cn.doudi.payroll.MonthEndRefusedException;
import cn.doudi.payroll.PayrollRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code month-end --month=YYYY-MM [--county=C] --out=DIR [--pay-date=YYYY-MM-DD]}: runs the month for
 * one county or every county with a standards row; a refused county is named on standard error, the
 * others still run, and the exit status is then non-zero. The files' warnings (a character a bank's
 * layout cannot represent, written as its substitute; a character no notice font has) go to standard
 * error, one line each ({@code doudi: 警告：…}); they do not change the exit status. The counties run at
 * once, one partition per county: {@code --threads=N} threads of this process (default: the cores), or
 * {@code --workers=remote} on {@code doudi worker} processes over RabbitMQ; the files are the same bytes either
 * way. ({@link DoudiCli} turns both options into {@code doudi.workers.*} before the application starts.)
 */
@Command(name = "month-end", description = "月结：交叉比对、计算待遇、写出文件（草稿），一个或全部区县。")
class MonthEndCommand implements Callable<Integer> {

	@Option(names = "--month", required = true, converter = MonthText.class, description = "月份，YYYY-MM。")
	String month;

	@Option(names = "--county", converter = CountyText.class, description = "一个区县（6 位代码）；默认所有有保障标准的区县。")
	String county;

	@Option(names = "--out", required = true, description = "写出本月文件的文件夹。")
	Path out;

	@Option(names = "--pay-date", description = "代发文件中的发放日期 YYYY-MM-DD（默认当月 10 日）。")
	LocalDate payDate;

	@Option(names = "--threads", description = "本进程中同时计算的区县数（默认：CPU 核数）。")
	Integer threads;

	@Option(names = "--workers", description = "remote：由 doudi worker 工作进程经 RabbitMQ 计算各区县（见 README “Across machines”）；默认本进程。")
	Workers workers;

	/** Where the counties' partitions run. */
	enum Workers {
		remote
	}

	@Mixin
	UserOption user;

	private final MonthEnd monthEnd;
	private final Freshness freshness;
	private final MonthEndProgresses progresses;

	MonthEndCommand(MonthEnd monthEnd, Freshness freshness, MonthEndProgresses progresses) {
		this.monthEnd = monthEnd;
		this.freshness = freshness;
		this.progresses = progresses;
	}

	@Override
	public Integer call() {
		YearMonth m = Months.require(month);
		// the month still runs on stale deaths / economic data, but whoever runs it is told which source is old
		freshness.staleSources().forEach(s -> System.err.println("doudi: " + s.warning()));
		// a county without names, a source the month needs that never arrived: said before anything is held for it
		freshness.missingFor(m, county != null ? List.of(county) : List.of())
			.forEach(w -> System.err.println("doudi: 警告：" + w));
		MonthEnd.Report report;
		java.time.Instant since = java.time.Instant.now().minusSeconds(2);
		try (ProgressDisplay shown = ProgressDisplay.start("月结 " + m, "", 1, () -> progresses.latest(county, m)
			.filter(p -> p.started() != null && !p.started().isBefore(since))
			.map(MonthEndCommand::reading))) {
			report = monthEnd.run(m, county != null ? List.of(county) : List.of(), payDate, out, user.name(),
					new MonthEnd.Listener() {
						@Override
						public void computed(PayrollRun run) {
							System.out.printf("%s %s: %s 已计算%n", run.county(), m, run.batchNo());
						}

						@Override
						public void refused(String c, String reason) {
							System.err.println("doudi: " + c + " 被拒绝：" + reason);
						}
					}, threads != null ? threads : 0);
		}
		catch (MonthEndRefusedException e) {
			throw new CommandFailedException(e.getMessage());
		}
		for (PayrollRun run : report.runs()) {
			System.out.printf("%s %s: 草稿 %s%n", run.county(), m, run.batchNo());
		}
		if (!report.runs().isEmpty()) {
			System.out.println("文件：" + out.toAbsolutePath());
		}
		printWarnings(report.warnings());
		return report.allRan() ? 0 : 1;
	}

	/** Counties as hundreds: the counties done, and the share of the current one (its lines, then its files). */
	static ProgressDisplay.Reading reading(MonthEndProgress p) {
		long within = switch (p.step()) {
			case CHECKS -> 0;
			case LINES -> p.linesTotal() <= 0 ? 5 : 5 + p.linesWritten() * 85 / p.linesTotal();
			case FILES -> 95;
			case DONE, FAILED -> 100;
		};
		String brief = String.format("%s（%d/%d）%s", p.county(), p.countyNo(), p.countyCount(), switch (p.step()) {
			case CHECKS -> "核对";
			case LINES -> String.format("已写 %,d/%,d 条", p.linesWritten(), p.linesTotal());
			case FILES -> "生成文件";
			case DONE -> "完成";
			case FAILED -> "失败";
		});
		return new ProgressDisplay.Reading((p.countyNo() - 1) * 100L + within, p.countyCount() * 100L, p.text(), brief);
	}

	/** One line per warning on standard error, with a count first. */
	static void printWarnings(List<String> warnings) {
		if (warnings.isEmpty()) {
			return;
		}
		System.err.println("doudi: " + warnings.size() + " 条警告（文件均已写出，请核对）：");
		for (String w : warnings) {
			System.err.println("doudi: 警告：" + w);
		}
	}
}
