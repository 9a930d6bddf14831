package cn.doudi.scheduling;

/** A schedule file that cannot be used; the message names the file and the key (one line per problem). */
public class ScheduleException extends RuntimeException {

	public ScheduleException(String message) {
		super(message);
	}
}
