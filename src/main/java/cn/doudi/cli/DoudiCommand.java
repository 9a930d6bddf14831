package cn.doudi.cli;

import picocli.CommandLine.Command;

/** The root command: lists the commands of OUTPUTS.md. */
@Command(name = "doudi", version = "doudi 0.1",
		description = "兜底 Doudi：社会救助资金月结（导入名册、交叉比对、计算待遇、生成代发文件和公示）。",
		subcommands = { ImportCommand.class, MonthEndCommand.class, UsersCommand.class, RunCommands.Release.class,
				RunCommands.Approve.class, RunCommands.Revoke.class, DemoCommand.class, SampleDataCommand.class, BenchCommand.class,
				StatusCommand.class, BankReturnCommand.class, FindingsCommand.class, SchedulesCommand.class, IntakeCommand.class, ServeCommand.class,
				WorkerCommand.class })
class DoudiCommand implements Runnable {

	@Override
	public void run() {
		CommandLines.parser().usage(System.out);
	}
}
