package cn.doudi.security;

import java.util.EnumSet;
import java.util.Set;

/** What a command needs, and which roles hold it. */
public enum Permission {

	/** Upload other agencies' rosters and the beneficiary roster. */
	IMPORT_ROSTERS(Role.OPERATOR, Role.ADMIN),
	/** Upload the policy table (standards) and region names. */
	IMPORT_POLICY(Role.ADMIN),
	/** Run month-end, release, approve, revoke, read bank returns. */
	RUN_PAYROLL(Role.FINANCE),
	/** Dismiss, confirm, record recoveries. */
	REVIEW_FINDINGS(Role.MONITOR),
	/** Add users. */
	MANAGE_USERS(Role.ADMIN),
	/** Read anything within the county. */
	READ(Role.OPERATOR, Role.MONITOR, Role.FINANCE, Role.AUDITOR, Role.ADMIN);

	private final Set<Role> roles;

	Permission(Role first, Role... rest) {
		this.roles = EnumSet.of(first, rest);
	}

	public boolean heldBy(Role role) {
		return roles.contains(role);
	}
}
