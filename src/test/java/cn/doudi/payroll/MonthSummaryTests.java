package cn.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/**
 * The summary counted from payments.csv's lines ({@link MonthSummary}) says what the grouping over payment_line said:
 * per county and program, distinct households of every status, DIBAO members outside arrears or distinct people,
 * lines and amounts paid and held.
 */
class MonthSummaryTests {

	@Test
	void eachCountysProgramIsOneRowCountedAsTheGroupingDid() {
		MonthSummary summary = new MonthSummary();
		// 410102 DIBAO_RURAL: two households, one with an arrears line (its members not counted again), one held
		summary.line("410102", "DIBAO_RURAL", "H1", "A", "PAY", new BigDecimal("300.00"), false, 3);
		summary.line("410102", "DIBAO_RURAL", "H1", "A", "PAY", new BigDecimal("150.00"), true, 3);
		summary.line("410102", "DIBAO_RURAL", "H2", "B", "HELD", new BigDecimal("200.50"), false, 2);
		// 410102 ELDERLY: the same person twice (arrears), one line with no household part, one stopped
		summary.line("410102", "ELDERLY", "H1", "C", "PAY", new BigDecimal("100.00"), false, null);
		summary.line("410102", "ELDERLY", "H1", "C", "PAY", new BigDecimal("100.00"), true, null);
		summary.line("410102", "ELDERLY", "H3", "D", "STOPPED", new BigDecimal("0.00"), false, null);
		// 410122 ELDERLY: only held lines
		summary.line("410122", "ELDERLY", "H9", "E", "HELD", new BigDecimal("80.00"), false, null);

		assertThat(summary.rows()).containsExactly(
				new MonthEndFiles.SummaryRow("410102", "DIBAO_RURAL", 2, 5, 2, new BigDecimal("450.00"), 1,
						new BigDecimal("200.50")),
				new MonthEndFiles.SummaryRow("410102", "ELDERLY", 2, 2, 2, new BigDecimal("200.00"), 0,
						new BigDecimal("0.00")),
				new MonthEndFiles.SummaryRow("410122", "ELDERLY", 1, 1, 0, new BigDecimal("0.00"), 1,
						new BigDecimal("80.00")));
	}

	@Test
	void noLinesNoRows() {
		assertThat(new MonthSummary().rows()).isEmpty();
	}
}
