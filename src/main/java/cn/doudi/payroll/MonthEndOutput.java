package cn.doudi.payroll;

import java.nio.file.Path;
import java.util.List;

/**
 * A writer of more month-end files (bank files, notices, …), per county: {@link #write} writes one run's
 * files into the month's folder, in the partition that computed the run (a thread of the month-end, or a
 * {@code doudi worker}, so that the counties' files are written where and while they are computed); {@link
 * #finish} then writes, in the month-end's own process, what spans the counties (e.g. the bank folder's
 * manifest). Implementations live in their own modules. Each county's warnings say what month-end must tell
 * the user although every file was written (a character a bank's layout cannot represent, a character no
 * notice font has), each one line in Chinese, IDs masked.
 */
public interface MonthEndOutput {

	/**
	 * The files of {@code run} into {@code folder} (each under a temporary name, then moved into place: a run
	 * written again gets the same bytes); several runs may be written at once, each by its own thread.
	 */
	CountyFiles write(PayrollRun run, Path folder);

	/**
	 * As {@link #write(PayrollRun, Path)}, using at most {@code threads} threads of its own at once (an output that
	 * works in parallel, e.g. the notices' renderers): the partition's bound, {@code month-end --threads=N} or {@code
	 * doudi worker --threads=N}, so that N bounds all of the partitions' parallelism. By default the same as {@link
	 * #write(PayrollRun, Path)} (an output of one thread).
	 */
	default CountyFiles write(PayrollRun run, Path folder, int threads) {
		return write(run, folder);
	}

	/** After every run's {@link #write}, in county order: the files across the runs (none by default). */
	default void finish(List<PayrollRun> runs, Path folder) {
	}

	/**
	 * What {@link #write} wrote: the files, relative to the folder ({@code /}-separated, so that the month-end
	 * can check they are where it looks), and the warnings.
	 */
	record CountyFiles(List<String> files, List<String> warnings) {

		public CountyFiles {
			files = List.copyOf(files);
			warnings = List.copyOf(warnings);
		}
	}
}
