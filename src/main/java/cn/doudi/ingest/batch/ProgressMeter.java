package cn.doudi.ingest.batch;

import java.util.function.Consumer;

import cn.doudi.ingest.ImportProgress;

/** Reports rows read, rate and rejects about every two seconds (checks the clock every 4096 rows). */
final class ProgressMeter {

	private static final long EVERY_NANOS = 2_000_000_000L;

	private final Consumer<ImportProgress> listener;
	private final long started = System.nanoTime();
	private long last = started;

	ProgressMeter(Consumer<ImportProgress> listener) {
		this.listener = listener;
	}

	void tick(String file, long rowsRead, long rejected) {
		if (listener == null || (rowsRead & 4095) != 0) {
			return;
		}
		long now = System.nanoTime();
		if (now - last >= EVERY_NANOS) {
			last = now;
			long rate = rowsRead * 1_000_000_000L / Math.max(1, now - started);
			listener.accept(new ImportProgress(file, rowsRead, rate, rejected));
		}
	}
}
