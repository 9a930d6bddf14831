package cn.doudi.ingest.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import cn.doudi.ingest.read.FileRejectedException;
import cn.doudi.ingest.read.RawRow;
import cn.doudi.ingest.read.RowSource;
import cn.doudi.ingest.read.SpreadsheetFiles;
import cn.doudi.ingest.rows.HeaderLocator;
import cn.doudi.ingest.rows.Schema;

/**
 * Reads the files of an import on a thread of its own, so that parsing (CSV decoding, the XLSX's XML)
 * overlaps with validation and COPY on the step's thread: each file's header is located, blank and
 * totals rows are skipped, and the data rows are handed over in batches through a small bounded
 * queue (memory stays flat). The consumer gets, per file, a {@link FileStart} and then batches of
 * rows; a failure of the reader (a file that cannot be read, a file with only a header) is rethrown
 * by {@link #next()} in the consumer, in file order. {@link #close()} stops the reader.
 */
final class RowFeed implements AutoCloseable {

	/** A file begins: its name, the header's column index per schema column, its date system. */
	record FileStart(String name, int fileNo, int[] columnIndex, boolean date1904) {
	}

	private static final int BATCH = 512;
	private static final Object END = new Object();

	private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(16);
	private final Thread reader;
	private volatile boolean cancelled;
	private boolean ended;
	private long waitNanos;
	private volatile long bytesRead;

	private RowFeed(List<Path> files, Charset encoding, Schema schema, String threadName) {
		this.reader = new Thread(() -> read(files, encoding, schema), threadName);
		this.reader.setDaemon(true);
	}

	static RowFeed start(List<Path> files, Charset encoding, Schema schema, long importId) {
		RowFeed feed = new RowFeed(files, encoding, schema, "doudi-import-reader-" + importId);
		feed.reader.start();
		return feed;
	}

	/** The next item: a {@link FileStart} or a {@code RawRow[]} batch; null at the end of the last file. */
	Object next() throws IOException {
		if (ended) {
			return null;
		}
		Object item;
		try {
			item = queue.poll();
			if (item == null) {
				long t = System.nanoTime();
				item = queue.take();
				waitNanos += System.nanoTime() - t;
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("导入被中断", e);
		}
		if (item == END) {
			ended = true;
			return null;
		}
		if (item instanceof Failure f) {
			ended = true;
			throw f.rethrow();
		}
		return item;
	}

	/** About how many bytes of the files the reader has read so far (for progress only). */
	long bytesRead() {
		return bytesRead;
	}

	/** The files' sizes together (0 for a file that cannot be sized: it will be rejected anyway). */
	static long totalBytes(List<Path> files) {
		long total = 0;
		for (Path f : files) {
			try {
				total += java.nio.file.Files.size(f);
			}
			catch (IOException e) {
				// the reader rejects it
			}
		}
		return total;
	}

	/** Time the consumer waited for rows (the reader was the slower side), in ms. */
	long waitMillis() {
		return waitNanos / 1_000_000;
	}

	private void read(List<Path> files, Charset encoding, Schema schema) {
		try {
			int fileNo = 0;
			long done = 0;
			for (Path file : files) {
				long size = totalBytes(List.of(file));
				String name = file.getFileName().toString();
				fileNo++;
				long rows = 0;
				try (RowSource source = SpreadsheetFiles.open(file, encoding)) {
					HeaderLocator.Header header = HeaderLocator.locate(source, schema, name);
					put(new FileStart(name, fileNo, header.columnIndex(), source.date1904()));
					List<RawRow> batch = new ArrayList<>(BATCH);
					RawRow row;
					while ((row = source.next()) != null) {
						if (row.isBlank() || RowStager.isTotals(row)) {
							continue;
						}
						rows++;
						batch.add(row);
						if (batch.size() == BATCH) {
							bytesRead = done + (long) (source.fractionRead() * size);
							put(batch.toArray(RawRow[]::new));
							batch.clear();
						}
					}
					if (!batch.isEmpty()) {
						put(batch.toArray(RawRow[]::new));
					}
				}
				if (rows == 0) {
					throw new FileRejectedException(name, "文件只有表头，没有数据行");
				}
				done += size;
				bytesRead = done;
			}
			put(END);
		}
		catch (Cancelled e) {
			// the consumer gave up: nobody reads any more
		}
		catch (Throwable t) {
			try {
				put(new Failure(t));
			}
			catch (Cancelled e) {
				// the consumer gave up
			}
		}
	}

	private void put(Object item) {
		if (cancelled) {
			throw new Cancelled();
		}
		try {
			while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
				if (cancelled) {
					throw new Cancelled();
				}
			}
		}
		catch (InterruptedException e) {
			throw new Cancelled();
		}
	}

	/** Stops the reader (when the consumer stops early) and waits for it to let go of its files. */
	@Override
	public void close() {
		cancelled = true;
		queue.clear();
		try {
			reader.join(10_000);
			if (reader.isAlive()) {
				reader.interrupt();
				reader.join(10_000);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static final class Cancelled extends RuntimeException {

		Cancelled() {
			super(null, null, false, false);
		}
	}

	/** What the reader threw, handed to the consumer. */
	private record Failure(Throwable cause) {

		IOException rethrow() {
			if (cause instanceof IOException io) {
				return io;
			}
			if (cause instanceof UncheckedIOException u) {
				return u.getCause();
			}
			if (cause instanceof RuntimeException r) {
				throw r;
			}
			if (cause instanceof Error e) {
				throw e;
			}
			throw new IllegalStateException(cause);
		}
	}
}
