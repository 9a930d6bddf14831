package cn.doudi.payroll.files;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A machine CSV of OUTPUTS.md: UTF-8 without BOM, LF line ends, RFC 4180 quoting only where a field
 * needs it, a header row. A file is written to a temporary name and moved into place, so a crash never
 * leaves half a file; a stream (a download) gets the same bytes and is flushed, not closed.
 * <p>
 * The rows are written here, as Commons CSV's {@code RFC4180} format with {@code \n} record ends and {@code
 * MINIMAL} quoting (1.14.1) writes them — the bytes of every earlier file — without its per-field dispatch and
 * locking (payments.csv is tens of thousands of rows of 14 fields): {@link #field} says which fields are quoted;
 * {@code CsvFileTests} holds the two equal.
 */
public final class CsvFile implements AutoCloseable {

	private final Path target;
	private final Path temp;
	private final Writer out;

	public CsvFile(Path target, String... header) {
		try {
			Files.createDirectories(target.toAbsolutePath().getParent());
			this.target = target;
			this.temp = target.resolveSibling(target.getFileName() + ".tmp");
			this.out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
			row((Object[]) header);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private CsvFile(OutputStream out, String... header) {
		this.target = null;
		this.temp = null;
		this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		row((Object[]) header);
	}

	/** The same CSV onto a stream that stays open (closing this flushes it). */
	public static CsvFile onto(OutputStream out, String... header) {
		return new CsvFile(out, header);
	}

	/** One record: each value as its {@code toString()}, a null as an empty field that is never quoted. */
	public void row(Object... values) {
		try {
			for (int i = 0; i < values.length; i++) {
				if (i > 0) {
					out.write(',');
				}
				if (values[i] != null) {
					field(out, values[i].toString(), i == 0);
				}
			}
			out.write('\n');
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A field, quoted (its quotes doubled) where Commons CSV's minimal quoting quotes it: an empty first field (a
	 * record that would otherwise be an empty line), a field that starts with a character up to {@code #}, holds
	 * a line end, a quote or a comma, or ends with a character up to a space.
	 */
	static void field(Writer out, String value, boolean first) throws IOException {
		int length = value.length();
		boolean quote;
		if (length == 0) {
			quote = first;
		}
		else if (value.charAt(0) <= '#') {
			quote = true;
		}
		else {
			quote = value.charAt(length - 1) <= ' ';
			for (int i = 0; i < length && !quote; i++) {
				char c = value.charAt(i);
				quote = c == '\n' || c == '\r' || c == '"' || c == ',';
			}
		}
		if (!quote) {
			out.write(value);
			return;
		}
		out.write('"');
		int start = 0;
		for (int i = 0; i < length; i++) {
			if (value.charAt(i) == '"') {
				out.write(value, start, i + 1 - start);
				start = i; // the quote again: doubled
			}
		}
		out.write(value, start, length - start);
		out.write('"');
	}

	@Override
	public void close() {
		try {
			if (target == null) {
				out.flush();
				return;
			}
			out.close();
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
