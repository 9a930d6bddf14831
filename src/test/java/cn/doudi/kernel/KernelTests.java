package cn.doudi.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The shared kernel's words, with worked examples. */
class KernelTests {

	@Nested
	class MoneyRounding {

		@Test
		void halfUpToTheFenOnce() {
			// RULES.md "Arithmetic": 1.005 → 1.01, 2.344 → 2.34, −0.005 → −0.01 (half away from zero)
			assertThat(Money.fen(new BigDecimal("1.005"))).isEqualTo(new BigDecimal("1.01"));
			assertThat(Money.fen(new BigDecimal("2.344"))).isEqualTo(new BigDecimal("2.34"));
			assertThat(Money.fen(new BigDecimal("-0.005"))).isEqualTo(new BigDecimal("-0.01"));
		}

		@Test
		void wholeYuanForThePriceSubsidy() {
			// 690 × 3.6% = 24.84 → 25.00; 24.50 → 25.00; 24.49 → 24.00
			assertThat(Money.wholeYuan(new BigDecimal("24.84"))).isEqualTo(new BigDecimal("25.00"));
			assertThat(Money.wholeYuan(new BigDecimal("24.50"))).isEqualTo(new BigDecimal("25.00"));
			assertThat(Money.wholeYuan(new BigDecimal("24.49"))).isEqualTo(new BigDecimal("24.00"));
		}

		@Test
		void parseIsExactAndFormatHasTwoPlaces() {
			assertThat(Money.parse(" 12.5 ")).isEqualTo(new BigDecimal("12.50"));
			assertThat(Money.parse("3.100")).isEqualTo(new BigDecimal("3.10"));
			assertThatThrownBy(() -> Money.parse("1.005")).isInstanceOf(NumberFormatException.class);
			assertThat(Money.format(new BigDecimal("7"))).isEqualTo("7.00");
			assertThat(Money.format(Money.ZERO)).isEqualTo("0.00");
		}
	}

	@Test
	void monthsInTheFormsOfInputs() {
		YearMonth oct = YearMonth.of(2026, 10);
		for (String text : List.of("2026-10", "2026年10月", "202610", "2026/10", "2026.10", " 2026-10 ", "2026年10")) {
			assertThat(Months.parse(text)).as(text).contains(oct);
		}
		assertThat(Months.parse("2026-13")).isEmpty();
		assertThat(Months.parse("十月")).isEmpty();
		assertThat(Months.format(oct)).isEqualTo("2026-10");
		assertThatThrownBy(() -> Months.require("10/2026")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void programsAndBanksByCodeOrChineseName() {
		assertThat(Program.parse("城市低保")).contains(Program.DIBAO_URBAN);
		assertThat(Program.parse("dibao_rural")).contains(Program.DIBAO_RURAL);
		assertThat(Program.parse("特困 人员")).contains(Program.TEKUN);
		assertThat(Program.parse("低保")).isEmpty();
		assertThat(Program.DIBAO_URBAN.perHousehold()).isTrue();
		assertThat(Program.ELDERLY.perHousehold()).isFalse();
		assertThat(Bank.parse("中国工商银行")).contains(Bank.ICBC);
		assertThat(Bank.parse("农商银行")).contains(Bank.RCU);
	}

	@Test
	void findingCodesAsTheCatalogueSays() {
		// CHECKS.md "Review": the rule findings cannot be dismissed, the review findings and LEAD/INFO can
		for (FindingCode rule : List.of(FindingCode.DECEASED, FindingCode.AGE_INELIGIBLE, FindingCode.DISABILITY_NOT_FOUND,
				FindingCode.DISABILITY_GRADE_INELIGIBLE, FindingCode.LIVING_SUBSIDY_NOT_POOR, FindingCode.PAYEE_DECEASED,
				FindingCode.OVERPAID)) {
			assertThat(rule.dismissable()).as(rule.name()).isFalse();
		}
		for (FindingCode review : List.of(FindingCode.NAME_MISMATCH, FindingCode.DEATH_PROBABLE,
				FindingCode.EXCLUSIVE_PROGRAMS, FindingCode.ASSETS_DISQUALIFY, FindingCode.SHARED_ACCOUNT,
				FindingCode.POVERTY_NOT_COVERED, FindingCode.MARRIAGE_CHANGE)) {
			assertThat(review.dismissable()).as(review.name()).isTrue();
		}
		assertThat(FindingCode.DECEASED.effect()).isEqualTo(FindingCode.Effect.STOP);
		assertThat(FindingCode.POVERTY_NOT_COVERED.effect()).isEqualTo(FindingCode.Effect.LEAD);
		assertThat(FindingCode.OVERPAID.effect()).isEqualTo(FindingCode.Effect.INFO);
	}

	@Test
	void reasonsAreSortedByNameAndJoinedBySemicolons() {
		SortedSet<FindingCode> codes = FindingCode.sortedSet();
		codes.addAll(Set.of(FindingCode.SHARED_ACCOUNT, FindingCode.AGE_INELIGIBLE, FindingCode.NAME_MISMATCH));
		assertThat(codes).containsExactly(FindingCode.AGE_INELIGIBLE, FindingCode.NAME_MISMATCH, FindingCode.SHARED_ACCOUNT);
		assertThat(FindingCode.join(codes)).isEqualTo("AGE_INELIGIBLE;NAME_MISMATCH;SHARED_ACCOUNT");
		assertThat(FindingCode.join(Set.of())).isEmpty();
	}

	@Test
	void aPaymentKeyIsTheHouseholdsForDibaoAndThePersonsOtherwise() {
		PaymentKey dibao = PaymentKey.of(Program.DIBAO_URBAN, "H1", "410102197001010131");
		PaymentKey elderly = PaymentKey.of(Program.ELDERLY, "E1", "410102194003020114");

		assertThat(dibao.idNumber()).isNull();
		assertThat(dibao.text()).isEqualTo("DIBAO_URBAN|H1");
		assertThat(elderly.text()).isEqualTo("ELDERLY|E1|410102194003020114");
		assertThat(PaymentKey.parse(dibao.text())).isEqualTo(dibao);
		assertThat(PaymentKey.parse(elderly.text())).isEqualTo(elderly);
		assertThat(dibao).isEqualTo(PaymentKey.of(Program.DIBAO_URBAN, "H1", "another head"));
		assertThat(dibao.in(YearMonth.of(2026, 10))).isNotEqualTo(dibao.in(YearMonth.of(2026, 11)));
		assertThatThrownBy(() -> new PaymentKey(Program.ELDERLY, "E1", null)).isInstanceOf(NullPointerException.class);
		assertThatThrownBy(() -> PaymentKey.parse("ELDERLY|E1")).isInstanceOf(IllegalArgumentException.class);
		// code-point order of the stored form, as COLLATE "C" sorts payment_key
		assertThat(List.of(elderly, dibao).stream().sorted().toList()).containsExactly(dibao, elderly);
	}

	@Test
	void stopReasonsInTheOrderTheRuleTriesThemWithTheirChineseWords() {
		assertThat(StopReason.values()).containsExactly(StopReason.DECEASED, StopReason.REMOVED_FROM_ROSTER,
				StopReason.END_MONTH, StopReason.AGED_OUT, StopReason.GRADUAL_EXIT_END);
		assertThat(StopReason.GRADUAL_EXIT_END.chineseName()).isEqualTo("渐退期满");
		assertThat(StopReason.AGED_OUT.clause()).contains("年满18周岁");
		for (StopReason r : StopReason.values()) {
			assertThat(r.chineseName()).isNotBlank();
			assertThat(r.clause()).isNotBlank();
		}
	}

	@Test
	void aZipRestampedIsTheSameBytesWhateverItsEntriesTimes() throws Exception {
		byte[] a = zip(java.time.LocalDateTime.of(2020, 1, 1, 0, 0));
		byte[] b = zip(java.time.LocalDateTime.of(2025, 6, 30, 12, 34));
		assertThat(a).isNotEqualTo(b);
		assertThat(StableZip.restamp(a)).isEqualTo(StableZip.restamp(b));
	}

	private static byte[] zip(java.time.LocalDateTime time) throws Exception {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
			java.util.zip.ZipEntry e = new java.util.zip.ZipEntry("a.txt");
			e.setTimeLocal(time);
			zip.putNextEntry(e);
			zip.write("兜底".getBytes(java.nio.charset.StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return out.toByteArray();
	}
}
