package cn.doudi.allowance.rules;

import static cn.doudi.allowance.Fixtures.id;
import static cn.doudi.allowance.Fixtures.month;
import static cn.doudi.allowance.Fixtures.only;
import static cn.doudi.allowance.Fixtures.row;
import static cn.doudi.kernel.Program.TEKUN;
import static org.assertj.core.api.Assertions.assertThat;
import cn.doudi.kernel.FindingCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.doudi.allowance.ComputedLine;
import cn.doudi.allowance.Fixtures;
import cn.doudi.allowance.LineStatus;

/** RULES.md TEKUN: one line per person at std(TEKUN, category, M). */
class TekunRuleTests {

	static final String PERSON = id("19500505", 61);

	static Fixtures.Inputs table(String month) {
		return month(month).standard(TEKUN, "全自理", "897.00")
			.standard(TEKUN, "半护理", "1100.50")
			.standard(TEKUN, "全护理", "1600.00");
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "全自理, 897.00", "半护理, 1100.50", "全护理, 1600.00" })
	void paysTheCategorysStandard(String category, String amount) {
		ComputedLine line = only(table("2026-11").add(row(TEKUN, "T1", PERSON).category(category)).compute(), TEKUN);
		assertThat(line.amount()).isEqualByComparingTo(amount);
		assertThat(line.category()).isEqualTo(category);
		assertThat(line.status()).isEqualTo(LineStatus.PAY);
		assertThat(line.accountNumber()).isEqualTo("6222" + PERSON.substring(2, 17));
	}

	@Test
	void usesTheRowInForceInTheMonth() {
		Fixtures.Inputs in = table("2026-11").standard("TEKUN", "全自理", "2026-12", "950.00")
			.add(row(TEKUN, "T1", PERSON).category("全自理"));
		assertThat(only(in.compute(), TEKUN).amount()).isEqualByComparingTo("897.00");
	}

	@Test
	void aCategoryWithoutAStandardGivesNoLine() {
		assertThat(table("2026-11").add(row(TEKUN, "T1", PERSON).category("其他")).compute().lines()).isEmpty();
	}

	@Test
	void isHeldByItsOwnExclusiveProgramsHoldOnly() {
		assertThat(only(table("2026-11").add(row(TEKUN, "T1", PERSON).category("全自理"))
			.hold("EXCLUSIVE_PROGRAMS", PERSON, TEKUN)
			.compute(), TEKUN).reasons()).containsExactly(FindingCode.EXCLUSIVE_PROGRAMS);
		assertThat(only(table("2026-11").add(row(TEKUN, "T1", PERSON).category("全自理"))
			.hold("EXCLUSIVE_PROGRAMS", PERSON, cn.doudi.kernel.Program.DIBAO_URBAN)
			.compute(), TEKUN).status()).isEqualTo(LineStatus.PAY);
	}

	@Test
	void deadBeforeTheMonthGivesNoLine() {
		assertThat(table("2026-11").add(row(TEKUN, "T1", PERSON).category("全自理"))
			.died(PERSON, "2026-10")
			.compute()
			.lines()).isEmpty();
	}
}
