package cn.doudi.ingest.batch;

import cn.doudi.database.CopyRows;
import cn.doudi.database.StepProgress;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.postgresql.copy.CopyManager;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.ingest.ImportProblem;
import cn.doudi.ingest.read.FileRejectedException;
import cn.doudi.ingest.read.RawRow;
import cn.doudi.ingest.rows.RowContext;
import cn.doudi.ingest.rows.SourceRows;
import cn.doudi.ingest.rows.Sources;
import cn.doudi.security.AccessDeniedException;

/**
 * Reads every file of an import ({@link RowFeed}, on a thread of its own), validates each row and COPYs
 * the valid ones into the source's table under the staging import id; problems go to
 * {@link Rejections}. Blank rows, title rows and a totals row ({@code 合计…}/{@code 总计…}) are skipped.
 * A file that cannot be read throws {@link FileRejectedException} (the transaction then keeps nothing).
 */
final class RowStager {

	/**
	 * What staging found; how long validation waited for the reader thread (reading was the slower
	 * side) and for the server (COPY was).
	 */
	record Staged(long rowsRead, long rowsAccepted, long rowsRejected, List<String> counties, List<String> warnings,
			boolean wholeUploadChecksNeeded, long readerWaitMillis, long serverWaitMillis) {
	}

	private final ImportWork work;
	private final CopyManager copy;
	private final JdbcTemplate jdbc;
	private final StepProgress progress;

	RowStager(ImportWork work, CopyManager copy, JdbcTemplate jdbc, StepProgress progress) {
		this.work = work;
		this.copy = copy;
		this.jdbc = jdbc;
		this.progress = progress;
	}

	Staged stage(Rejections rejections) throws IOException, SQLException {
		SourceRows rows = Sources.rowsFor(work.source());
		List<String> warnings = new ArrayList<>();
		ProgressMeter meter = new ProgressMeter(progress, RowFeed.totalBytes(work.files()));
		long read = 0;
		try (CopyRows out = new CopyRows(copy, rows.table(), rows.copyColumns(), work.importId());
				RowFeed feed = RowFeed.start(work.files(), work.encoding(), rows.schema(), work.importId())) {
			RowContext ctx = null;
			String name = null;
			Object item;
			while ((item = feed.next()) != null) {
				if (item instanceof RowFeed.FileStart f) {
					name = f.name();
					ctx = new RowContext(name, f.fileNo(), f.columnIndex(), work.today(), f.date1904());
					continue;
				}
				for (RawRow row : (RawRow[]) item) {
					read++;
					ctx.reset(row);
					String[] values = rows.map(ctx);
					if (values != null) {
						out.write(values);
					}
					else if (!ctx.ok()) {
						rejections.rejectRow(ctx.problems());
					}
					meter.tick(name, read, rejections.rows(), feed.bytesRead());
				}
			}
			meter.done(name, read, rejections.rows());
			checkCounties(rows);
			rows.finish(new FinishTo(out, rejections, warnings));
			out.finish();
			rejections.copyInto(copy);
			return new Staged(read, out.rows(), rejections.rows(), List.copyOf(new java.util.TreeSet<>(rows.counties())),
					warnings, rows.wholeUploadChecksNeeded(), feed.waitMillis(), out.writeMillis());
		}
	}

	/**
	 * A county user's import holds only rows of its county: checked before the import started
	 * ({@link ImportAccess}), and again here on what was read, in case a file changed in between.
	 */
	private void checkCounties(SourceRows rows) {
		String county = work.userCounty();
		if (county == null) {
			return;
		}
		for (String c : new java.util.TreeSet<>(rows.rowCounties())) {
			if (!c.equals(county)) {
				throw new AccessDeniedException("无权导入" + work.source().title() + "（" + work.source().code() + "）：用户 "
						+ work.user() + " 只能导入本县区 " + county + " 的数据，文件中有区县 " + c + " 的行");
			}
		}
	}

	static boolean isTotals(RawRow row) {
		String first = row.firstNonEmpty();
		return first.startsWith("合计") || first.startsWith("总计");
	}

	private final class FinishTo implements SourceRows.Finish {

		private final CopyRows out;
		private final Rejections rejections;
		private final List<String> warnings;

		FinishTo(CopyRows out, Rejections rejections, List<String> warnings) {
			this.out = out;
			this.rejections = rejections;
			this.warnings = warnings;
		}

		@Override
		public void emit(String[] values) {
			try {
				out.write(values);
			}
			catch (SQLException e) {
				throw new IllegalStateException(e);
			}
		}

		@Override
		public void reject(ImportProblem problem) {
			try {
				rejections.rejectRow(List.of(problem));
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
		}

		@Override
		public void warn(String warning) {
			warnings.add(warning);
		}

		@Override
		public List<Map<String, Object>> current(String sql) {
			return jdbc.queryForList(sql);
		}
	}
}
