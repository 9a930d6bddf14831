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

	/**
	 * How much of the file has been read so far, from 0 to 1 (CSV: its bytes; XLSX: the sheet's inflated
	 * XML), for progress only; 0 when unknown.
	 */
	default double fractionRead() {
		return 0;
	}

	/** A short description of how the file was read (e.g. the detected encoding), for the console. */
	String description();
}
