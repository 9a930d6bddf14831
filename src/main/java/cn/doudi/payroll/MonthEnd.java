package cn.doudi.payroll;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.doudi.security.AccessDeniedException;

/**
 * The month-end of OUTPUTS.md as one call, shared by the command line, the schedules and the web
 * console: computes the month for one county, several, or every county with a standards row; a county
 * that is refused (months in order, an approved run, access) is reported and the others still run;
 * then writes the month's files of the computed runs into the folder and records it on each run.
 */
@Service
public class MonthEnd {

	/** What happened to each county, as it happens. */
	public interface Listener {

		void computed(PayrollRun run);

		void refused(String county, String reason);
	}

	/**
	 * The runs computed (their files are in {@code folder}), the counties refused, with the reason, and the
	 * warnings of the files written (see {@link MonthEndOutput}).
	 */
	public record Report(YearMonth month, List<PayrollRun> runs, Map<String, String> refused, Path folder,
			List<String> warnings) {

		public Report(YearMonth month, List<PayrollRun> runs, Map<String, String> refused, Path folder) {
			this(month, runs, refused, folder, List.of());
		}

		public boolean allRan() {
			return refused.isEmpty();
		}
	}

	private final PayrollRuns payroll;
	private final MonthEndFiles files;

	MonthEnd(PayrollRuns payroll, MonthEndFiles files) {
		this.payroll = payroll;
		this.files = files;
	}

	/**
	 * @param counties the counties to run; empty: every county with a standards row
	 * @param payDate the payment date in the bank files; null: the 10th of the month
	 * @throws MonthEndRefusedException when no county has a standards row at all
	 */
	public Report run(YearMonth month, List<String> counties, LocalDate payDate, Path folder, String user,
			Listener listener) {
		LocalDate date = payDate != null ? payDate : month.atDay(10);
		List<String> which = counties.isEmpty() ? payroll.counties() : counties;
		if (which.isEmpty()) {
			throw new MonthEndRefusedException("没有任何区县的保障标准（先 import standards）");
		}
		List<PayrollRun> done = new ArrayList<>();
		Map<String, String> refused = new LinkedHashMap<>();
		for (String county : which) {
			try {
				PayrollRun run = payroll.monthEnd(county, month, date, user);
				done.add(run);
				listener.computed(run);
			}
			catch (MonthEndRefusedException | AccessDeniedException e) {
				refused.put(county, e.getMessage());
				listener.refused(county, e.getMessage());
			}
		}
		List<String> warnings = List.of();
		if (!done.isEmpty()) {
			warnings = files.write(done, folder);
			String where = folder.toAbsolutePath().toString();
			done.forEach(r -> payroll.recordOutputFolder(r.id(), where));
		}
		return new Report(month, List.copyOf(done), Map.copyOf(refused), folder, warnings);
	}
}
