package cn.doudi.sampledata;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import cn.doudi.kernel.Program;

/**
 * What one generation wrote.
 *
 * @param directory the output folder
 * @param files every file written, in writing order
 * @param households distinct households on the rosters over all sample months
 * @param rows roster rows per sample month, county and program
 * @param planted the planted problems, roster changes and traps, as the README lists them
 */
public record SampleDataSet(Path directory, List<Path> files, int households,
		Map<YearMonth, Map<String, Map<Program, Integer>>> rows, List<PlantedProblem> planted) {

	/** The sample months in order. */
	public static List<YearMonth> months() {
		return Policy.MONTHS;
	}

	public int rowsIn(YearMonth month) {
		return rows.get(month).values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
	}
}
