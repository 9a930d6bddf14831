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
