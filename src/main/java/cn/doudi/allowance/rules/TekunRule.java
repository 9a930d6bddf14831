package cn.doudi.allowance.rules;

import cn.doudi.allowance.RosterRow;
import cn.doudi.kernel.Program;

/**
 * TEKUN (特困人员救助供养): amount = std(TEKUN, category, M), category 全自理 / 半护理 / 全护理 from the
 * roster row. A category without a row in the table gives no line. (The 1.3 × DIBAO check of the 河南
 * rule is an import warning on the policy table, not a payment rule.)
 */
final class TekunRule implements PersonRule {

	private final Month month;

	TekunRule(Month month) {
		this.month = month;
	}

	@Override
	public Program program() {
		return Program.TEKUN;
	}

	@Override
	public PersonDecision decide(RosterRow row) {
		String category = row.category() == null ? "" : row.category();
		return PersonDecision.payOrNothing(category, month.std(Program.TEKUN, category));
	}
}
