package cn.doudi.ingest;

/**
 * One rejected row (or a whole file): the file's name, the row number as Excel or a text editor shows
 * it (title and header rows counted; 0 when the problem concerns the whole file), the column's
 * header, the value as read and the reason in Chinese.
 */
public record ImportProblem(String file, int row, String column, String value, String reason) {
}
