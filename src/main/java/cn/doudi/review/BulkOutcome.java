package cn.doudi.review;

/**
 * One row of a bulk decision: the finding, whether its decision was recorded, and why not (the same
 * refusal a single decision gives). Each row is its own decision (own transaction, own audit event).
 */
public record BulkOutcome(long id, boolean done, String refusal) {
}
