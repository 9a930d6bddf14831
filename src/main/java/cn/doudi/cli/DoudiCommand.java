package cn.doudi.cli;

import picocli.CommandLine.Command;

/** The root command: lists the commands of OUTPUTS.md. */
@Command(name = "doudi", mixinStandardHelpOptions = true, version = "doudi 0.1",
		description = "兜底 Doudi: month-end engine for social-assistance payouts.",
		subcommands = { ImportCommand.class, MonthEndCommand.class, UsersCommand.class, RunCommands.Release.class,
				RunCommands.Approve.class, RunCommands.Revoke.class, DemoCommand.class, SampleDataCommand.class, BenchCommand.class,
				StatusCommand.class, BankReturnCommand.class, FindingsCommand.class, SchedulesCommand.class, IntakeCommand.class, ServeCommand.class })
class DoudiCommand implements Runnable {

	@Override
	public void run() {
		new picocli.CommandLine(this).usage(System.out);
	}
}
