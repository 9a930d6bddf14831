package cn.doudi.payroll;

import java.util.ArrayList;
import java.util.List;

/**
 * A source whose data was stale when a run's files were written (ingest's {@code Freshness}): its code and
 * Chinese title, the day it last arrived (Beijing time, {@code YYYY-MM-DD}; null: never imported) and the
 * configured maximum age. Kept with the run (V551), so that every write of its files — and its console page —
 * says the same thing; no "N days ago", which would change with the clock.
 */
public record StaleData(String source, String sourceName, String lastArrival, long maxAgeDays) {

	/** The warning a person reads (Chinese, names the source and its last arrival). */
	public String warning() {
		return lastArrival == null
				? "注意：" + sourceName + "（" + source + "）从未导入，本月未能据此核对（应退尽退依赖及时的数据）"
				: "注意：" + sourceName + "（" + source + "）最近一次导入在 " + lastArrival + "，计算时已超过 " + maxAgeDays
						+ " 天未更新，本月核对可能遗漏新近的变化（应退尽退依赖及时的数据）";
	}

	static String encode(List<StaleData> stale) {
		StringBuilder b = new StringBuilder();
		for (StaleData s : stale) {
			b.append(s.source).append('\t').append(s.lastArrival == null ? "" : s.lastArrival).append('\t')
				.append(s.maxAgeDays).append('\n');
		}
		return b.toString();
	}

	static List<StaleData> decode(String text, java.util.function.Function<String, String> titles) {
		List<StaleData> stale = new ArrayList<>();
		if (text == null) {
			return stale;
		}
		for (String line : text.split("\n")) {
			if (line.isBlank()) {
				continue;
			}
			String[] f = line.split("\t", -1);
			stale.add(new StaleData(f[0], titles.apply(f[0]), f[1].isEmpty() ? null : f[1], Long.parseLong(f[2])));
		}
		return stale;
	}
}
