package cn.doudi.cli;

import picocli.CommandLine.Command;

/** The root command: lists the commands of OUTPUTS.md. */
@Command(name = "doudi", mixinStandardHelpOptions = true, version = "doudi 0.1",
		description = "兜底 Doudi: month-end engine for social-assistance payouts.",
		subcommands = { StatusCommand.class, ImportCommand.class, BenchCommand.class })
class DoudiCommand implements Runnable {

	@Override
	public void run() {
		new picocli.CommandLine(this).usage(System.out);
	}
}
