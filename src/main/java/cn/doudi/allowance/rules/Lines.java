package cn.doudi.allowance.rules;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import cn.doudi.allowance.ComputedLine;
import cn.doudi.allowance.LineStatus;
import cn.doudi.allowance.RosterRow;
import cn.doudi.kernel.Money;

/** Builds current-month lines; a line with any reason is HELD and still carries its amount. */
final class Lines {

	private Lines() {
	}

	static SortedSet<String> codes(String... codes) {
		SortedSet<String> s = new TreeSet<>(Order.CODE_POINT);
		s.addAll(List.of(codes));
		return s;
	}

	static LineStatus status(SortedSet<String> reasons) {
		return reasons.isEmpty() ? LineStatus.PAY : LineStatus.HELD;
	}

	/** A person program's line, paid into the account on the person's own row. */
	static ComputedLine person(RosterRow row, YearMonth month, String category, BigDecimal amount,
			SortedSet<String> ruleCodes) {
		return new ComputedLine(row.county(), row.regionCode(), row.program(), category == null ? "" : category,
				row.householdId(), row.idNumber(), row.name(), month, Money.fen(amount), status(ruleCodes), ruleCodes,
				row.bank(), row.accountNumber(), row.accountName(), false, null, null, null, null, List.of());
	}
}
