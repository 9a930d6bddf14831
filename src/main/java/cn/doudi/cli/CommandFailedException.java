package cn.doudi.cli;

/** A command that could not do its work: the message is the one line printed on standard error. */
public class CommandFailedException extends RuntimeException {

	private final int exitCode;

	public CommandFailedException(String message) {
		this(message, 1);
	}

	public CommandFailedException(String message, int exitCode) {
		super(message);
		this.exitCode = exitCode;
	}

	public int exitCode() {
		return exitCode;
	}
}
