package cn.doudi.payroll.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.junit.jupiter.api.Test;

/**
 * The month-end's CSVs are written by {@link CsvFile} itself: the bytes Commons CSV's RFC 4180 format with
 * {@code \n} record ends and minimal quoting wrote for every earlier file, field by field, for the values that
 * decide the quoting (empty, first or not, null, leading and trailing characters, quotes, commas, line ends, CJK).
 */
class CsvFileTests {

	private static final CSVFormat COMMONS = CSVFormat.RFC4180.builder()
		.setRecordSeparator('\n')
		.setQuoteMode(QuoteMode.MINIMAL)
		.get();

	private static final List<String> VALUES = List.of("", "a", "abc", "欧阳娜", " a", "a ", "a\t", "\ta", "#a", "!a",
			"\"", "\"a\"", "a\"b", "a,b", ",", "a\nb", "a\rb", "\n", "$a", "-1", "0.00", "410102194003020114", "a;b",
			"a'b", "'", "a\u0000", "\u0000a", "欧阳,\"娜\"", "𠀾王", "王𠀾", " ", "##", "a#", "a\\b", "\\");

	@Test
	void everyFieldIsWrittenAsCommonsCsvWritesIt() throws Exception {
		List<Object[]> rows = new ArrayList<>();
		for (String v : VALUES) {
			rows.add(new Object[] { v });
			rows.add(new Object[] { v, v });
			rows.add(new Object[] { "x", v, null });
			rows.add(new Object[] { null, v });
		}
		rows.add(new Object[] { 12L, 0, null, "" });
		rows.add(new Object[] { null });
		rows.add(new Object[] { "", null });

		ByteArrayOutputStream ours = new ByteArrayOutputStream();
		try (CsvFile csv = CsvFile.onto(ours, "h1", "h2")) {
			rows.forEach(csv::row);
		}
		StringWriter theirs = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(theirs, COMMONS)) {
			printer.printRecord("h1", "h2");
			for (Object[] row : rows) {
				printer.printRecord(row);
			}
		}

		assertThat(ours.toString(StandardCharsets.UTF_8)).isEqualTo(theirs.toString());
	}

	@Test
	void fieldsAreQuotedOnlyWhereNeeded() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CsvFile csv = CsvFile.onto(out, "a", "b")) {
			csv.row("", "");
			csv.row("x,y", "say \"hi\"");
			csv.row("plain", null);
		}

		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a,b\n\"\",\n\"x,y\",\"say \"\"hi\"\"\"\nplain,\n");
	}
}
