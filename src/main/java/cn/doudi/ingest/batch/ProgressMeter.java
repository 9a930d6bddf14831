package cn.doudi.ingest.batch;

import cn.doudi.database.StepProgress;

import java.util.Map;

/**
 * An import's progress, committed to its stage step's ExecutionContext ({@link StepProgress}): the file being
 * read, rows read and rejected, bytes read of the files' total. At the start, after the first 4096 rows,
 * then at most every half second (the clock is looked at every 4096 rows), and at the end.
 */
final class ProgressMeter {

	static final String FILE = "doudi.file";
	static final String ROWS_READ = "doudi.rowsRead";
	static final String ROWS_REJECTED = "doudi.rowsRejected";
	static final String BYTES_READ = "doudi.bytesRead";
	static final String BYTES_TOTAL = "doudi.bytesTotal";

	/** The FailPoint reached after each commit of an import's progress. */
	static final String POINT = "import.progress";

	private static final long EVERY_NANOS = 500_000_000L;

	private final StepProgress progress;
	private final long bytesTotal;
	private long last;
	private boolean first = true;

	ProgressMeter(StepProgress progress, long bytesTotal) {
		this.progress = progress;
		this.bytesTotal = bytesTotal;
		this.last = System.nanoTime();
		commit("", 0, 0, 0);
	}

	void tick(String file, long rowsRead, long rejected, long bytesRead) {
		if ((rowsRead & 4095) != 0) {
			return;
		}
		long now = System.nanoTime();
		if (first || now - last >= EVERY_NANOS) {
			first = false;
			last = now;
			commit(file, rowsRead, rejected, bytesRead);
		}
	}

	void done(String file, long rowsRead, long rejected) {
		commit(file, rowsRead, rejected, bytesTotal);
	}

	private void commit(String file, long rowsRead, long rejected, long bytesRead) {
		progress.commit(Map.of(FILE, file == null ? "" : file, ROWS_READ, rowsRead, ROWS_REJECTED, rejected, BYTES_READ,
				Math.min(bytesRead, bytesTotal), BYTES_TOTAL, bytesTotal));
	}
}
