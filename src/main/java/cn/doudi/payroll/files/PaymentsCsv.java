package cn.doudi.payroll.files;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;

import cn.doudi.kernel.Money;
import cn.doudi.payroll.PaymentLineView;

/**
 * {@code payments.csv} of OUTPUTS.md — the one writer of it, for the month-end folder and for the web
 * console's download of one run alike: the columns, their order and forms ({@code 0.00}, {@code true}/
 * {@code false}) and the CSV quoting of {@link CsvFile}. Callers give the lines in file order (county,
 * program, household, ID number, pay month in code-point order).
 */
public final class PaymentsCsv implements AutoCloseable {

	static final String[] HEADER = { "county", "region_code", "program", "category", "household_id", "id_number",
			"name", "pay_month", "amount", "status", "reason", "bank", "account_number", "arrears" };

	private final CsvFile csv;

	private PaymentsCsv(CsvFile csv) {
		this.csv = csv;
	}

	/** The file, written to a temporary name and moved into place on close. */
	public static PaymentsCsv toFile(Path file) {
		return new PaymentsCsv(new CsvFile(file, HEADER));
	}

	/** The same bytes onto a stream (a download), flushed on close. */
	public static PaymentsCsv onto(OutputStream out) {
		return new PaymentsCsv(CsvFile.onto(out, HEADER));
	}

	public void line(PaymentLineView l) {
		line(l.county(), l.regionCode(), l.program().name(), l.category(), l.householdId(), l.idNumber(), l.name(),
				l.payMonth().toString(), l.amount(), l.status(), l.reason(), l.bank(), l.accountNumber(), l.arrears());
	}

	/** One line from its stored columns. */
	public void line(String county, String regionCode, String program, String category, String householdId,
			String idNumber, String name, String payMonth, BigDecimal amount, String status, String reason, String bank,
			String accountNumber, boolean arrears) {
		csv.row(county, regionCode, program, category, householdId, idNumber, name, payMonth, Money.format(amount), status,
				reason, bank, accountNumber, arrears ? "true" : "false");
	}

	@Override
	public void close() {
		csv.close();
	}
}
