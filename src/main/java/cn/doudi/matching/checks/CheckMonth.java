package cn.doudi.matching.checks;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The county and month a check decides for (pure). {@link #knownBy} is the first day after M: a record
 * dated before it is one run M can know (a death, a marriage).
 */
public record CheckMonth(String county, YearMonth month) {

	/** The first day of the month after M. */
	public LocalDate knownBy() {
		return month.plusMonths(1).atDay(1);
	}

	/** Dead for M: a death month before M (the month of death is paid in full). */
	public boolean deadFor(YearMonth deathMonth) {
		return deathMonth != null && deathMonth.isBefore(month);
	}
}
