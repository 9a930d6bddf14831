package cn.doudi.ingest.read;

/**
 * A whole file cannot be imported (not a spreadsheet, damaged, no header, a required column missing):
 * nothing of the import is kept. {@code row} is 0 when no row is concerned.
 */
public class FileRejectedException extends RuntimeException {

	private final String file;
	private final int row;
	private final String column;

	public FileRejectedException(String file, int row, String column, String reason) {
		super(reason);
		this.file = file;
		this.row = row;
		this.column = column;
	}

	public FileRejectedException(String file, String reason) {
		this(file, 0, null, reason);
	}

	public String file() {
		return file;
	}

	public int row() {
		return row;
	}

	public String column() {
		return column;
	}

	public String reason() {
		return getMessage();
	}
}
