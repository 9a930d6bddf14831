package cn.doudi.payroll.batch;

import java.time.YearMonth;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import cn.doudi.allowance.MonthInputs;
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
	private final long runId;
	private final String county;
	private final YearMonth month;

	ComputeLinesTasklet(MonthInputsLoader loader, PaymentLineStore store, RunFindingStore findings, long runId, String county, YearMonth month) {
		this.loader = loader;
		this.store = store;
		this.findings = findings;
		this.runId = runId;
		this.county = county;
		this.month = month;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		MonthInputs inputs = loader.load(county, month);
		contribution.incrementReadCount();
		MonthOutcome outcome = new MonthRules().compute(inputs);
		List<StopRules.PreviousLine> previous = loader.previousLines(county, month.minusMonths(1));
		List<StopRules.Stop> stops = StopRules.find(inputs, outcome, previous, loader.deathMonthsOf(previous, inputs),
				loader.lastPaidMonths(county));
		store.replace(runId, outcome.lines(), outcome.ends(), stops);
		findings.replace(runId, county, month, outcome.findings());
		contribution.incrementWriteCount(outcome.lines().size());
		log.info("{} {}: {} roster rows → {} lines", county, month, inputs.roster().size(), outcome.lines().size());
		return RepeatStatus.FINISHED;
	}
}
