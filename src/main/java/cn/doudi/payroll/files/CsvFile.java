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

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * A machine CSV of OUTPUTS.md: UTF-8 without BOM, LF line ends, RFC 4180 quoting only where a field
 * needs it, a header row. A file is written to a temporary name and moved into place, so a crash never
 * leaves half a file; a stream (a download) gets the same bytes and is flushed, not closed.
 */
public final class CsvFile implements AutoCloseable {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setRecordSeparator('\n')
		.setQuoteMode(QuoteMode.MINIMAL)
		.get();

	private final Path target;
	private final Path temp;
	private final CSVPrinter printer;

	public CsvFile(Path target, String... header) {
		try {
			Files.createDirectories(target.toAbsolutePath().getParent());
			this.target = target;
			this.temp = target.resolveSibling(target.getFileName() + ".tmp");
			this.printer = new CSVPrinter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8), FORMAT);
			printer.printRecord((Object[]) header);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private CsvFile(OutputStream out, String... header) {
		try {
			this.target = null;
			this.temp = null;
			Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			this.printer = new CSVPrinter(w, FORMAT);
			printer.printRecord((Object[]) header);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The same CSV onto a stream that stays open (closing this flushes it). */
	public static CsvFile onto(OutputStream out, String... header) {
		return new CsvFile(out, header);
	}

	public void row(Object... values) {
		try {
			printer.printRecord(values);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() {
		try {
			if (target == null) {
				printer.flush();
				return;
			}
			printer.close();
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
