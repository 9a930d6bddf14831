package cn.doudi.matching.roster;

import java.util.List;

/** A DIBAO household whose enrollment is active in M: its 户主 row (dead or alive) and its covered members. */
public record Household(Row head, List<Row> covered) {

	public String householdId() {
		return head.householdId();
	}
}
