package cn.doudi.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a long command's progress on standard error while the command runs, polling where the progress is
 * kept — the job repository ({@code ingest.ImportProgresses}, {@code payroll.MonthEndProgresses}), as the
 * console does — about four times a second on a thread of its own. On a terminal ({@code System.console()}
 * not null) a moving bar (the progressbar library, over JLine); otherwise, e.g. piped into a file or a log,
 * one line each time another tenth of the work is done and one at the end, so a few lines in all (none for work
 * over before its first tenth was seen).
 */
final class ProgressDisplay implements AutoCloseable {

	/**
	 * One reading: done of total (any unit), a line in Chinese saying where the work is, and a short form of
	 * it beside the bar (the bar library counts a Chinese character as one column, the terminal shows two).
	 */
	record Reading(long done, long total, String text, String brief) {

		int percent() {
			return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
		}
	}

	private static final long POLL_MILLIS = 250;

	private final String task;
	private final String unit;
	private final long unitSize;
	private final Supplier<Optional<Reading>> source;
	private final boolean terminal;
	private final PrintStream err;
	private final Thread poller;
	private volatile boolean stopped;
	private ProgressBar bar;
	private int nextTenth = 1;
	private Reading last;

	private ProgressDisplay(String task, String unit, long unitSize, Supplier<Optional<Reading>> source, boolean terminal,
			PrintStream err) {
		this.task = task;
		this.unit = unit;
		this.unitSize = unitSize;
		this.source = source;
		this.terminal = terminal;
		this.err = err;
		this.poller = new Thread(this::poll, "doudi-progress");
		this.poller.setDaemon(true);
	}

	/**
	 * Starts showing {@code task}'s progress; a bar on a terminal (counting in {@code unit}s of {@code unitSize},
	 * e.g. " MB" of 1048576; "" and 1: plain numbers), lines otherwise.
	 */
	static ProgressDisplay start(String task, String unit, long unitSize, Supplier<Optional<Reading>> source) {
		ProgressDisplay display = new ProgressDisplay(task, unit, unitSize, source, System.console() != null,
				System.err);
		display.poller.start();
		return display;
	}

	/** Tests: the lines (no bar) written to {@code err}; readings only through {@link #show} and {@link #close}. */
	static ProgressDisplay lines(String task, Supplier<Optional<Reading>> atClose, PrintStream err) {
		return new ProgressDisplay(task, "", 1, atClose, false, err);
	}

	private void poll() {
		while (!stopped) {
			try {
				source.get().ifPresent(this::show);
			}
			catch (RuntimeException e) {
				// progress is only shown: a failed reading (the database busy, the context closing) is skipped
			}
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException e) {
				return;
			}
		}
	}

	synchronized void show(Reading r) {
		last = r;
		if (terminal) {
			if (bar == null) {
				bar = new ProgressBarBuilder().setTaskName(task)
					.setInitialMax(Math.max(r.total(), 1))
					.setStyle(ProgressBarStyle.ASCII)
					.setUnit(unit, unitSize)
					.setUpdateIntervalMillis(200)
					.setMaxRenderedLength(120)
					.continuousUpdate()
					.hideEta()
					.build();
			}
			bar.maxHint(Math.max(r.total(), 1));
			bar.stepTo(Math.min(r.done(), Math.max(r.total(), 1)));
			bar.setExtraMessage(r.brief());
			return;
		}
		int tenth = r.percent() / 10;
		if (tenth >= nextTenth && tenth < 10) {
			nextTenth = tenth + 1;
			err.println("doudi: " + task + " " + r.percent() + "%：" + r.text());
		}
	}

	/** Stops polling; takes one last reading, so the bar (or the last line) ends where the work ended. */
	@Override
	public void close() {
		stopped = true;
		poller.interrupt();
		try {
			poller.join(Duration.ofSeconds(2).toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		try {
			source.get().ifPresent(this::show);
		}
		catch (RuntimeException e) {
			// as above
		}
		synchronized (this) {
			if (bar != null) {
				bar.close();
			}
			else if (!terminal && last != null && nextTenth > 1) {
				// the end, after the tenths shown (work done before a tenth was seen prints nothing)
				err.println("doudi: " + task + " " + last.percent() + "%：" + last.text());
			}
		}
	}
}
