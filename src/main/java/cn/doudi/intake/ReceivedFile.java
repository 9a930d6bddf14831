package cn.doudi.intake;

import java.time.Instant;

/**
 * A file a feed took in, as recorded: its name, size, the outcome ({@code COMMITTED}, {@code DUPLICATE}:
 * the same content was imported before, nothing changed; {@code REJECTED}: refused whole, see the report;
 * {@code FAILED}: not imported, left where it was for the next poll, see {@code message};
 * {@code CLAIMED}: being imported), the import it became, where it was moved (relative to the feed's
 * archive: {@code done/2026-11/x.csv}) with its error report, and when.
 */
public record ReceivedFile(long id, String feed, long pollId, String fileName, long size, String status, Long importId,
		Integer rowsAccepted, Integer rowsRejected, String archivedAs, String report, String message, Instant claimedAt,
		Instant finishedAt) {
}
