package cn.doudi.review;

/** A review decision that the rules of CHECKS.md "Review" do not allow; the message is Chinese, for the monitor. */
public class ReviewRefusedException extends RuntimeException {

	public ReviewRefusedException(String message) {
		super(message);
	}
}
