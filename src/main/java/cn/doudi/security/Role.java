package cn.doudi.security;

/** The roles of DOMAIN.md "Who uses the system". */
public enum Role {
	/** 区县/乡镇经办员: uploads rosters. */
	OPERATOR,
	/** 核对/监督人员: reviews findings. */
	MONITOR,
	/** 财务人员: runs month-end, releases and approves (two different users). */
	FINANCE,
	/** 审计/纪检: reads everything, changes nothing. */
	AUDITOR,
	/** 系统管理员: users, roles, counties, policy tables. */
	ADMIN
}
