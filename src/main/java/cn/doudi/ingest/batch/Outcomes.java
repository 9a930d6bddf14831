package cn.doudi.ingest.batch;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.doudi.ingest.ImportOutcome;
import cn.doudi.ingest.ImportProblem;
import cn.doudi.ingest.Source;
import cn.doudi.ingest.read.FileRejectedException;

/** Turns what an import recorded ({@code import_batch}, its rejections, the job's context) into an {@link ImportOutcome}. */
@Component
class Outcomes {

	private final JdbcTemplate jdbc;
	private final ImportBatches batches;
	private final ErrorReports reports;

	Outcomes(JdbcTemplate jdbc, ImportBatches batches, ErrorReports reports) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.reports = reports;
	}

	/**
	 * The same content was imported before: nothing changes. {@code notCurrent}: the counties ({@code ""} for
	 * a whole-source snapshot) where that earlier upload is no longer the current roster — said in a warning.
	 */
	ImportOutcome duplicate(long earlierImportId, Source source, List<String> notCurrent) {
		ImportBatches.Batch b = batches.get(earlierImportId);
		List<String> warnings = notCurrent.isEmpty() ? List.of()
				: List.of("注意：导入 #" + earlierImportId + " 已被之后的上传替换"
						+ (notCurrent.equals(List.of("")) ? "" : "（区县 " + String.join("、", notCurrent) + "）")
						+ "，当前生效的不是这份名册；相同内容不会重新导入，如确需恢复，请在文件中作任一修改后重新上传");
		return new ImportOutcome(earlierImportId, source, ImportOutcome.Status.DUPLICATE, b.rowsRead(), b.rowsAccepted(),
				b.rowsRejected(), counties(b), List.of(), warnings, List.of());
	}

	ImportOutcome of(long importId, Source source, JobExecution execution) {
		ImportBatches.Batch b = batches.get(importId);
		ExecutionContext ctx = execution.getExecutionContext();
		ImportOutcome.Status status = "COMMITTED".equals(b.status()) ? ImportOutcome.Status.COMMITTED
				: ImportOutcome.Status.REJECTED;
		return new ImportOutcome(importId, source, status, b.rowsRead(), b.rowsAccepted(), b.rowsRejected(), counties(b),
				lines(ctx.getString("errorReports", "")).stream().map(Path::of).toList(), lines(ctx.getString("warnings", "")),
				problems(importId));
	}

	/** A file that could not be read: the import is REJECTED with that one problem (and its report). */
	ImportOutcome fileRejected(long importId, Source source, List<Path> files, String user, FileRejectedException e) {
		jdbc.update("insert into import_rejection (import_id, file_name, row_no, column_name, value, reason) values (?, ?, ?, ?, '', ?)",
				importId, e.file(), e.row(), e.column() == null ? "" : e.column(), e.reason());
		batches.recordCounts(importId, 0, 0, 0, List.of());
		batches.finish(importId, "REJECTED");
		batches.audit(user, null, importId, "source=" + source.code() + " file=" + e.file() + " status=REJECTED (文件无法导入)");
		List<Path> written = reports.write(importId, files);
		return new ImportOutcome(importId, source, ImportOutcome.Status.REJECTED, 0, 0, 0, List.of(), written, List.of(),
				problems(importId));
	}

	private List<ImportProblem> problems(long importId) {
		return jdbc.query("""
				select file_name, row_no, column_name, value, reason from import_rejection
				where import_id = ? order by id limit ?""",
				(rs, n) -> new ImportProblem(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
						rs.getString(5)),
				importId, ImportOutcome.PROBLEMS_KEPT);
	}

	private static List<String> counties(ImportBatches.Batch b) {
		return b.counties() == null ? List.of() : Arrays.asList(b.counties().split(";"));
	}

	private static List<String> lines(String s) {
		return s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
	}
}
