package cn.doudi.ingest;

import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The uploads (the {@code import_batch} table, owned here) for files read outside the roster imports — the
 * banks' return files: another module records such a file as one committed upload of its source, whose
 * content hash recognises a re-upload.
 */
@Service
public class Uploads {

	private final JdbcTemplate jdbc;

	Uploads(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** One upload as its history lists it (Beijing time, {@code yyyy-MM-dd HH:mm}). */
	public record Upload(long id, String source, String fileNames, String status, int rowsRead, int rowsAccepted,
			int rowsRejected, String counties, String importedBy, String startedAt) {
	}

	/**
	 * The latest uploads of {@code source} (null: every source), newest first, at most {@code limit}; for a county
	 * ({@code county} not null) only those whose rows cover it or that cover no county (reference data).
	 */
	public java.util.List<Upload> history(String source, String county, int limit) {
		return jdbc.query("""
				select id, source, file_names, status, rows_read, rows_accepted, rows_rejected, counties, imported_by,
				       to_char(started_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')
				from import_batch
				where (cast(? as text) is null or source = ?)
				  and (cast(? as text) is null or counties is null or counties = '' or ? = any(string_to_array(counties, ';')))
				order by started_at desc, id desc limit ?
				""", (rs, i) -> new Upload(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
				rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10)), source, source, county, county,
				limit);
	}

	/** The committed upload of this source with this content hash, if any. */
	public Optional<Long> committed(String source, String contentHash) {
		return jdbc.queryForList("select id from import_batch where source = ? and content_hash = ? and status = 'COMMITTED'",
				Long.class, source, contentHash).stream().findFirst();
	}

	/**
	 * Records a file read and accepted whole as a committed upload; returns its id. A concurrent upload of
	 * the same content fails on the unique content hash (DuplicateKeyException).
	 */
	public long recordCommitted(String source, String contentHash, String fileName, int rows, String counties,
			String user) {
		return jdbc.queryForObject("""
				insert into import_batch (source, content_hash, file_names, status, rows_read, rows_accepted, counties,
				                          imported_by, started_at, finished_at)
				values (?, ?, ?, 'COMMITTED', ?, ?, ?, ?, now(), now()) returning id""", Long.class, source, contentHash,
				fileName, rows, rows, counties, user);
	}
}
