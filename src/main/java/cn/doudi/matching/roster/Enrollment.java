package cn.doudi.matching.roster;

import java.time.YearMonth;

import cn.doudi.kernel.Program;

/**
 * A person's active enrollment in M (RULES.md "Enrollment"): the person's own row and the payee row
 * whose account the line goes to (the 户主 row for DIBAO_*, the row itself otherwise). Its start is
 * the person's own row's start month.
 */
public record Enrollment(Row row, Row payee) {

	public String county() {
		return row.county();
	}

	public Program program() {
		return row.program();
	}

	public String householdId() {
		return row.householdId();
	}

	public String idNumber() {
		return row.idNumber();
	}

	public String name() {
		return row.name();
	}

	public YearMonth start() {
		return row.start();
	}

	/** The enrollment's identity: county, program and household. */
	public String key() {
		return row.county() + '|' + row.program().name() + '|' + row.householdId();
	}
}
