package cn.doudi.cli;

import picocli.CommandLine.Option;

/** {@code --user=U}: who acts; default the operating-system account name. */
class UserOption {

	@Option(names = "--user", description = "The user who acts (default: the OS account name).")
	String user = System.getProperty("user.name");
}
