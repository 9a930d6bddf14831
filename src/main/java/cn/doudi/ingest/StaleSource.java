package cn.doudi.ingest;

import java.time.Duration;
import java.time.Instant;

/**
 * A source whose data is older than {@code doudi.freshness.max-age} when a month runs: its last arrival
 * (null: never imported), how old that is, and the warning a person reads (Chinese, names the source).
 */
public record StaleSource(Source source, Instant lastArrival, Duration age, String warning) {
}
