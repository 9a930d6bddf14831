package cn.doudi.disbursement.layout;

import java.util.Map;

/**
 * One record of a bank return file: its row (1-based line number), the values of its fields, and for
 * detail records the bank's status and failure reason; {@code problem} is set when the row could not be read.
 */
public record ReturnRecord(int row, Map<Value, String> values, String status, String reason, String problem) {

	public String get(Value v) {
		return values.get(v);
	}
}
