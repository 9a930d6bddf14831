package cn.doudi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.doudi.ingest.read.EncodingDetector;
import cn.doudi.ingest.rows.DateFields;

/** Dates, months and encodings, without a database. */
class FieldParsingTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@CsvSource({ "2020/1/5,false", "2020-01-05,false", "2020.1.5,false", "2020年1月5日,false", "20200105,false",
			"43835,false", "43835,true", "20200105,true", "2020-01-05 00:00:00,false", "43835.75,true" })
	void readsEveryDateForm(String text, boolean numberCell) {
		assertThat(DateFields.parseDate(text, numberCell, false)).isEqualTo(LocalDate.of(2020, 1, 5));
	}

	@Test
	void readsSerialsOfThe1904SystemAndRefusesNonsense() {
		assertThat(DateFields.parseDate("42373", true, true)).isEqualTo(LocalDate.of(2020, 1, 5));
		assertThat(DateFields.parseDate("2020", false, false)).isNull();
		assertThat(DateFields.parseDate("2020-02-30", false, false)).isNull();
		assertThat(DateFields.parseDate("昨天", false, false)).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "2026-11,false", "2026年11月,false", "202611,false", "202611,true", "46327,true", "2026/11/1,false",
			"２０２６－１１,false" })
	void readsEveryMonthForm(String text, boolean numberCell) {
		assertThat(DateFields.parseMonth(text, numberCell, false)).isEqualTo(YearMonth.of(2026, 11));
	}

	@Test
	void detectsUtf8WithAndWithoutBomAndGbk() throws Exception {
		String text = "区划代码,姓名\n410102001001,张三\n";
		Path bom = Files.write(dir.resolve("bom.csv"), concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
				text.getBytes(StandardCharsets.UTF_8)));
		Path utf8 = Files.write(dir.resolve("utf8.csv"), text.getBytes(StandardCharsets.UTF_8));
		Path gbk = Files.write(dir.resolve("gbk.csv"), text.getBytes(Charset.forName("GBK")));
		Path ascii = Files.write(dir.resolve("ascii.csv"), "a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII));

		assertThat(EncodingDetector.detect(bom)).isEqualTo(new EncodingDetector.Detected(StandardCharsets.UTF_8, true));
		assertThat(EncodingDetector.detect(utf8)).isEqualTo(new EncodingDetector.Detected(StandardCharsets.UTF_8, false));
		assertThat(EncodingDetector.detect(gbk).charset()).isEqualTo(EncodingDetector.GB18030);
		assertThat(EncodingDetector.detect(ascii).charset()).isEqualTo(StandardCharsets.UTF_8);
	}

	@Test
	void gbkTextAfterALongAsciiStartIsStillDetected() throws Exception {
		byte[] head = ("a,b\n" + "1,2\n".repeat(40_000)).getBytes(StandardCharsets.US_ASCII);
		Path late = Files.write(dir.resolve("late.csv"), concat(head, "张三,李四\n".getBytes(Charset.forName("GBK"))));

		assertThat(EncodingDetector.detect(late).charset()).isEqualTo(EncodingDetector.GB18030);
	}

	static byte[] concat(byte[] a, byte[] b) {
		byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}
}
