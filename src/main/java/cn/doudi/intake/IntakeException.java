package cn.doudi.intake;

/** An intake file that cannot be used, or an intake that does not exist; the message names the file and the key. */
public class IntakeException extends RuntimeException {

	public IntakeException(String message) {
		super(message);
	}
}
