package cn.doudi.payroll.files;

import java.io.IOException;
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
 * needs it, a header row. Written to a temporary name and moved into place, so a crash never leaves
 * half a file.
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
			Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
			this.printer = new CSVPrinter(w, FORMAT);
			printer.printRecord((Object[]) header);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
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
			printer.close();
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
