package cn.doudi.allowance;

import java.util.List;

/** What the rules produce for one county and month: lines, rule findings, enrollments ended by rule. */
public record MonthOutcome(List<ComputedLine> lines, List<RuleFinding> findings, List<EnrollmentEnded> ends) {
}
