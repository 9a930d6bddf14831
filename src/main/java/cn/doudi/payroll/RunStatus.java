package cn.doudi.payroll;

/**
 * The life of a run. RUNNING while month-end computes it and writes its files (a month-end killed meanwhile
 * is resumed with the same revision); FAILED when its job failed (restarted with the same revision) or its
 * files could not be written (computed again as a new revision); DRAFT once its files are written, until
 * RELEASED by one finance user and APPROVED by another; a draft re-run is REPLACED by a new revision; an
 * approved run may be REVOKED (audited) so the month can be re-run.
 */
public enum RunStatus {
	RUNNING, FAILED, DRAFT, RELEASED, APPROVED, REPLACED, REVOKED
}
