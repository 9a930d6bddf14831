package cn.doudi.security;

/** A user: name, role and county (null = city-wide). */
public record User(String name, Role role, String county) {

	public boolean cityWide() {
		return county == null;
	}

	/** True when this user may act on {@code county} (null = the whole city). */
	public boolean covers(String county) {
		return this.county == null || this.county.equals(county);
	}
}
