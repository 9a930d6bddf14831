package cn.doudi.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * {@link CsvParser} reads what commons-csv ({@code RFC4180}, empty lines kept, spaces kept) reads, and
 * refuses what it refuses: compared on many random texts made of the characters that matter.
 */
class CsvParserTests {

	static final CSVFormat COMMONS = CSVFormat.RFC4180.builder()
		.setIgnoreEmptyLines(false)
		.setIgnoreSurroundingSpaces(false)
		.get();

	/** Records as "v1|v2…" with their record numbers, or "ERROR" when the text is refused. */
	static List<String> ours(String text, int bufferChunk) {
		List<String> out = new ArrayList<>();
		try {
			CsvParser p = new CsvParser(chunked(text, bufferChunk));
			String[] r;
			while ((r = p.next()) != null) {
				out.add(p.recordNumber() + ":" + String.join("|", r));
			}
		}
		catch (CsvParser.FormatException e) {
			out.add("ERROR");
		}
		catch (IOException e) {
			throw new AssertionError(e);
		}
		return out;
	}

	static List<String> commons(String text) {
		List<String> out = new ArrayList<>();
		try (CSVParser p = CSVParser.builder().setReader(new StringReader(text)).setFormat(COMMONS).get()) {
			for (CSVRecord r : p) {
				out.add(r.getRecordNumber() + ":" + String.join("|", r.values()));
			}
		}
		catch (IOException | RuntimeException e) {
			out.add("ERROR");
		}
		return out;
	}

	/** A reader that returns at most {@code chunk} characters a call, so that fields span buffer refills. */
	static Reader chunked(String text, int chunk) {
		return new Reader() {
			int pos;

			@Override
			public int read(char[] cbuf, int off, int len) {
				if (pos >= text.length()) {
					return -1;
				}
				int n = Math.min(Math.min(len, chunk), text.length() - pos);
				text.getChars(pos, pos + n, cbuf, off);
				pos += n;
				return n;
			}

			@Override
			public void close() {
			}
		};
	}

	@Test
	void readsWhatCommonsCsvReads() {
		String[] pieces = { "a", "张三", ",", ",", "\"", "\"\"", "\r\n", "\n", "\r", " ", "x\"y", "\t", "410102" };
		Random r = new Random(42);
		int errors = 0;
		for (int i = 0; i < 30_000; i++) {
			StringBuilder b = new StringBuilder();
			for (int n = r.nextInt(14); n > 0; n--) {
				b.append(pieces[r.nextInt(pieces.length)]);
			}
			String text = b.toString();
			List<String> expected = commons(text);
			errors += expected.contains("ERROR") ? 1 : 0;
			for (int chunk : new int[] { 1, 2, 3, 1 << 16 }) {
				List<String> actual = ours(text, chunk);
				if (expected.contains("ERROR")) {
					assertThat(actual).as(escape(text)).contains("ERROR");
				}
				else {
					assertThat(actual).as(escape(text) + " chunk " + chunk).isEqualTo(expected);
				}
			}
		}
		assertThat(errors).as("some texts are refused").isGreaterThan(100);
	}

	@Test
	void theCasesThatMatter() {
		assertThat(ours("a,b\r\n\r\n\"x,\"\"y\"\"\nz\",\nlast", 1 << 16))
			.containsExactly("1:a|b", "2:", "3:x,\"y\"\nz|", "4:last");
		assertThat(ours("a,", 4)).containsExactly("1:a|");
		assertThat(ours("\"a\"  ,b\n", 4)).containsExactly("1:a|b");
		assertThat(ours(" \"a\",b", 4)).containsExactly("1: \"a\"|b");
		assertThat(ours("", 4)).isEmpty();
		assertThatThrownBy(() -> new CsvParser(new StringReader("a,\"b")).next()).isInstanceOf(CsvParser.FormatException.class)
			.hasMessageContaining("引号没有结束");
		assertThatThrownBy(() -> new CsvParser(new StringReader("\"a\"b,c")).next()).isInstanceOf(CsvParser.FormatException.class)
			.hasMessageContaining("多余的字符");
	}

	static String escape(String s) {
		return s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
	}
}
