package cn.doudi.payroll;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The phases of a month-end, each a Micrometer timer {@code doudi.month.end.phase} tagged {@code phase}
 * (README "Month-end speed"; {@code bench month-end} reads them): the modules that do a phase time it here,
 * so a {@code serve} shows the same in {@code /actuator/prometheus}. Totals over the process's life.
 */
public final class MonthEndPhases {

	public static final String METER = "doudi.month.end.phase";

	/** The phases in the order a county's month-end goes through them. */
	public static final String CHECKS = "checks", LOAD = "load", RULES = "rules", ARREARS = "arrears",
			STOPS = "stops", STORE = "store", FILES = "files", BANK = "bank", NOTICES_XLSX = "notices-xlsx",
			NOTICES_PDF = "notices-pdf";

	public static final List<String> ALL = List.of(CHECKS, LOAD, RULES, ARREARS, STOPS, STORE, FILES, BANK,
			NOTICES_XLSX, NOTICES_PDF);

	private MonthEndPhases() {
	}

	public static Timer timer(MeterRegistry registry, String phase) {
		return Timer.builder(METER).description("月结各阶段用时").tag("phase", phase).register(registry);
	}

	public static <T> T time(MeterRegistry registry, String phase, Supplier<T> work) {
		long t = System.nanoTime();
		try {
			return work.get();
		}
		finally {
			record(registry, phase, System.nanoTime() - t);
		}
	}

	public static void record(MeterRegistry registry, String phase, long nanos) {
		timer(registry, phase).record(nanos, TimeUnit.NANOSECONDS);
	}

	/** The total time of each phase so far, in nanoseconds (in {@link #ALL}'s order). */
	public static long[] totals(MeterRegistry registry) {
		long[] t = new long[ALL.size()];
		for (int i = 0; i < t.length; i++) {
			t[i] = (long) timer(registry, ALL.get(i)).totalTime(TimeUnit.NANOSECONDS);
		}
		return t;
	}
}
