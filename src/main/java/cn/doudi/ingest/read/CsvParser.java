package cn.doudi.ingest.read;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;

/**
 * A CSV parser for RFC 4180 text (comma, double quotes, no escape character), record by record, with
 * the behaviour of commons-csv's {@code CSVFormat.RFC4180} without ignoring empty lines or surrounding
 * spaces — what the importer used before, about three times slower:
 * <ul>
 * <li>a record ends with CR LF, LF or a lone CR; an empty line is a record of one empty value; a last
 * line without a line end is a record; a line end at the end of the file adds no record;</li>
 * <li>a field is quoted only when its first character is a quote; inside, {@code ""} is a quote and
 * line ends are kept; after the closing quote, white space up to the delimiter is dropped and anything
 * else is an error; a file ending inside quotes is an error;</li>
 * <li>a quote inside an unquoted field is an ordinary character; a comma at the very end of the file
 * adds an empty last value.</li>
 * </ul>
 * Records are counted from 1 (the row number a text editor shows for files without quoted line ends).
 */
final class CsvParser {

	/** The text is not well-formed CSV (quotes). */
	static final class FormatException extends IOException {

		FormatException(String message) {
			super(message);
		}
	}

	/** A record exceeds a limit (a field's length, the number of fields); the message says which. */
	static final class LimitException extends IOException {

		LimitException(String message) {
			super(message);
		}
	}

	private static final int EOF = -1;
	private static final int EOL = -2;

	private final Reader in;
	private final char[] buf = new char[1 << 16];
	private int pos;
	private int lim;
	private final StringBuilder pending = new StringBuilder();
	private final ArrayList<String> values = new ArrayList<>(32);
	private long records;
	private final int maxField;
	private final int maxFields;

	CsvParser(Reader in) {
		this(in, Integer.MAX_VALUE - 16, Integer.MAX_VALUE - 16);
	}

	/** A parser that refuses a field longer than {@code maxField} characters or a record of more than {@code maxFields}. */
	CsvParser(Reader in, int maxField, int maxFields) {
		this.in = in;
		this.maxField = maxField;
		this.maxFields = maxFields;
	}

	/** The number of the record {@link #next()} returned last (1-based). */
	long recordNumber() {
		return records;
	}

	/** The next record's values, or null at the end of the text. */
	String[] next() throws IOException {
		if (pos == lim && !fill()) {
			return null;
		}
		values.clear();
		while (true) {
			int end = buf[pos] == '"' ? quoted() : simple();
			if (end != ',') {
				break;
			}
			if (values.size() >= maxFields) {
				throw new LimitException("第" + (records + 1) + "行超过 " + maxFields + " 列（上限），已拒绝");
			}
			if (pos == lim && !fill()) {
				values.add(""); // "a,<end of file>": an empty last value
				break;
			}
		}
		records++;
		return values.toArray(new String[values.size()]);
	}

	/** An unquoted field from {@code pos}; returns what ended it: ',', EOL or EOF. */
	private int simple() throws IOException {
		int start = pos;
		pending.setLength(0);
		boolean spanning = false;
		while (true) {
			char[] b = buf;
			int p = pos;
			int l = lim;
			while (p < l) {
				char c = b[p];
				if (c == ',' || c == '\n' || c == '\r') {
					checkLength((spanning ? pending.length() : 0) + p - start);
					add(spanning, start, p);
					pos = p + 1;
					return c == ',' ? ',' : endOfLine(c);
				}
				p++;
			}
			pending.append(b, start, l - start);
			checkLength(pending.length());
			spanning = true;
			pos = l;
			if (!fill()) {
				values.add(pending.toString());
				return EOF;
			}
			start = 0;
		}
	}

	private void checkLength(int length) throws LimitException {
		if (length > maxField) {
			throw new LimitException("第" + (records + 1) + "行第" + (values.size() + 1) + "列的内容超过 " + maxField
					+ " 个字符（单元格内容的上限），已拒绝");
		}
	}

	private void add(boolean spanning, int start, int end) {
		if (spanning) {
			values.add(pending.append(buf, start, end - start).toString());
		}
		else {
			values.add(start == end ? "" : new String(buf, start, end - start));
		}
	}

	/** After CR or LF: a CR followed by LF is one line end. */
	private int endOfLine(char c) throws IOException {
		if (c == '\r' && (pos < lim || fill()) && buf[pos] == '\n') {
			pos++;
		}
		return EOL;
	}

	/** A quoted field, {@code pos} at its opening quote; returns what ended it: ',', EOL or EOF. */
	private int quoted() throws IOException {
		pos++;
		pending.setLength(0);
		while (true) {
			if (pos == lim && !fill()) {
				throw new FormatException("第" + (records + 1) + "条记录中引号没有结束就到了文件末尾");
			}
			int start = pos;
			int p = pos;
			while (p < lim && buf[p] != '"') {
				p++;
			}
			pending.append(buf, start, p - start);
			checkLength(pending.length());
			pos = p;
			if (p == lim) {
				continue;
			}
			pos++; // the quote
			if ((pos < lim || fill()) && buf[pos] == '"') {
				pending.append('"');
				pos++;
				continue;
			}
			values.add(pending.toString());
			return afterClosingQuote();
		}
	}

	private int afterClosingQuote() throws IOException {
		while (true) {
			if (pos == lim && !fill()) {
				return EOF;
			}
			char c = buf[pos++];
			if (c == ',') {
				return ',';
			}
			if (c == '\n' || c == '\r') {
				return endOfLine(c);
			}
			if (!Character.isWhitespace(c)) {
				throw new FormatException("第" + (records + 1) + "条记录中引号结束后、逗号之前有多余的字符“" + c + "”");
			}
		}
	}

	/** Reads more text into the buffer (the buffer has been consumed); false at the end. */
	private boolean fill() throws IOException {
		int n;
		do {
			n = in.read(buf, 0, buf.length);
		}
		while (n == 0);
		pos = 0;
		lim = Math.max(n, 0);
		return n > 0;
	}
}
