package cn.doudi.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * What an import did. {@code status}: {@link Status#COMMITTED} (the rows are current now),
 * {@link Status#DUPLICATE} (the same content was imported before; nothing changed) or
 * {@link Status#REJECTED} (nothing imported: rows failed without {@code acceptValidRows}, or a file
 * could not be read). {@code importId} is null for a duplicate recognised before any work (it then names
 * the earlier import). {@code problems} holds the first rejects (at most {@value #PROBLEMS_KEPT}); the
 * full list is in the {@code errorReports} (one {@code .errors.xlsx} per file with rejects).
 * {@code counties} are the counties a snapshot source (beneficiaries, poverty) covered.
 */
public record ImportOutcome(Long importId, Source source, Status status, int rowsRead, int rowsAccepted,
		int rowsRejected, List<String> counties, List<Path> errorReports, List<String> warnings,
		List<ImportProblem> problems) {

	public static final int PROBLEMS_KEPT = 50;

	public enum Status {
		COMMITTED, DUPLICATE, REJECTED
	}

	public boolean duplicate() {
		return status == Status.DUPLICATE;
	}

	public boolean committed() {
		return status == Status.COMMITTED;
	}
}
