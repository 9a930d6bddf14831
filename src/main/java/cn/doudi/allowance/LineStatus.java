package cn.doudi.allowance;

/** PAY goes into the bank file; HELD is computed and kept, not sent (RULES.md "Lines"). */
public enum LineStatus {
	PAY, HELD
}
