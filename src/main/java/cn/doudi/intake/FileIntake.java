package cn.doudi.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.doudi.ingest.ImportOptions;
import cn.doudi.ingest.ImportOutcome;
import cn.doudi.ingest.RosterImports;
import cn.doudi.intake.folder.FeedFolder;
import cn.doudi.security.AccessDeniedException;
import cn.doudi.security.AuditLog;

/**
 * Takes in one claimed file: fetches it (SFTP: downloads it into staging), imports it through
 * {@link RosterImports} exactly as {@code doudi import} would (same validation, error report, whole file or
 * nothing unless the feed accepts valid rows, the same content twice recognised) as the feed's system user,
 * then moves it to {@code done/<YYYY-MM>/} (imported or recognised) or {@code rejected/<YYYY-MM>/} with its
 * {@code .errors.xlsx} beside it, and records the outcome and an {@code INTAKE} audit event naming the feed
 * and the import. A file that could not be imported for a reason not its own (the user lacks the right, the
 * database failed, it changed after it was seen complete) stays where it is, FAILED, for the next poll.
 */
@Component
class FileIntake {

	private static final Logger log = LoggerFactory.getLogger(FileIntake.class);

	private final RosterImports imports;
	private final Claims claims;
	private final AuditLog audit;
	private final Clock clock;
	private final IntakeMeters meters;

	FileIntake(RosterImports imports, Claims claims, AuditLog audit, Clock clock, IntakeMeters meters) {
		this.meters = meters;
		this.imports = imports;
		this.claims = claims;
		this.audit = audit;
		this.clock = clock;
	}

	/** Returns the claim's final status. */
	String take(Intake intake, FeedFolder folder, Claims.Claim claim, Path staging) {
		String name = claim.entry().name();
		Path local;
		String hash;
		try {
			local = folder.fetch(claim.entry(), staging);
			hash = sha256(local);
		}
		catch (IOException e) {
			return failed(intake, claim, null, e.getMessage());
		}
		ImportOptions options = ImportOptions.by(intake.user()).withEncoding(intake.encoding());
		if (intake.acceptValidRows()) {
			options = options.acceptingValidRows();
		}
		ImportOutcome outcome;
		try {
			outcome = imports.importFiles(intake.source(), List.of(local), options);
		}
		catch (AccessDeniedException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
			return failed(intake, claim, hash, e.getMessage());
		}
		String status = outcome.status().name();
		String into = (outcome.status() == ImportOutcome.Status.REJECTED ? "rejected/" : "done/")
				+ YearMonth.now(clock.withZone(intake.timeZone()));
		String message = outcome.warnings().isEmpty() ? null : String.join("；", outcome.warnings());
		FeedFolder.Archived archived = null;
		try {
			archived = folder.archive(name, local, Intake.markersOf(name), into, outcome.errorReports());
		}
		catch (IOException e) {
			// imported (or refused) all the same: the next poll sees the same content again and changes nothing
			message = "无法移入 " + into + "：" + e.getMessage() + (message == null ? "" : "；" + message);
			log.warn("intake {}: {} {} but could not be moved: {}", intake.name(), name, status, e.getMessage());
		}
		claims.finish(claim.id(), status, hash, outcome.importId(), outcome.rowsAccepted(), outcome.rowsRejected(),
				archived == null ? null : archived.file(), archived == null ? null : archived.report(), message);
		audit.record(intake.user(), "INTAKE", null, outcome.importId() == null ? "intake:" + intake.name()
				: "import:" + outcome.importId(),
				"feed=" + intake.name() + " source=" + intake.source().code() + " file=" + name + " status=" + status + " rows="
						+ outcome.rowsAccepted() + "/" + outcome.rowsRejected() + " from=" + folder.describe()
						+ (archived == null ? "" : " moved=" + archived.file()));
		meters.file(intake, outcome.status() == ImportOutcome.Status.REJECTED ? "rejected" : "done");
		log.info("intake {}: {} {} (import {}, {} rows accepted, {} rejected){}", intake.name(), name, status,
				outcome.importId(), outcome.rowsAccepted(), outcome.rowsRejected(),
				archived == null ? "" : ", moved to " + archived.file());
		return status;
	}

	private String failed(Intake intake, Claims.Claim claim, String hash, String why) {
		String name = claim.entry().name();
		claims.fail(claim.id(), hash, why);
		meters.file(intake, "failed");
		audit.record(intake.user(), "INTAKE", null, "intake:" + intake.name(),
				"feed=" + intake.name() + " source=" + intake.source().code() + " file=" + name + " status=FAILED (留待下次): " + why);
		log.warn("intake {}: {} not imported, left for the next poll: {}", intake.name(), name, why);
		return "FAILED";
	}

	static String sha256(Path file) throws IOException {
		try {
			MessageDigest md = MessageDigest.getInstance("SHA-256");
			byte[] buf = new byte[1 << 16];
			try (InputStream in = Files.newInputStream(file)) {
				for (int n; (n = in.read(buf)) > 0;) {
					md.update(buf, 0, n);
				}
			}
			return HexFormat.of().formatHex(md.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
