package cn.doudi.allowance.rules;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import cn.doudi.allowance.ActiveRoster.Household;
import cn.doudi.allowance.EconomicResult;
import cn.doudi.allowance.RosterRow;

/**
 * I of RULES.md DIBAO step 2: the latest {@code economic} result for the household with 核对月份 ≤ M,
 * else the roster's 家庭月收入 (the 户主 row's; another covered row's when the 户主 row has none; else 0).
 */
final class HouseholdIncome {

	private HouseholdIncome() {
	}

	static BigDecimal of(Household hh, Month month) {
		List<EconomicResult> results = month.inputs().economic().getOrDefault(hh.householdId(), List.of());
		Optional<EconomicResult> latest = results.stream()
			.filter(e -> !e.checkMonth().isAfter(month.month()))
			.max(Comparator.comparing(EconomicResult::checkMonth));
		if (latest.isPresent()) {
			return latest.get().householdIncome();
		}
		if (hh.head().householdIncome() != null) {
			return hh.head().householdIncome();
		}
		return hh.covered()
			.stream()
			.map(RosterRow::householdIncome)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(BigDecimal.ZERO);
	}
}
