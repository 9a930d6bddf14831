package cn.doudi.database;

import java.util.Map;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.doudi.kernel.FailPoint;

/**
 * Commits a running step's progress — a few numbers in its ExecutionContext — to the job repository in a
 * transaction of its own ({@code REQUIRES_NEW}), while the step's own transaction stays open: so any process
 * reading the Batch tables sees how far the step is, not only when it ends. Reaches the {@link FailPoint}
 * {@code <point>} after each commit (the tests hold the step there and read the progress from elsewhere).
 * One mechanism for every job that reports progress: an import's stage step and month-end's lines step.
 */
public final class StepProgress {

	private final JobRepository repository;
	private final TransactionTemplate ownTransaction;
	private final StepExecution step;
	private final String point;

	public StepProgress(JobRepository repository, PlatformTransactionManager transactionManager, StepExecution step,
			String point) {
		this.repository = repository;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.step = step;
		this.point = point;
	}

	/** Puts the values into the step's context and commits the context now. */
	public void commit(Map<String, ?> values) {
		values.forEach((k, v) -> step.getExecutionContext().put(k, v));
		ownTransaction.executeWithoutResult(s -> repository.updateExecutionContext(step));
		FailPoint.reach(point);
	}
}
