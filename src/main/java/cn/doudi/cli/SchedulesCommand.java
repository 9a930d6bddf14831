package cn.doudi.cli;

import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import cn.doudi.ingest.Regions;
import cn.doudi.kernel.Months;
import cn.doudi.payroll.MonthEnd;
import cn.doudi.scheduling.Schedule;
import cn.doudi.scheduling.ScheduleException;
import cn.doudi.scheduling.Schedules;
import cn.doudi.security.AccessControl;
import cn.doudi.security.Role;
import cn.doudi.security.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code schedules list|run|start}: the schedules of {@code jobs/schedules/*.yml} (cn.doudi.scheduling).
 * {@code list} checks every file and prints the next firings; {@code run NAME [--month=YYYY-MM]} runs one
 * now, as its own user; {@code start} runs the scheduler in the foreground until stopped (the web console
 * {@code serve} starts it too).
 */
@Command(name = "schedules", description = "jobs/schedules/ 中的定时任务：list 列出、run 立即运行一个、start 启动调度。",
		subcommands = { SchedulesCommand.ListSchedules.class, SchedulesCommand.Run.class, SchedulesCommand.Start.class })
class SchedulesCommand implements Runnable {

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

	@Override
	public void run() {
		CommandLines.parser().getSubcommands().get("schedules").usage(System.out);
	}

	@Command(name = "list", description = "检查定时任务文件并列出各任务的下几次触发时间。")
	static class ListSchedules implements Callable<Integer> {

		@Option(names = "--next", defaultValue = "3", description = "显示几次将来的触发时间（默认 3）。")
		int next;

		@Mixin
		CodesOption format;

		private final Schedules schedules;
		private final Regions regions;

		ListSchedules(Schedules schedules, Regions regions) {
			this.schedules = schedules;
			this.regions = regions;
		}

		@Override
		public Integer call() {
			List<Schedules.Listed> all;
			try {
				all = schedules.list(ZonedDateTime.now(), next);
			}
			catch (ScheduleException e) {
				throw new CommandFailedException(e.getMessage().replace("\n", "; "));
			}
			if (format.codes) {
				System.out.println("name\ttask\tcron\ttime_zone\tmonth\tcounties\tuser\tout\tnext");
				for (Schedules.Listed l : all) {
					var s = l.schedule();
					System.out.println(String.join("\t", s.name(), s.task(), s.cron(), s.timeZone().getId(),
							s.month().name().toLowerCase(), s.counties().isEmpty() ? "all" : String.join(",", s.counties()),
							s.user(), s.out(), s.enabled() ? String.join(", ", l.next().stream().map(AT::format).toList())
									: "(disabled)"));
				}
			}
			else {
				CountyNames counties = new CountyNames(regions);
				System.out.println("名称\t任务\tcron\t时区\t计算月份\t区县\t用户\t输出目录\t下几次触发");
				for (Schedules.Listed l : all) {
					var s = l.schedule();
					System.out.println(String.join("\t", s.name(), Schedule.MONTH_END.equals(s.task()) ? "月末计算" : s.task(),
							s.cron(), s.timeZone().getId(), s.month() == Schedule.Relative.PREVIOUS ? "上月" : "本月",
							s.counties().isEmpty() ? "全部区县" : String.join("、", s.counties().stream().map(counties::of).toList()),
							s.user(), s.out(), s.enabled() ? String.join("，", l.next().stream().map(AT::format).toList())
									: "（未启用）"));
				}
			}
			System.out.printf("共 %d 个定时任务%n", all.size());
			return 0;
		}
	}

	@Command(name = "run", description = "在本进程中以该任务的用户立即运行一个定时任务。")
	static class Run implements Callable<Integer> {

		@Parameters(index = "0", description = "任务名（文件名去掉 .yml）。")
		String name;

		@Option(names = "--month", converter = MonthText.class, description = "运行哪个月（默认：此刻触发时会运行的月份）。")
		String month;

		@Mixin
		UserOption user;

		private final Schedules schedules;
		private final AccessControl access;

		Run(Schedules schedules, AccessControl access) {
			this.schedules = schedules;
			this.access = access;
		}

		/**
		 * The schedule runs as its own user; who starts it by hand must prove to be a FINANCE user or an ADMIN
		 * (a draft month-end only: release and approve stay with two FINANCE users).
		 */
		@Override
		public Integer call() {
			String caller = user.name();
			Role role = access.find(caller).map(User::role).orElse(null);
			if (role != Role.FINANCE && role != Role.ADMIN) {
				throw new CommandFailedException("用户 " + caller + " 无权手动运行排程（须为财务人员或系统管理员）");
			}
			YearMonth m = month == null ? null : Months.require(month);
			MonthEnd.Report report;
			try {
				report = schedules.runNow(name, m);
			}
			catch (ScheduleException e) {
				throw new CommandFailedException(e.getMessage().replace("\n", "; "));
			}
			report.runs().forEach(r -> System.out.printf("%s %s: 草稿 %s 已计算%n", r.county(), report.month(), r.batchNo()));
			report.refused().forEach((c, why) -> System.err.println("doudi: " + (c.isEmpty() ? "" : c + " 被拒绝：") + why));
			if (!report.runs().isEmpty()) {
				System.out.println("文件：" + report.folder().toAbsolutePath());
			}
			return report.allRan() ? 0 : 1;
		}
	}

	@Command(name = "start", description = "在前台运行调度（定时任务和自动接收），直到停止（Ctrl-C）。")
	static class Start implements Callable<Integer> {

		private final Schedules schedules;
		private final cn.doudi.intake.Intakes intakes;
		private final cn.doudi.scheduling.CronJobs cronJobs;

		Start(Schedules schedules, cn.doudi.intake.Intakes intakes, cn.doudi.scheduling.CronJobs cronJobs) {
			this.schedules = schedules;
			this.intakes = intakes;
			this.cronJobs = cronJobs;
		}

		@Override
		public Integer call() throws InterruptedException {
			// the same start-up as serve's: the schedules and the intakes of jobs/
			ServeCommand.startScheduler(schedules, intakes, cronJobs);
			System.out.println("调度已运行；Ctrl-C 停止");
			new CountDownLatch(1).await();
			return 0;
		}
	}
}
