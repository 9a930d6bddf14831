package cn.doudi.ingest.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file (RFC 4180, comma-separated) in the given encoding, strictly: a byte sequence that
 * is not valid in that encoding rejects the file rather than turning into replacement characters.
 * Empty lines are rows too, so that row numbers are the text editor's.
 */
final class CsvRowSource implements RowSource {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setIgnoreEmptyLines(false)
		.setIgnoreSurroundingSpaces(false)
		.get();

	private final String fileName;
	private final Charset charset;
	private final CSVParser parser;
	private final Iterator<CSVRecord> records;
	private int rowNo;

	CsvRowSource(Path file, Charset charset, boolean skipBom) throws IOException {
		this.fileName = file.getFileName().toString();
		this.charset = charset;
		InputStream in = Files.newInputStream(file);
		if (skipBom) {
			in.skipNBytes(3);
		}
		var decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
		this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
		this.records = parser.iterator();
	}

	@Override
	public RawRow next() {
		try {
			if (!records.hasNext()) {
				return null;
			}
			CSVRecord r = records.next();
			rowNo = (int) r.getRecordNumber();
			return new RawRow(rowNo, r.values(), null);
		}
		catch (UncheckedIOException e) {
			throw rejected(e.getCause());
		}
		catch (IllegalStateException e) {
			throw rejected(e.getCause() != null ? e.getCause() : e);
		}
	}

	private FileRejectedException rejected(Throwable cause) {
		int near = rowNo + 1;
		if (cause instanceof CharacterCodingException) {
			return new FileRejectedException(fileName, near, null,
					"第" + near + "行附近的内容不是有效的" + charset.name() + "编码文字（文件可能是二进制文件，或编码不对，可用 --encoding 指定）");
		}
		return new FileRejectedException(fileName, near, null,
				"第" + near + "行附近的CSV格式错误（引号不成对或文件被截断）：" + cause.getMessage());
	}

	@Override
	public String description() {
		return "CSV，编码 " + charset.name();
	}

	@Override
	public void close() throws IOException {
		parser.close();
	}
}
