package cn.doudi.ingest;

import java.nio.charset.Charset;

/**
 * How to import: {@code encoding} of CSV files (null: detected — UTF-8 with or without BOM, else
 * GB18030, a superset of GBK), {@code acceptValidRows} to import the valid rows of a file that has
 * rejects, the acting {@code user}. An import's progress is in the job
 * repository ({@link ImportProgress}).
 */
public record ImportOptions(Charset encoding, boolean acceptValidRows, String user) {

	public ImportOptions {
		if (user == null || user.isBlank()) {
			throw new IllegalArgumentException("an import needs the acting user");
		}
	}

	/** Detected encoding, whole file or nothing. */
	public static ImportOptions by(String user) {
		return new ImportOptions(null, false, user);
	}

	public ImportOptions acceptingValidRows() {
		return new ImportOptions(encoding, true, user);
	}

	public ImportOptions withEncoding(Charset charset) {
		return new ImportOptions(charset, acceptValidRows, user);
	}
}
