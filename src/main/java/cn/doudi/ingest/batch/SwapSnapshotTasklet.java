package cn.doudi.ingest.batch;

import java.util.Arrays;
import java.util.List;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.ingest.rows.Sources;

/**
 * Step 2, one short transaction: points the source's snapshot at the import, or marks the keyed rows
 * it replaces ({@link SnapshotSwap}), sets the import COMMITTED and writes the audit event. Until this commits, readers of the {@code current_*}
 * views see the previous snapshot; a process killed before it leaves that snapshot intact.
 */
final class SwapSnapshotTasklet implements Tasklet {

	private final JdbcTemplate jdbc;
	private final ImportWorkRegistry registry;
	private final ImportBatches batches;

	SwapSnapshotTasklet(JdbcTemplate jdbc, ImportWorkRegistry registry, ImportBatches batches) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.batches = batches;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		long importId = (Long) chunkContext.getStepContext().getJobParameters().get(RosterImportJobConfiguration.IMPORT_ID);
		ImportWork work = registry.get(importId);
		ImportBatches.Batch batch = batches.get(importId);
		List<String> counties = batch.counties() == null ? List.of() : Arrays.asList(batch.counties().split(";"));
		SnapshotSwap.Replaced replaced = SnapshotSwap.swap(jdbc, work.source(), Sources.rowsFor(work.source()).table(),
				importId, counties);
		batches.finish(importId, "COMMITTED");
		batches.audit(work.user(), StageRowsTasklet.singleCounty(counties), importId,
				StageRowsTasklet.detail(work.source(), work, batch.rowsRead(), batch.rowsAccepted(), batch.rowsRejected(),
						"COMMITTED") + " " + replaced.describe());
		contribution.incrementWriteCount(batch.rowsAccepted());
		return RepeatStatus.FINISHED;
	}
}
