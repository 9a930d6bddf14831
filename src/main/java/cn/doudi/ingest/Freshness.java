package cn.doudi.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Freshness of the other agencies' data for month-end: a month whose {@code deaths} or {@code economic}
 * data (the sources of {@code doudi.freshness.sources}) last arrived longer ago than
 * {@code doudi.freshness.max-age} (default 35 days) still runs, but carries a warning naming the stale
 * source. "Arrived" is the last committed import of the source ({@link RosterImports#lastArrivals()}):
 * a file recognised as the same content again brings nothing new and does not count. The age is taken
 * at the time the month runs (what the run knows then), not from the month being run.
 */
@Service
@EnableConfigurationProperties(FreshnessProperties.class)
public class Freshness {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private final RosterImports imports;
	private final FreshnessProperties properties;
	private final Clock clock;

	Freshness(RosterImports imports, FreshnessProperties properties, Clock clock) {
		this.imports = imports;
		this.properties = properties;
		this.clock = clock;
		for (String s : properties.sources()) {
			Source.parse(s).orElseThrow(() -> new IllegalArgumentException("doudi.freshness.sources: 未知的来源 " + s));
		}
	}

	/** {@code doudi.freshness.max-age}. */
	public Duration maxAge() {
		return properties.maxAge();
	}

	/** The watched sources that are stale now, in the order configured; empty when all are fresh. */
	public List<StaleSource> staleSources() {
		return staleSources(clock.instant());
	}

	/** The watched sources that are stale at {@code at}. */
	public List<StaleSource> staleSources(Instant at) {
		Map<Source, Instant> last = imports.lastArrivals();
		Duration maxAge = properties.maxAge();
		List<StaleSource> stale = new ArrayList<>();
		for (String code : properties.sources()) {
			Source source = Source.parse(code).orElseThrow();
			Instant arrived = last.get(source);
			if (arrived == null) {
				stale.add(new StaleSource(source, null, null, "注意：" + source.title() + "（" + source.code()
						+ "）从未导入，本月未能据此核对（应退尽退依赖及时的数据）"));
				continue;
			}
			Duration age = Duration.between(arrived, at);
			if (age.compareTo(maxAge) > 0) {
				stale.add(new StaleSource(source, arrived, age, "注意：" + source.title() + "（" + source.code()
						+ "）最近一次导入在 " + DAY.format(arrived.atZone(BEIJING)) + "，已 " + age.toDays() + " 天未更新（超过 "
						+ maxAge.toDays() + " 天），本月核对可能遗漏新近的变化"));
			}
		}
		return stale;
	}
}
