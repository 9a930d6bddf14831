package cn.doudi.payroll.batch;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import cn.doudi.allowance.ArrearsRule;
import cn.doudi.allowance.ComputedLine;
import cn.doudi.allowance.MonthInputs;
import cn.doudi.allowance.OverpaymentRule;
import cn.doudi.allowance.MonthOutcome;
import cn.doudi.allowance.MonthRules;

/**
 * One county and month: load the inputs, apply RULES.md, write the lines — all in the step's one
 * transaction, so a crash leaves either the whole run or nothing, and a restart recomputes it.
 */
class ComputeLinesTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(ComputeLinesTasklet.class);

	private final MonthInputsLoader loader;
	private final PaymentLineStore store;
	private final RunFindingStore findings;
	private final OverpaymentStore overpayments;
	private final long runId;
	private final String county;
	private final YearMonth month;

	ComputeLinesTasklet(MonthInputsLoader loader, PaymentLineStore store, RunFindingStore findings,
			OverpaymentStore overpayments, long runId, String county, YearMonth month) {
		this.loader = loader;
		this.store = store;
		this.findings = findings;
		this.overpayments = overpayments;
		this.runId = runId;
		this.county = county;
		this.month = month;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		MonthRules rules = new MonthRules();
		MonthInputs inputs = loader.load(county, month);
		contribution.incrementReadCount();
		MonthOutcome outcome = rules.compute(inputs);

		// arrears: the window's months recomputed with today's knowledge (RULES.md "Arrears")
		Map<YearMonth, MonthOutcome> earlier = new HashMap<>();
		int window = inputs.standards().arrearsMonths(county, month);
		YearMonth first = loader.firstRunMonth(county, month);
		for (YearMonth m = month.minusMonths(window); m.isBefore(month); m = m.plusMonths(1)) {
			if (!m.isBefore(first)) {
				earlier.put(m, rules.compute(loader.load(county, m)));
			}
		}
		List<ComputedLine> arrears = ArrearsRule.arrears(outcome, earlier, loader.paidKeys(county));

		List<StopRules.PreviousLine> previous = loader.previousLines(county, month.minusMonths(1));
		List<StopRules.Stop> stops = StopRules.find(inputs, outcome, previous, loader.deathMonthsOf(previous, inputs),
				loader.lastPaidMonths(county));

		// overpayments: paid months after a death that became known late (RULES.md "Overpayment")
		List<OverpaymentRule.PaidLine> paid = loader.paidLinesTouchingDeaths(county);
		List<OverpaymentRule.Overpayment> overpaid = OverpaymentRule.find(paid, loader.deathMonthsOfPaid(paid),
				m -> earlier.computeIfAbsent(m, x -> rules.compute(loader.load(county, x))));

		store.replace(runId, ArrearsRule.merged(outcome.lines(), arrears), outcome.ends(), stops);
		overpayments.reconcile(county, month, runId, overpaid);
		findings.replace(runId, county, month, outcome.findings());
		contribution.incrementWriteCount(outcome.lines().size());
		log.info("{} {}: {} roster rows → {} lines", county, month, inputs.roster().size(), outcome.lines().size());
		return RepeatStatus.FINISHED;
	}
}
