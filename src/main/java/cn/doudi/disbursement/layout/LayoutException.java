package cn.doudi.disbursement.layout;

/** A bank layout file that cannot be used: the message names the file and the field. */
public class LayoutException extends RuntimeException {

	public LayoutException(String message) {
		super(message);
	}

	public LayoutException(String message, Throwable cause) {
		super(message, cause);
	}
}
