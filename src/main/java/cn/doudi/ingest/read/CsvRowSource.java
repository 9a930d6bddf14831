package cn.doudi.ingest.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a CSV file (RFC 4180, comma-separated; {@link CsvParser}) in the given encoding, strictly: a
 * byte sequence that is not valid in that encoding rejects the file rather than turning into
 * replacement characters. Empty lines are rows too, so that row numbers are the text editor's.
 */
final class CsvRowSource implements RowSource {

	private final String fileName;
	private final Charset charset;
	private final Reader reader;
	private final CsvParser parser;
	private int rowNo;
	private final int maxRows;
	private final long size;
	private final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();

	CsvRowSource(Path file, Charset charset, boolean skipBom, ReadLimits limits) throws IOException {
		this.fileName = file.getFileName().toString();
		this.charset = charset;
		this.size = Files.size(file);
		InputStream in = new java.io.FilterInputStream(Files.newInputStream(file)) {
			@Override
			public int read() throws IOException {
				int b = super.read();
				if (b >= 0) {
					bytes.incrementAndGet();
				}
				return b;
			}

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				int n = super.read(b, off, len);
				if (n > 0) {
					bytes.addAndGet(n);
				}
				return n;
			}

			@Override
			public long skip(long n) throws IOException {
				long k = super.skip(n);
				bytes.addAndGet(k);
				return k;
			}
		};
		if (skipBom) {
			in.skipNBytes(3);
		}
		var decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		this.reader = new InputStreamReader(new BufferedInputStream(in, 1 << 16), decoder);
		this.parser = new CsvParser(reader, limits.maxCellChars(), limits.maxColumns());
		this.maxRows = limits.maxRows();
	}

	@Override
	public RawRow next() throws IOException {
		String[] values;
		try {
			values = parser.next();
		}
		catch (CharacterCodingException e) {
			throw rejected(e);
		}
		catch (CsvParser.FormatException e) {
			throw rejected(e);
		}
		catch (CsvParser.LimitException e) {
			throw new FileRejectedException(fileName, rowNo + 1, null, e.getMessage());
		}
		if (values == null) {
			return null;
		}
		rowNo = (int) parser.recordNumber();
		if (rowNo > maxRows) {
			throw new FileRejectedException(fileName, rowNo, null, "文件超过 " + maxRows + " 行（上限），已拒绝；请按区县拆分后上传");
		}
		return new RawRow(rowNo, values, null);
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
	public double fractionRead() {
		return size == 0 ? 1 : Math.min(1, (double) bytes.get() / size);
	}

	@Override
	public String description() {
		return "CSV，编码 " + charset.name();
	}

	@Override
	public void close() throws IOException {
		reader.close();
	}
}
