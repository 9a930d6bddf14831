package cn.doudi.cli;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

import cn.doudi.intake.Intake;
import cn.doudi.intake.IntakeException;
import cn.doudi.intake.Intakes;
import cn.doudi.intake.PollReport;
import cn.doudi.intake.ReceivedFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code intake list|run}: the feeds of {@code jobs/intake/*.yml} (cn.doudi.intake). {@code list} checks
 * every file (and each feed's folder, secret and user) and prints the feeds with their next firings and last
 * poll; {@code run NAME} polls one feed now, in this process, as the feed's own system user. {@code serve}
 * (and {@code schedules start}) fire them on their crons.
 */
@Command(name = "intake", description = "自动接收的名册（jobs/intake/）：list 列出接收任务，run 立即接收一个。",
		subcommands = { IntakeCommand.ListIntakes.class, IntakeCommand.Run.class })
class IntakeCommand implements Runnable {

	/** A received file's outcome as a person reads it ({@link ReceivedFile}). */
	private static final java.util.Map<String, String> FILE_STATUSES = java.util.Map.of("COMMITTED", "已导入", "DUPLICATE",
			"相同内容已导入过", "REJECTED", "被拒绝", "FAILED", "未能导入（留待下次）", "CLAIMED", "正在导入");

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

	@Override
	public void run() {
		CommandLines.parser().getSubcommands().get("intake").usage(System.out);
	}

	@Command(name = "list", description = "检查接收任务文件并列出各任务的下几次触发时间。")
	static class ListIntakes implements Callable<Integer> {

		@Option(names = "--next", defaultValue = "3", description = "显示几次将来的触发时间（默认 3）。")
		int next;

		@Mixin
		CodesOption format;

		private final Intakes intakes;

		ListIntakes(Intakes intakes) {
			this.intakes = intakes;
		}

		@Override
		public Integer call() {
			Intakes.Listing listing = intakes.list(ZonedDateTime.now(), next);
			if (format.codes) {
				System.out.println("name\tsource\tfrom\tfiles\tcomplete\trejected_rows\tuser\tcron\tcheck\tnext\tlast_poll");
			}
			else {
				System.out.println("名称\t名册\t位置\t文件\t传完的标志\t有被拒绝的行时\t用户\tcron\t检查\t下几次触发\t最近一次接收");
			}
			for (Intakes.Listed l : listing.intakes()) {
				var i = l.intake();
				String last = l.lastPollAt() == null ? "-" : AT.format(l.lastPollAt().atZone(i.timeZone())) + " " + l.lastPollResult();
				if (format.codes) {
					System.out.println(String.join("\t", i.name(), i.source().code(), i.location().describe(), String.join(",", i.files()),
							i.complete().code(), i.acceptValidRows() ? "accept-valid-rows" : "refuse-file", i.user(), i.cron(),
							l.problems().isEmpty() ? "ok" : String.join("；", l.problems()),
							i.enabled() ? String.join(", ", l.next().stream().map(AT::format).toList()) : "（未启用）", last));
				}
				else {
					System.out.println(String.join("\t", i.name(), i.source().title() + "（" + i.source().code() + "）",
							i.location().describe(), String.join("，", i.files()),
							i.complete() == Intake.Completion.MARKER ? "标记文件（.ok/.done）" : "两次接收间大小不变",
							i.acceptValidRows() ? "导入其余有效行" : "整个文件不导入", i.user(), i.cron(),
							l.problems().isEmpty() ? "正常" : String.join("；", l.problems()),
							i.enabled() ? String.join("，", l.next().stream().map(AT::format).toList()) : "（未启用）", last));
				}
			}
			listing.broken().forEach(b -> System.err.println("doudi: " + b.replace("\n", "; ")));
			System.out.printf("共 %d 个接收任务%s%n", listing.intakes().size(),
					listing.broken().isEmpty() ? "" : "，" + listing.broken().size() + " 个文件有误（未使用）");
			boolean problems = listing.intakes().stream().anyMatch(l -> l.intake().enabled() && !l.problems().isEmpty());
			return listing.broken().isEmpty() && !problems ? 0 : 1;
		}
	}

	@Command(name = "run", description = "在本进程中以该任务的系统用户立即接收一次。")
	static class Run implements Callable<Integer> {

		@Parameters(index = "0", description = "接收任务名（文件名去掉 .yml）。")
		String name;

		private final Intakes intakes;

		Run(Intakes intakes) {
			this.intakes = intakes;
		}

		@Override
		public Integer call() {
			PollReport report;
			try {
				report = intakes.runNow(name);
			}
			catch (IntakeException e) {
				throw new CommandFailedException(e.getMessage().replace("\n", "; "));
			}
			for (ReceivedFile f : report.files()) {
				System.out.println(String.join("\t", f.fileName(), FILE_STATUSES.getOrDefault(f.status(), f.status()), f.importId() == null ? "-" : "导入 #" + f.importId(),
						f.rowsAccepted() == null ? "-" : "导入 " + f.rowsAccepted() + " 行，拒绝 " + f.rowsRejected() + " 行",
						f.archivedAs() == null ? "（未移动）" : f.archivedAs(), f.report() == null ? "" : f.report(),
						f.message() == null ? "" : f.message()));
			}
			report.waiting().forEach(w -> System.out.println(w + "\t等待\t（文件尚未写完）"));
			System.out.println(name + ": " + report.summary());
			if (report.busy() || report.problem() != null) {
				System.err.println("doudi: " + name + ": " + report.summary());
				return 1;
			}
			return report.files().stream().anyMatch(f -> "FAILED".equals(f.status()) || "REJECTED".equals(f.status())) ? 1 : 0;
		}
	}
}
