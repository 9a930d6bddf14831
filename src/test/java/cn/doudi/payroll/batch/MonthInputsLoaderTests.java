package cn.doudi.payroll.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;

/** A stored month read by hand as YearMonth.parse reads it. */
class MonthInputsLoaderTests {

	@Test
	void readsStoredMonthsAsYearMonthParseDoes() {
		assertThat(MonthInputsLoader.month("2026-10")).isEqualTo(YearMonth.of(2026, 10));
		assertThat(MonthInputsLoader.month("0999-01")).isEqualTo(YearMonth.parse("0999-01"));
		assertThat(MonthInputsLoader.month("+10000-12")).isEqualTo(YearMonth.of(10000, 12));
		assertThatThrownBy(() -> MonthInputsLoader.month("2026-13")).isInstanceOf(DateTimeParseException.class);
		assertThatThrownBy(() -> MonthInputsLoader.month("2026/10")).isInstanceOf(DateTimeParseException.class);
		assertThatThrownBy(() -> MonthInputsLoader.month("2026-1x")).isInstanceOf(DateTimeParseException.class);
	}
}
