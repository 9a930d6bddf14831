package cn.doudi.ingest.rows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.doudi.ingest.ImportProblem;
import cn.doudi.ingest.read.RawRow;

/**
 * The row being validated: its cells located by the header, the file it comes from, the import date,
 * and the problems found so far (one per failing column, each naming file, row, column, value and
 * reason). Reused from row to row.
 */
public final class RowContext {

	private final String fileName;
	private final String fileNo;
	private final int[] columnIndex;
	private final LocalDate today;
	private final boolean date1904;
	private final int todayNumber;
	private final List<ImportProblem> problems = new ArrayList<>();
	private RawRow row;

	public RowContext(String fileName, int[] columnIndex, LocalDate today, boolean date1904) {
		this(fileName, 1, columnIndex, today, date1904);
	}

	/** @param fileNo the file's position among the upload's files (1-based), as bulk rows record it */
	public RowContext(String fileName, int fileNo, int[] columnIndex, LocalDate today, boolean date1904) {
		this.fileName = fileName;
		this.fileNo = Integer.toString(fileNo);
		this.columnIndex = columnIndex;
		this.today = today;
		this.date1904 = date1904;
		this.todayNumber = today.getYear() * 10000 + today.getMonthValue() * 100 + today.getDayOfMonth();
	}

	public void reset(RawRow next) {
		this.row = next;
		problems.clear();
	}

	/** The raw cell text of a column, null when the column or the cell is absent. */
	public String raw(ColumnDef c) {
		return row.value(columnIndex[c.index()]);
	}

	/** True when the column's cell was a number cell in the workbook. */
	public boolean numeric(ColumnDef c) {
		return row.isNumeric(columnIndex[c.index()]);
	}

	public boolean present(ColumnDef c) {
		return columnIndex[c.index()] >= 0;
	}

	public boolean blank(ColumnDef c) {
		String v = raw(c);
		return v == null || v.isBlank();
	}

	public void reject(ColumnDef c, String reason) {
		String v = raw(c);
		problems.add(new ImportProblem(fileName, row.rowNo(), c == null ? "" : c.header(), v == null ? "" : v.strip(),
				reason));
	}

	public void rejectRow(String column, String value, String reason) {
		problems.add(new ImportProblem(fileName, row.rowNo(), column, value, reason));
	}

	public boolean ok() {
		return problems.isEmpty();
	}

	public List<ImportProblem> problems() {
		return problems;
	}

	public String fileName() {
		return fileName;
	}

	/** The file's position among the upload's files (1-based), as text for COPY: the bulk tables' file_no. */
	public String fileNo() {
		return fileNo;
	}

	public int rowNo() {
		return row.rowNo();
	}

	public LocalDate today() {
		return today;
	}

	/** Today as yyyymmdd, for quick comparisons. */
	public int todayNumber() {
		return todayNumber;
	}

	public boolean date1904() {
		return date1904;
	}
}
