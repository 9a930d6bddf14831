package cn.doudi.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import cn.doudi.notices.render.Amounts;

/** How notices print amounts: worked examples, and the same text as {@code %,.2f} (what they printed before). */
class AmountsTests {

	@Test
	void yuanWithTwoDecimalsAndThousandsSeparators() {
		assertThat(Amounts.format(new BigDecimal("0"))).isEqualTo("0.00");
		assertThat(Amounts.format(new BigDecimal("5.5"))).isEqualTo("5.50");
		assertThat(Amounts.format(new BigDecimal("999.995"))).isEqualTo("1,000.00");
		assertThat(Amounts.format(new BigDecimal("1234.5"))).isEqualTo("1,234.50");
		assertThat(Amounts.format(new BigDecimal("123456.78"))).isEqualTo("123,456.78");
		assertThat(Amounts.format(new BigDecimal("1234567.891"))).isEqualTo("1,234,567.89");
		assertThat(Amounts.format(new BigDecimal("-1000"))).isEqualTo("-1,000.00");
		assertThat(Amounts.format(new BigDecimal("-0.001"))).isEqualTo("0.00");
	}

	@Test
	void theSameTextAsTheFormatter() {
		java.util.Random random = new java.util.Random(15);
		for (int i = 0; i < 20_000; i++) {
			BigDecimal amount = BigDecimal.valueOf(random.nextLong() % 10_000_000_000L, random.nextInt(5));
			assertThat(Amounts.format(amount))
				.isEqualTo(String.format(Locale.ROOT, "%,.2f", amount.setScale(2, java.math.RoundingMode.HALF_UP)));
		}
	}
}
