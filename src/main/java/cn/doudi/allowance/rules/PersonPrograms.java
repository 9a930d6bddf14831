package cn.doudi.allowance.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

import cn.doudi.allowance.ComputedLine;
import cn.doudi.allowance.EnrollmentEnded;
import cn.doudi.allowance.RosterRow;
import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.StopReason;

/**
 * Runs a {@link PersonRule} over the active rows of its program (start ≤ M ≤ end, alive, not ended by
 * rule), one line per key (county, program, household, id): with two rows of the same key, the one
 * with the later start month counts. Rule holds become lines and findings; AGED_OUT becomes an
 * enrollment end.
 */
final class PersonPrograms {

	private final Month month;
	private final Findings findings;
	private final List<EnrollmentEnded> ends;

	PersonPrograms(Month month, Findings findings, List<EnrollmentEnded> ends) {
		this.month = month;
		this.findings = findings;
		this.ends = ends;
	}

	/** The lines of the rule's program before check holds, in key order. */
	List<ComputedLine> lines(PersonRule rule) {
		List<ComputedLine> out = new ArrayList<>();
		for (RosterRow row : month.roster().activeRows(rule.program())) {
			PersonDecision d = rule.decide(row);
			if (d instanceof PersonDecision.Pay pay) {
				out.add(Lines.person(row, month.month(), pay.category(), pay.amount(), Lines.codes()));
			}
			else if (d instanceof PersonDecision.Held held) {
				SortedSet<FindingCode> codes = Lines.codes();
				held.findings().forEach((code, detail) -> {
					codes.add(code);
					findings.raise(code, row.county(), row.idNumber(), row.name(), row.householdId(), row.program(),
							row.program().chineseName() + "：" + detail);
				});
				out.add(Lines.person(row, month.month(), held.category(), held.amount(), codes));
			}
			else if (d instanceof PersonDecision.AgedOut aged) {
				ends.add(new EnrollmentEnded(row.county(), row.program(), row.householdId(), row.idNumber(),
						aged.endedMonth(), StopReason.AGED_OUT));
			}
		}
		return out;
	}
}
