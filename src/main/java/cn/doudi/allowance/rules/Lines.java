package cn.doudi.allowance.rules;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.SortedSet;

import cn.doudi.allowance.ComputedLine;
import cn.doudi.allowance.LineStatus;
import cn.doudi.allowance.RosterRow;
import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Money;

/** Builds current-month lines; a line with any reason is HELD and still carries its amount. */
final class Lines {

	private Lines() {
	}

	static SortedSet<FindingCode> codes(FindingCode... codes) {
		SortedSet<FindingCode> s = FindingCode.sortedSet();
		s.addAll(List.of(codes));
		return s;
	}

	static LineStatus status(SortedSet<FindingCode> reasons) {
		return reasons.isEmpty() ? LineStatus.PAY : LineStatus.HELD;
	}

	/** A person program's line, paid into the account on the person's own row. */
	static ComputedLine person(RosterRow row, YearMonth month, String category, BigDecimal amount,
			SortedSet<FindingCode> ruleCodes) {
		return new ComputedLine(row.county(), row.regionCode(), row.program(), category == null ? "" : category,
				row.householdId(), row.idNumber(), row.name(), month, Money.fen(amount), status(ruleCodes), ruleCodes,
				payee(row), false, null);
	}

	/** The account on the row. */
	static ComputedLine.Payee payee(RosterRow row) {
		return new ComputedLine.Payee(row.bank(), row.accountNumber(), row.accountName());
	}
}
