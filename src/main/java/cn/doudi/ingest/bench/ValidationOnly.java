package cn.doudi.ingest.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

import cn.doudi.ingest.Source;
import cn.doudi.ingest.read.RawRow;
import cn.doudi.ingest.read.RowSource;
import cn.doudi.ingest.read.SpreadsheetFiles;
import cn.doudi.ingest.rows.HeaderLocator;
import cn.doudi.ingest.rows.RowContext;
import cn.doudi.ingest.rows.SourceRows;
import cn.doudi.ingest.rows.Sources;

/** Reads and validates a file exactly as an import does, without the database (the Java side alone). */
public final class ValidationOnly {

	private ValidationOnly() {
	}

	/** Returns {valid rows, rejected rows}. */
	public static long[] run(Source source, Path file) throws IOException {
		SourceRows rows = Sources.rowsFor(source);
		long valid = 0;
		long rejected = 0;
		try (RowSource src = SpreadsheetFiles.open(file, null)) {
			HeaderLocator.Header header = HeaderLocator.locate(src, rows.schema(), file.getFileName().toString());
			RowContext ctx = new RowContext(file.getFileName().toString(), header.columnIndex(), LocalDate.now(),
					src.date1904());
			RawRow row;
			while ((row = src.next()) != null) {
				if (row.isBlank()) {
					continue;
				}
				ctx.reset(row);
				if (rows.map(ctx) != null) {
					valid++;
				}
				else if (!ctx.ok()) {
					rejected++;
				}
			}
		}
		return new long[] { valid, rejected };
	}
}
