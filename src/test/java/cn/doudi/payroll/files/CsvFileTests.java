package cn.doudi.payroll.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The month-end's CSVs (OUTPUTS.md): RFC 4180 quoting only where a field needs it, {@code \n} record ends, a
 * null as an empty field.
 */
class CsvFileTests {

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
