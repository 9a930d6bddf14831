package cn.doudi.identity;

/**
 * A 12-digit region code (区划代码): province 2, city 2, county 2, township 3, village 3. The county
 * is the first 6 digits; a village part of 001–199 is an urban community (居委会), 200–399 a rural
 * village (村委会).
 */
public record RegionCode(String value) {

	public RegionCode {
		if (value == null || value.length() != 12 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw new IllegalArgumentException("区划代码应为 12 位数字");
		}
	}

	/** Normalises (NFKC, spaces removed) and checks; null when the text is not 12 digits. */
	public static RegionCode parseOrNull(String raw) {
		String s = IdNumber.normalise(raw);
		if (s.length() != 12 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return null;
		}
		return new RegionCode(s);
	}

	public String county() {
		return value.substring(0, 6);
	}

	public String township() {
		return value.substring(0, 9);
	}

	public int villagePart() {
		return Integer.parseInt(value.substring(9));
	}

	/** 001–199: 居委会 (urban community). */
	public boolean isUrbanCommunity() {
		int v = villagePart();
		return v >= 1 && v <= 199;
	}

	/** 200–399: 村委会 (rural village). */
	public boolean isRuralVillage() {
		int v = villagePart();
		return v >= 200 && v <= 399;
	}
}
