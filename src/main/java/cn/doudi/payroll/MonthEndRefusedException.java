package cn.doudi.payroll;

/** A run that may not happen (RULES.md "Runs in order", "Runs and re-runs"); the message is Chinese. */
public class MonthEndRefusedException extends RuntimeException {

	public MonthEndRefusedException(String message) {
		super(message);
	}
}
