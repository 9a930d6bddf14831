package cn.doudi.ingest.batch;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.doudi.ingest.Source;
import cn.doudi.ingest.rows.Sources;
import cn.doudi.security.AuditLog;

/** The {@code import_batch} rows: one per upload, STAGING → COMMITTED | REJECTED | FAILED. */
@Component
class ImportBatches {

	/** One import as recorded. */
	record Batch(long id, String source, String status, int rowsRead, int rowsAccepted, int rowsRejected,
			String counties) {
	}

	private final JdbcTemplate jdbc;
	private final Clock clock;
	private final AuditLog auditLog;

	ImportBatches(JdbcTemplate jdbc, org.springframework.beans.factory.ObjectProvider<Clock> clock, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
		this.auditLog = auditLog;
	}

	Clock clock() {
		return clock;
	}

	Optional<Long> findCommitted(Source source, String contentHash) {
		return jdbc.queryForList("select id from import_batch where source = ? and content_hash = ? and status = 'COMMITTED'",
				Long.class, source.code(), contentHash).stream().findFirst();
	}

	/** A new STAGING import of the files (base names, in argument order: a bulk row's file_no indexes them). */
	long insertStaging(Source source, String contentHash, List<String> fileNames, String user) {
		return jdbc.queryForObject("""
				insert into import_batch (source, content_hash, file_names, files, status, imported_by, started_at)
				values (?, ?, ?, string_to_array(?, chr(31)), 'STAGING', ?, ?) returning id""", Long.class, source.code(),
				contentHash, String.join(";", fileNames), String.join("\u001f", fileNames), user, now());
	}

	Batch get(long id) {
		return jdbc.queryForObject("""
				select id, source, status, rows_read, rows_accepted, rows_rejected, counties from import_batch where id = ?""",
				(rs, n) -> new Batch(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
						rs.getInt(6), rs.getString(7)),
				id);
	}

	void recordCounts(long id, long read, long accepted, long rejected, List<String> counties) {
		jdbc.update("update import_batch set rows_read = ?, rows_accepted = ?, rows_rejected = ?, counties = ? where id = ?",
				read, accepted, rejected, counties.isEmpty() ? null : String.join(";", counties), id);
	}

	void finish(long id, String status) {
		jdbc.update("update import_batch set status = ?, finished_at = ? where id = ?", status, now(), id);
	}

	void setJobExecution(long id, long jobExecutionId) {
		jdbc.update("update import_batch set job_execution_id = ? where id = ?", jobExecutionId, id);
	}

	/** Deletes the staged rows of an import from its source's table (its rejections stay). */
	void deleteStagedRows(long id, Source source) {
		jdbc.update("delete from " + Sources.rowsFor(source).table() + " where import_id = ?", id);
	}

	/**
	 * Imports left in STAGING by a process that died: their rows are deleted and they are marked FAILED.
	 * Called while holding the import lock, so no live import is STAGING. Returns their ids.
	 */
	List<Long> cleanUpLeftovers() {
		List<Long> ids = jdbc.queryForList("select id from import_batch where status = 'STAGING' order by id", Long.class);
		for (Long id : ids) {
			String source = jdbc.queryForObject("select source from import_batch where id = ?", String.class, id);
			Source.parse(source).ifPresent(s -> deleteStagedRows(id, s));
			jdbc.update("delete from import_rejection where import_id = ?", id);
			finish(id, "FAILED");
		}
		return ids;
	}

	/**
	 * The counties (or {@code ""} for a whole-source snapshot) that a committed snapshot import covered and
	 * whose current snapshot is now another import: where re-uploading its content must make it current again.
	 */
	List<String> notCurrent(Source source, long importId) {
		Batch b = get(importId);
		List<String> covered = source == Source.DISABILITY ? List.of("")
				: b.counties() == null ? List.<String>of() : List.of(b.counties().split(";"));
		if (covered.isEmpty()) {
			return List.of();
		}
		return jdbc.query("""
				select c from unnest(?::text[]) c
				where not exists (select 1 from snapshot s where s.source = ? and s.county = c and s.import_id = ?)
				order by c""", ps -> {
			ps.setArray(1, ps.getConnection().createArrayOf("text", covered.toArray()));
			ps.setString(2, source.code());
			ps.setLong(3, importId);
		}, (rs, n) -> rs.getString(1));
	}

	void audit(String actor, String county, long importId, String detail) {
		auditLog.record(actor, "IMPORT", county, "import:" + importId, detail);
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
	}
}
