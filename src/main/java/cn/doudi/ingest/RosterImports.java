package cn.doudi.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.doudi.database.TableStatistics;
import cn.doudi.ingest.batch.ImportRunner;

/**
 * The ingest façade: imports the files of one source as one upload (INPUTS.md). Whole file or
 * nothing unless {@link ImportOptions#acceptValidRows()}; the same content twice is recognised and
 * changes nothing. Imports run one at a time
 * (across processes); a caller waits for the one before.
 */
@Service
public class RosterImports {

	private final ImportRunner runner;
	private final JdbcTemplate jdbc;
	private final ImportMeters meters;

	private final TableStatistics statistics;

	RosterImports(ImportRunner runner, JdbcTemplate jdbc, ImportMeters meters, TableStatistics statistics) {
		this.runner = runner;
		this.jdbc = jdbc;
		this.meters = meters;
		this.statistics = statistics;
	}

	/**
	 * When each source last arrived: the end of its latest COMMITTED import (a file recognised as the same
	 * content again brings nothing new and does not count; a source never imported is absent).
	 */
	public Map<Source, Instant> lastArrivals() {
		Map<Source, Instant> last = new EnumMap<>(Source.class);
		jdbc.query("""
				select source, max(coalesce(finished_at, started_at)) from import_batch
				where status = 'COMMITTED' group by source""", rs -> {
			Instant at = rs.getTimestamp(2).toInstant();
			Source.parse(rs.getString(1)).ifPresent(s -> last.put(s, at));
		});
		return last;
	}

	/**
	 * Imports {@code files} (CSV or XLSX, first sheet) of {@code source} as one upload.
	 * @throws cn.doudi.security.AccessDeniedException when {@code options.user()} may not import these
	 *         files (unknown user, no permission, or rows of another county): nothing is written
	 * @throws IllegalArgumentException when no file is given or a file does not exist
	 * @throws IllegalStateException when the database fails during the import (nothing is imported)
	 */
	public ImportOutcome importFiles(Source source, List<Path> files, ImportOptions options) {
		try {
			ImportOutcome outcome = runner.run(source, files, options);
			if (outcome.committed()) {
				// the planner's statistics, once per import (not once per county at month-end)
				statistics.refresh();
			}
			meters.imported(outcome);
			return outcome;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (SQLException e) {
			throw new IllegalStateException("导入失败：" + e.getMessage(), e);
		}
	}
}
