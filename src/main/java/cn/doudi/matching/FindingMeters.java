package cn.doudi.matching;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.doudi.kernel.FindingCode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code doudi.findings.open} (gauge, tag {@code code}): the findings OPEN now per finding code, read from
 * the database (so every process shows the same, whoever raised or closed them) at most every 15 seconds.
 */
@Component
class FindingMeters {

	static final Duration FRESH = Duration.ofSeconds(15);

	private final JdbcTemplate jdbc;
	private volatile Map<FindingCode, Long> open = Map.of();
	private volatile long readAt;
	private volatile boolean read;

	FindingMeters(MeterRegistry registry, JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		for (FindingCode code : FindingCode.values()) {
			Gauge.builder("doudi.findings.open", this, m -> m.open(code))
				.description("未处理（OPEN）的疑点数")
				.tag("code", code.name())
				.register(registry);
		}
	}

	private double open(FindingCode code) {
		long now = System.nanoTime();
		if (!read || now - readAt > FRESH.toNanos()) {
			synchronized (this) {
				if (!read || now - readAt > FRESH.toNanos()) {
					Map<FindingCode, Long> counts = new EnumMap<>(FindingCode.class);
					jdbc.query("select code, count(*) from finding where status = 'OPEN' group by code", rs -> {
						for (FindingCode c : FindingCode.values()) {
							if (c.name().equals(rs.getString(1))) {
								counts.put(c, rs.getLong(2));
							}
						}
					});
					open = counts;
					readAt = now;
					read = true;
				}
			}
		}
		return open.getOrDefault(code, 0L);
	}
}
