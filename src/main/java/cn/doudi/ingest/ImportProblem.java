package cn.doudi.ingest;

/**
 * One rejected row (or a whole file): the file's name, the row number as Excel or a text editor shows
 * it (title and header rows counted; 0 when the problem concerns the whole file), the column's
 * header, the value as read and the reason in Chinese.
 */
public record ImportProblem(String file, int row, String column, String value, String reason) {

	/**
	 * The problem as screens show it (console, web page): a value holding an ID or account number (a run
	 * of 15 or more digits, or 17 digits and an X) is masked; shorter codes (区划代码, 户编号) stay as they
	 * are. The error report (.errors.xlsx) keeps the value whole: the operator fixes the row from it.
	 */
	public ImportProblem masked() {
		return value != null && value.matches(".*(\\d{15,}|\\d{17}[Xx]).*")
				? new ImportProblem(file, row, column, cn.doudi.identity.IdNumber.mask(value), reason) : this;
	}
}
