package cn.doudi.sampledata;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import cn.doudi.sampledata.Sheets.Encoding;

/**
 * One CSV file written a record at a time (the province sample never holds a whole file): the encodings and
 * line ends of {@link Sheets#csv}; GBK is strict (a character GBK lacks is an error, not a '?').
 */
final class CsvOut implements Closeable {

	private final CSVPrinter printer;

	CsvOut(Path file, Encoding encoding, List<String> titles, List<String> header) {
		try {
			Files.createDirectories(file.getParent());
			var stream = Files.newOutputStream(file);
			var encoder = (encoding == Encoding.GBK ? Sheets.GBK : StandardCharsets.UTF_8).newEncoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
			BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(stream, encoder), 1 << 16);
			if (encoding == Encoding.UTF8_BOM) {
				writer.write('\uFEFF');
			}
			CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator(encoding == Encoding.GBK ? "\r\n" : "\n").get();
			this.printer = new CSVPrinter(writer, format);
			for (String title : titles) {
				String[] cells = new String[header.size()];
				java.util.Arrays.fill(cells, "");
				cells[0] = title;
				printer.printRecord((Object[]) cells);
			}
			printer.printRecord(header);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void row(List<String> cells) {
		try {
			printer.printRecord(cells);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() {
		try {
			printer.close(true);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
