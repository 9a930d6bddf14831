package cn.doudi.disbursement;

import java.util.List;

/**
 * What {@code bank-return} did with one file: ACCEPTED (lines marked; {@code importId} the upload),
 * DUPLICATE (the same content was read before: nothing changed) or REJECTED ({@code problems}, in Chinese,
 * each naming the row, value and reason; nothing changed).
 */
public record BankReturnOutcome(String file, Status status, String batchNo, String bank, long importId, int paid,
		int failed, List<String> problems) {

	public enum Status {
		ACCEPTED, DUPLICATE, REJECTED
	}

	static BankReturnOutcome rejected(String file, String batchNo, String bank, List<String> problems) {
		return new BankReturnOutcome(file, Status.REJECTED, batchNo, bank, 0, 0, 0, List.copyOf(problems));
	}
}
