package cn.doudi.disbursement.layout;

import java.util.Arrays;
import java.util.Optional;

/** What a layout field holds. {@code TEXT} is a fixed text; the others come from the batch or the line. */
public enum Value {

	TEXT("text", "固定文字", true, true),
	BATCH_NO("batch_no", "批次号", true, true),
	PAY_DATE("pay_date", "发放日期", true, true),
	COUNT("count", "笔数", true, false),
	TOTAL("total", "总金额", true, false),
	COUNTY("county", "区县", true, true),
	MONTH("month", "月份", true, true),
	BANK("bank", "银行", true, true),
	SEQ("seq", "序号", false, true),
	ACCOUNT("account", "账号", false, true),
	ACCOUNT_NAME("account_name", "户名", false, true),
	NAME("name", "姓名", false, true),
	AMOUNT("amount", "金额", false, true),
	ID_NUMBER("id_number", "身份证号", false, true),
	MEMO("memo", "摘要", false, true),
	PROGRAM("program", "项目", false, true),
	PAY_MONTH("pay_month", "所属月份", false, true);

	private final String key;
	private final String label;
	private final boolean inHeader;
	private final boolean inDetail;

	Value(String key, String label, boolean inHeader, boolean inDetail) {
		this.key = key;
		this.label = label;
		this.inHeader = inHeader;
		this.inDetail = inDetail;
	}

	public String key() {
		return key;
	}

	/** The Chinese name of the value, for warnings finance reads. */
	public String label() {
		return label;
	}

	/**
	 * Free text that comes from the rosters (a person's or account's name) or is worded from them (摘要):
	 * a fixed-width field of such a value is cut at a character boundary when too long, with a warning,
	 * never refused (one person's name never stops a county's file); return matching never relies on it.
	 */
	public boolean freeText() {
		return this == ACCOUNT_NAME || this == NAME || this == MEMO;
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
