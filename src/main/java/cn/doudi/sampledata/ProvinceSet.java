package cn.doudi.sampledata;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * What {@code sample-data --counties=N} wrote: the folder, its files, the counties (codes in order), the
 * households and persons on the first month's rosters, roster rows per month and planted problems per kind and
 * code.
 */
public record ProvinceSet(Path folder, List<Path> files, List<String> counties, long households, long persons,
		Map<YearMonth, Long> rows, Map<String, Integer> planted) {

	public YearMonth firstMonth() {
		return Policy.M1;
	}

	public int plantedCount() {
		return planted.values().stream().mapToInt(Integer::intValue).sum();
	}
}
