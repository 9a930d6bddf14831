package cn.doudi.disbursement.layout;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

/**
 * A bank's disbursement layout, as declared in {@code jobs/banks/<BANK>.yml} (or {@code default.yml}):
 * file name, encoding, line end, delimited or fixed-width records (header, detail, trailer), amount
 * format, the substitute written for a character the encoding cannot represent ({@code unmappable}), and
 * how the bank's return marks each line. See {@code jobs/banks/README.md}.
 */
public record BankLayout(String source, String name, String fileName, Charset encoding, String lineEnd, boolean fixed,
		String separator, boolean amountInFen, String unmappable, List<FieldSpec> header, List<FieldSpec> detail,
		List<FieldSpec> trailer, String success, String failure, int statusWidth) {

	/** The substitute when a layout names none. */
	public static final String DEFAULT_UNMAPPABLE = "?";

	/** The final file's name for a bank, county and month (YYYYMM / YYYY-MM). */
	public String fileName(String bank, String county, String yyyymm, String month) {
		return fileName.replace("{bank}", bank)
			.replace("{county}", county)
			.replace("{yyyymm}", yyyymm)
			.replace("{month}", month);
	}

	static final Map<String, String> LINE_ENDS = Map.of("LF", "\n", "CRLF", "\r\n");
}
