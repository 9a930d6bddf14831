package cn.doudi.allowance.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

import cn.doudi.allowance.ComputedLine;
import cn.doudi.allowance.TempAssistCase;
import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Money;
import cn.doudi.kernel.Program;

/**
 * TEMP_ASSIST (临时救助): one line per approved case whose 审批月份 is M, paying its 救助金额 into the
 * case's own account, {@code pay_month} = 审批月份, category empty. No line when the person is dead for
 * that month. Held only by the person's own NAME_MISMATCH, DEATH_PROBABLE and SHARED_ACCOUNT holds
 * ({@link Holds#forTempAssist}); it earns no price subsidy and never ends an enrollment.
 */
final class TempAssistRule {

	private final Month month;
	private final Holds holds;

	TempAssistRule(Month month, Holds holds) {
		this.month = month;
		this.holds = holds;
	}

	List<ComputedLine> lines() {
		List<ComputedLine> out = new ArrayList<>();
		for (TempAssistCase c : month.inputs().tempAssist()) {
			if (!month.month().equals(c.approvalMonth()) || month.dead(c.idNumber())) {
				continue;
			}
			SortedSet<FindingCode> reasons = holds.forTempAssist(c.idNumber());
			out.add(new ComputedLine(c.county(), c.regionCode(), Program.TEMP_ASSIST, "", c.householdId(),
					c.idNumber(), c.name(), c.approvalMonth(), Money.fen(c.amount()), Lines.status(reasons), reasons,
					new ComputedLine.Payee(c.bank(), c.accountNumber(), c.accountName()), false, null));
		}
		return out;
	}
}
