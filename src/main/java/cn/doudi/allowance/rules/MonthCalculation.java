package cn.doudi.allowance.rules;

import java.util.ArrayList;
import java.util.List;

import cn.doudi.allowance.ActiveRoster.Household;
import cn.doudi.allowance.ComputedLine;
import cn.doudi.allowance.EnrollmentEnded;
import cn.doudi.allowance.MonthInputs;
import cn.doudi.allowance.MonthOutcome;
import cn.doudi.kernel.Program;

/**
 * One county and month through RULES.md, in the order the rules depend on each other: DIBAO household
 * lines first (with check holds: DISABILITY_LIVING and the de-facto top-up read them), then the
 * person programs, then the price subsidy (which copies its qualifying line's status), then
 * TEMP_ASSIST. Lines leave sorted as {@code payments.csv}.
 */
public final class MonthCalculation {

	private MonthCalculation() {
	}

	public static MonthOutcome run(MonthInputs inputs) {
		Month month = new Month(inputs);
		Findings findings = new Findings();
		List<EnrollmentEnded> ends = new ArrayList<>();
		Holds holds = new Holds(inputs.holds());

		DibaoRule dibaoRule = new DibaoRule(month, findings, ends);
		List<Household> households = dibaoRule.households();
		List<DibaoIndex.HouseholdLine> householdLines = new ArrayList<>();
		for (Household hh : households) {
			dibaoRule.line(hh)
				.ifPresent(l -> householdLines.add(new DibaoIndex.HouseholdLine(hh, holds.apply(l, hh.persons()))));
		}
		DibaoIndex dibao = new DibaoIndex(households, householdLines);

		PersonPrograms persons = new PersonPrograms(month, findings, ends);
		List<PersonRule> rules = List.of(new TekunRule(month), new ElderlyRule(month),
				new DisabilityLivingRule(month, dibao), new DisabilityCareRule(month),
				new ChildRule(Program.ORPHAN, month, dibao), new ChildRule(Program.DE_FACTO_CHILD, month, dibao));
		List<ComputedLine> personLines = new ArrayList<>();
		for (PersonRule rule : rules) {
			for (ComputedLine l : persons.lines(rule)) {
				personLines.add(holds.apply(l, List.of(l.idNumber())));
			}
		}

		List<ComputedLine> lines = new ArrayList<>();
		householdLines.forEach(hl -> lines.add(hl.line()));
		lines.addAll(personLines);
		lines.addAll(new PriceSubsidyRule(month, dibao).lines(householdLines, personLines));
		lines.addAll(new TempAssistRule(month, holds).lines());
		lines.sort(Order.LINES);
		ends.sort(Order.ENDS);
		return new MonthOutcome(List.copyOf(lines), findings.merged(), List.copyOf(ends));
	}
}
