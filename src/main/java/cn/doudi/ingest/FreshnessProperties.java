package cn.doudi.ingest;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code doudi.freshness.*}: which sources month-end needs fresh ({@code sources}, default {@code deaths}
 * and {@code economic}: 应退尽退 depends on fresh death records and economic checks) and how old their
 * last arrival may be ({@code max-age}, default 35 days: a monthly delivery plus a few days' slack).
 */
@ConfigurationProperties("doudi.freshness")
public record FreshnessProperties(@DefaultValue("35d") Duration maxAge,
		@DefaultValue({ "deaths", "economic" }) List<String> sources) {
}
