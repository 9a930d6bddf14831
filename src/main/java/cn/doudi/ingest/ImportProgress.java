package cn.doudi.ingest;

import java.util.Locale;

/**
 * Where an import stands, as its job records it in the job repository ({@link ImportProgresses}): the
 * import, its source code, who imports, the file being read, rows read and rejected so far, bytes read of the files'
 * total, the job's status ({@code STARTING}, {@code STARTED}, {@code COMPLETED}, {@code FAILED}…) and,
 * while the rows are checked and swapped in after the last one is read, whether reading is over.
 */
public record ImportProgress(long importId, String source, String importedBy, String file, String status, long rowsRead,
		long rowsRejected, long bytesRead, long bytesTotal) {

	/** True while the job runs (in this process or any other). */
	public boolean running() {
		return "STARTING".equals(status) || "STARTED".equals(status);
	}

	/** Bytes read of the total, 0–100 (0 while the total is not known yet). */
	public int percent() {
		return bytesTotal <= 0 ? 0 : (int) Math.min(100, bytesRead * 100 / bytesTotal);
	}

	/** In Chinese, e.g. {@code 已读 12,288 行 / 共 3.2 MB（已读 1.1 MB，34%）}. */
	public String text() {
		return String.format(Locale.ROOT, "已读 %,d 行 / 共 %s（已读 %s，%d%%）%s", rowsRead, megabytes(bytesTotal),
				megabytes(bytesRead), percent(), rowsRejected > 0 ? "，其中 " + String.format(Locale.ROOT, "%,d", rowsRejected)
						+ " 行有错误" : "");
	}

	static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
	}
}
