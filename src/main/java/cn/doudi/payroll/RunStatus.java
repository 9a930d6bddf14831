package cn.doudi.payroll;

/**
 * The life of a run. RUNNING while the job computes (a crashed or FAILED attempt is restarted with the
 * same revision); DRAFT until RELEASED by one finance user and APPROVED by another; a draft re-run is
 * REPLACED by a new revision; an approved run may be REVOKED (audited) so the month can be re-run.
 */
public enum RunStatus {
	RUNNING, FAILED, DRAFT, RELEASED, APPROVED, REPLACED, REVOKED
}
