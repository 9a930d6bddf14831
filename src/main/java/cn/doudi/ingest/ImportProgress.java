package cn.doudi.ingest;

/** Where a long import stands: rows read so far, the rate, and the rows rejected so far. */
public record ImportProgress(String file, long rowsRead, long rowsPerSecond, long rowsRejected) {
}
