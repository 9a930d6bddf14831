package cn.doudi.kernel;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** Banks that carry the one-card accounts (惠民惠农一卡通), by code, short and official names. */
public enum Bank {

	ICBC("工商银行", "中国工商银行", "工行", "中国工商银行股份有限公司"),
	ABC("农业银行", "中国农业银行", "农行", "中国农业银行股份有限公司"),
	BOC("中国银行", "中行", "中国银行股份有限公司"),
	CCB("建设银行", "中国建设银行", "建行", "中国建设银行股份有限公司"),
	BOCOM("交通银行", "交行", "交通银行股份有限公司"),
	PSBC("邮储银行", "中国邮政储蓄银行", "邮政储蓄银行", "邮政银行", "中国邮政储蓄银行股份有限公司"),
	RCU("农村信用社", "农商银行", "农村商业银行", "信用社", "农信社", "农村信用合作社", "农村信用联社");

	private final String chineseName;
	private final Set<String> aliases;

	Bank(String chineseName, String... aliases) {
		this.chineseName = chineseName;
		this.aliases = Set.of(aliases);
	}

	public String chineseName() {
		return chineseName;
	}

	public static Optional<Bank> parse(@Nullable String text) {
		if (text == null) {
			return Optional.empty();
		}
		String s = text.strip().replace(" ", "").replace("\u3000", "");
		for (Bank b : values()) {
			if (b.name().equals(s.toUpperCase(Locale.ROOT)) || b.chineseName.equals(s) || b.aliases.contains(s)) {
				return Optional.of(b);
			}
		}
		// e.g. "XX县农村商业银行", "河南省农村信用社联合社"
		if (s.contains("农村商业银行") || s.contains("农商") || s.contains("信用社") || s.contains("信用联社")) {
			return Optional.of(RCU);
		}
		return Optional.empty();
	}
}
