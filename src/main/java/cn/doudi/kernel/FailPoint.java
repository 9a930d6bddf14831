package cn.doudi.kernel;

import java.util.function.Consumer;

/**
 * Named points in the life of a run where the crash and race tests stop the program (as failpoints in
 * databases do). In production nothing happens. A test either halts the process at a point (a child JVM
 * started with {@code -Ddoudi.test.halt-at=NAME}: {@link Runtime#halt}, as {@code kill -9} would, no
 * shutdown hook, no finally block), stops the thread there for good ({@code -Ddoudi.test.hang-at=NAME}: a
 * worker that never answers) or, in its own JVM, runs a hook there (to hold a thread on a latch while
 * another one races it). The points are named where they are reached ({@code month-end.after-job},
 * {@code approve.staged}, …) and listed in the README's crash-recovery section.
 */
public final class FailPoint {

	/** The system property naming the point where the process halts. */
	public static final String HALT_AT = "doudi.test.halt-at";

	/** The system property naming the point where the thread stops for good (a worker that never answers). */
	public static final String HANG_AT = "doudi.test.hang-at";

	/** The exit status of a process halted at a point. */
	public static final int HALTED = 137;

	private static volatile Consumer<String> hook;

	private FailPoint() {
	}

	/** Marks that the program reached {@code name}. */
	public static void reach(String name) {
		Consumer<String> h = hook;
		if (h != null) {
			h.accept(name);
		}
		if (name.equals(System.getProperty(HALT_AT))) {
			System.err.println("doudi: halted at " + name + " (" + HALT_AT + ")");
			System.err.flush();
			Runtime.getRuntime().halt(HALTED);
		}
		if (name.equals(System.getProperty(HANG_AT))) {
			System.err.println("doudi: hanging at " + name + " (" + HANG_AT + ")");
			System.err.flush();
			while (true) {
				try {
					Thread.sleep(60_000);
				}
				catch (InterruptedException e) {
					// a hung thread stays hung: only the process's end stops it
				}
			}
		}
	}

	/** Tests only: runs {@code h} at every point reached, in the thread that reaches it (null: none). */
	public static void hook(Consumer<String> h) {
		hook = h;
	}
}
