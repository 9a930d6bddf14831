package cn.doudi.allowance.rules;

import java.util.ArrayList;
import java.util.List;

import cn.doudi.allowance.RosterRow;
import cn.doudi.kernel.PaymentKey;
import cn.doudi.kernel.Program;

/**
 * A DIBAO household whose enrollment is active in M (its 户主 row's start ≤ M ≤ end, not ended by
 * rule): the 户主 row (dead or alive) and the covered members in M (active rows, the 户主 among them
 * when alive), sorted by ID number.
 */
record Household(Program program, String householdId, RosterRow head, List<RosterRow> covered) {

	int n() {
		return covered.size();
	}

	List<String> memberIds() {
		return covered.stream().map(RosterRow::idNumber).toList();
	}

	boolean covers(String idNumber) {
		return covered.stream().anyMatch(r -> r.idNumber().equals(idNumber));
	}

	/** The people a hold may touch the household line through: covered members and the 户主. */
	List<String> persons() {
		List<String> p = new ArrayList<>(memberIds());
		if (!p.contains(head.idNumber())) {
			p.add(head.idNumber());
		}
		return p;
	}

	PaymentKey key() {
		return PaymentKey.of(program, householdId, null);
	}
}
