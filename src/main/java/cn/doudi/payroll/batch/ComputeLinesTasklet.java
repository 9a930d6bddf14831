package cn.doudi.payroll.batch;

import cn.doudi.database.StepProgress;

import java.time.YearMonth;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.PlatformTransactionManager;

import cn.doudi.allowance.MonthRules;
import cn.doudi.allowance.Settlement;
import cn.doudi.payroll.MonthEndPhases;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One county and month: load → settle → store. {@link MonthInputsLoader} loads the records, the checks'
 * HOLD conditions per month and the run history as values; {@link MonthRules#settle} applies RULES.md (the
 * lines, arrears, stops, overpayments, rule findings and rule ends); the stores write them — all in the
 * step's one transaction, so a crash leaves either the whole run or nothing, and a restart recomputes it.
 */
class ComputeLinesTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(ComputeLinesTasklet.class);

	/** The step's progress in its ExecutionContext: lines written so far (uncommitted until the step ends), of. */
	static final String LINES_WRITTEN = "doudi.linesWritten";
	static final String LINES_TOTAL = "doudi.linesTotal";

	/** The FailPoint reached after each commit of the progress. */
	static final String POINT = "month-end.progress";

	private final JobRepository repository;
	private final PlatformTransactionManager transactionManager;
	private final MonthInputsLoader loader;
	private final PaymentLineStore store;
	private final RunFindingStore findings;
	private final OverpaymentStore overpayments;
	private final MeterRegistry meters;
	private final long runId;
	private final String county;
	private final YearMonth month;

	ComputeLinesTasklet(JobRepository repository, PlatformTransactionManager transactionManager,
			MonthInputsLoader loader, PaymentLineStore store, RunFindingStore findings,
			OverpaymentStore overpayments, MeterRegistry meters, long runId, String county, YearMonth month) {
		this.repository = repository;
		this.transactionManager = transactionManager;
		this.loader = loader;
		this.store = store;
		this.findings = findings;
		this.overpayments = overpayments;
		this.meters = meters;
		this.runId = runId;
		this.county = county;
		this.month = month;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		MonthInputsLoader.Loaded loaded = MonthEndPhases.time(meters, MonthEndPhases.LOAD, () -> loader.load(runId, county, month));
		contribution.incrementReadCount();
		long[] since = { System.nanoTime() };
		Settlement month = new MonthRules().settle(loaded.inputs(), loaded.history(), part -> {
			long now = System.nanoTime();
			MonthEndPhases.record(meters, part, now - since[0]);
			since[0] = now;
		});
		long storing = System.nanoTime();
		StepProgress progress = new StepProgress(repository, transactionManager,
				chunkContext.getStepContext().getStepExecution(), POINT);
		int total = month.lines().size();
		progress.commit(Map.of(LINES_WRITTEN, 0L, LINES_TOTAL, (long) total));
		store.replace(runId, month.lines(), month.ends(), month.stops(),
				written -> progress.commit(Map.of(LINES_WRITTEN, written, LINES_TOTAL, (long) total)));
		overpayments.reconcile(county, this.month, runId, month.overpayments());
		findings.replace(runId, county, this.month, month.findings());
		MonthEndPhases.record(meters, MonthEndPhases.STORE, System.nanoTime() - storing);
		contribution.incrementWriteCount(month.lines().size());
		log.info("{} {}: {} roster rows → {} lines ({} arrears), {} stops", county, this.month,
				loaded.inputs().records().roster().size(), month.lines().size(), month.arrears().size(),
				month.stops().size());
		return RepeatStatus.FINISHED;
	}
}
