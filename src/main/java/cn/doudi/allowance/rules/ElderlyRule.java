package cn.doudi.allowance.rules;

import cn.doudi.allowance.RosterRow;
import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Program;

/**
 * ELDERLY (高龄津贴): tier by age(M) — 80–89 → {@code 80-89}, 90–99 → {@code 90-99}, ≥ 100 →
 * {@code 100+}. age(M) < 80 → HELD with AGE_INELIGIBLE, carrying the entry tier {@code 80-89} and its
 * amount. A tier without a row in the table gives no line.
 */
final class ElderlyRule implements PersonRule {

	static final String ENTRY_TIER = "80-89";

	private final Month month;

	ElderlyRule(Month month) {
		this.month = month;
	}

	@Override
	public Program program() {
		return Program.ELDERLY;
	}

	@Override
	public PersonDecision decide(RosterRow row) {
		int age = month.age(row.idNumber());
		if (age < 80) {
			return month.std(Program.ELDERLY, ENTRY_TIER)
				.<PersonDecision>map(a -> PersonDecision.Held.of(ENTRY_TIER, a, FindingCode.AGE_INELIGIBLE,
						"按身份证号计算，" + month.month().atDay(1) + "年龄" + age + "周岁，未满80周岁"))
				.orElseGet(PersonDecision.NoLine::new);
		}
		String tier = age >= 100 ? "100+" : age >= 90 ? "90-99" : ENTRY_TIER;
		return PersonDecision.payOrNothing(tier, month.std(Program.ELDERLY, tier));
	}
}
