package cn.doudi.security;

/** The roles of DOMAIN.md "Who uses the system", with the name a person reads (the console's and the command line's). */
public enum Role {
	/** 区县/乡镇经办员: uploads rosters. */
	OPERATOR("经办员"),
	/** 核对/监督人员: reviews findings. */
	MONITOR("核对人员"),
	/** 财务人员: runs month-end, releases and approves (two different users). */
	FINANCE("财务人员"),
	/** 审计/纪检: reads everything, changes nothing. */
	AUDITOR("审计人员"),
	/** 系统管理员: users, roles, counties, policy tables. */
	ADMIN("系统管理员");

	private final String chineseName;

	Role(String chineseName) {
		this.chineseName = chineseName;
	}

	/** 经办员, 核对人员, 财务人员, 审计人员, 系统管理员. */
	public String chineseName() {
		return chineseName;
	}
}
