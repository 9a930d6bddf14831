package cn.doudi.allowance;

import java.util.List;

/**
 * The whole month of one county, as {@link MonthRules#settle} gives it: the lines of {@code payments.csv}
 * (the month's own and the arrears, in file order), the findings the rules raise for M, the enrollments
 * that end by rule in M, the stops ({@code stops.csv}) and the overpayments (RULES.md "Overpayment").
 */
public record Settlement(List<ComputedLine> lines, List<RuleFinding> findings, List<EnrollmentEnded> ends,
		List<Stop> stops, List<OverpaymentRule.Overpayment> overpayments) {

	public Settlement {
		lines = List.copyOf(lines);
		findings = List.copyOf(findings);
		ends = List.copyOf(ends);
		stops = List.copyOf(stops);
		overpayments = List.copyOf(overpayments);
	}

	/** The arrears lines (补发) among the lines. */
	public List<ComputedLine> arrears() {
		return lines.stream().filter(ComputedLine::arrears).toList();
	}
}
