package cn.doudi.ingest;

import java.util.List;

/**
 * Published once an import has committed: its rows are now what the {@code current_*} views show.
 * {@code counties} are the counties a snapshot covers (beneficiaries, poverty), else empty.
 */
public record RosterImported(long importId, Source source, int rowsAccepted, int rowsRejected,
		List<String> counties) {
}
