package cn.doudi.payroll.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How often the lines' COPY reports its progress (each report commits the step's context on its own). */
class PaymentLineStoreTests {

	@Test
	void reportsEveryThousandLinesUpToTenThousandThenAboutTenTimes() {
		assertThat(PaymentLineStore.every(0)).isEqualTo(1000);
		assertThat(PaymentLineStore.every(1500)).isEqualTo(1000); // reports at 1,000 and 1,500
		assertThat(PaymentLineStore.every(10_000)).isEqualTo(1000);
		assertThat(PaymentLineStore.every(10_001)).isEqualTo(2000);
		assertThat(PaymentLineStore.every(33_481)).isEqualTo(4000); // 8 reports and the last, at 33,481
		assertThat(PaymentLineStore.every(2_000_000)).isEqualTo(200_000);
	}
}
