package cn.doudi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The words a person reads where the data holds codes; an unknown code is shown as it is. */
class WordsTests {

	final Words w = Words.INSTANCE;

	@Test
	void codesBecomeTheBureausWords() {
		assertThat(w.code("AGE_INELIGIBLE")).isEqualTo("高龄津贴未满80周岁");
		assertThat(w.effect("HOLD")).isEqualTo("暂停发放待核实");
		assertThat(w.status("OPEN")).isEqualTo("待处理");
		assertThat(w.status("RUNNING")).isEqualTo("计算中");
		assertThat(w.decision("CONFIRM")).isEqualTo("确认");
		assertThat(w.decision("DISMISS")).isEqualTo("排除");
		assertThat(w.programs("DIBAO_URBAN;ELDERLY")).isEqualTo("城市最低生活保障、高龄津贴");
		assertThat(w.code("SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
		assertThat(w.programs("")).isEmpty();
	}

	@Test
	void regionsByNameWithTheCodeBeside() {
		assertThat(w.region("410102", "中原区")).isEqualTo("中原区（410102）");
		assertThat(w.region("410102", "")).isEqualTo("410102");
		assertThat(w.region("", "x")).isEmpty();
	}

	@Test
	void amountsWithThousandsSeparatorsAndBeijingTime() {
		assertThat(w.money(new BigDecimal("1234567.8"))).isEqualTo("1,234,567.80");
		assertThat(w.money("0.005")).isEqualTo("0.01");
		assertThat(w.money("")).isEmpty();
		assertThat(w.time(Instant.parse("2026-10-25T16:30:00Z"))).isEqualTo("2026-10-26 00:30:00");
	}

	@Test
	void optionNamesBecomeTheConsolesFields() {
		assertThat(w.message("须填写处理说明（--note）")).isEqualTo("须填写处理说明（备注）");
		assertThat(w.message("追回金额应为正数，最多两位小数（--amount）")).isEqualTo("追回金额应为正数，最多两位小数（追回金额）");
	}
}
