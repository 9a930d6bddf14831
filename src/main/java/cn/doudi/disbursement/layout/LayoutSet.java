package cn.doudi.disbursement.layout;

import java.util.Map;

/** The loaded layouts: each bank's own, else the default. {@code where} says where they were read from. */
public record LayoutSet(String where, BankLayout defaultLayout, Map<String, BankLayout> banks) {

	public BankLayout forBank(String bank) {
		return banks.getOrDefault(bank, defaultLayout);
	}
}
