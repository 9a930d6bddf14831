package cn.doudi.allowance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy table (保障标准) as a value: {@code std(county, program, category, M)} is the row with the
 * latest effective month ≤ M (RULES.md "Arithmetic"). {@code program} is a Program code or
 * {@code PARAM}.
 */
public final class Standards {

	public record Row(String county, String program, String category, YearMonth effectiveMonth, BigDecimal value) {
	}

	private final Map<String, List<Row>> byKey = new HashMap<>();

	public Standards(Collection<Row> rows) {
		for (Row r : rows) {
			byKey.computeIfAbsent(key(r.county(), r.program(), r.category()), k -> new ArrayList<>()).add(r);
		}
		byKey.values().forEach(l -> l.sort((a, b) -> a.effectiveMonth().compareTo(b.effectiveMonth())));
	}

	public Optional<BigDecimal> std(String county, String program, String category, YearMonth month) {
		List<Row> rows = byKey.get(key(county, program, category));
		if (rows == null) {
			return Optional.empty();
		}
		BigDecimal found = null;
		for (Row r : rows) {
			if (!r.effectiveMonth().isAfter(month)) {
				found = r.value();
			}
		}
		return Optional.ofNullable(found);
	}

	/** {@code PARAM 渐退月数}, default 6. */
	public int gradualExitMonths(String county, YearMonth month) {
		return std(county, "PARAM", "渐退月数", month).map(BigDecimal::intValue).orElse(6);
	}

	/** {@code PARAM 补发上限月数}, default 12. */
	public int arrearsMonths(String county, YearMonth month) {
		return std(county, "PARAM", "补发上限月数", month).map(BigDecimal::intValue).orElse(12);
	}

	private static String key(String county, String program, String category) {
		return county + '|' + program + '|' + category;
	}
}
