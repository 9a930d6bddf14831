package cn.doudi.disbursement.layout;

import java.util.Arrays;
import java.util.Optional;

/** What a layout field holds. {@code TEXT} is a fixed text; the others come from the batch or the line. */
public enum Value {

	TEXT("text", true, true),
	BATCH_NO("batch_no", true, true),
	PAY_DATE("pay_date", true, true),
	COUNT("count", true, false),
	TOTAL("total", true, false),
	COUNTY("county", true, true),
	MONTH("month", true, true),
	BANK("bank", true, true),
	SEQ("seq", false, true),
	ACCOUNT("account", false, true),
	ACCOUNT_NAME("account_name", false, true),
	NAME("name", false, true),
	AMOUNT("amount", false, true),
	ID_NUMBER("id_number", false, true),
	MEMO("memo", false, true),
	PROGRAM("program", false, true),
	PAY_MONTH("pay_month", false, true);

	private final String key;
	private final boolean inHeader;
	private final boolean inDetail;

	Value(String key, boolean inHeader, boolean inDetail) {
		this.key = key;
		this.inHeader = inHeader;
		this.inDetail = inDetail;
	}

	public String key() {
		return key;
	}

	/** Allowed in header and trailer records. */
	public boolean inHeader() {
		return inHeader;
	}

	public boolean inDetail() {
		return inDetail;
	}

	/** Takes a date or month pattern ({@code pattern:}). */
	public boolean dated() {
		return this == PAY_DATE || this == MONTH || this == PAY_MONTH;
	}

	public static Optional<Value> of(String key) {
		return Arrays.stream(values()).filter(v -> v != TEXT && v.key.equals(key)).findFirst();
	}
}
