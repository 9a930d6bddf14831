package cn.doudi.ingest.read;

import java.io.Closeable;
import java.io.IOException;

/** Streams the rows of one file (CSV, or the first sheet of an XLSX), never the whole file in memory. */
public interface RowSource extends Closeable {

	/** The next row, or null at the end. Throws {@link FileRejectedException} when the file is damaged. */
	RawRow next() throws IOException;

	/** True when Excel date serials count from 1904 (a Mac workbook setting). */
	default boolean date1904() {
		return false;
	}

	/** A short description of how the file was read (e.g. the detected encoding), for the console. */
	String description();
}
