package cn.doudi.ingest;

import java.time.YearMonth;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The port through which a temp-assist upload learns what the payroll has paid and can still pay — run
 * history, owned and implemented by the payroll module (ingest reads none of its tables).
 */
public interface PaymentHistory {

	/**
	 * How far back a county's next run pays: its first run month (RULES.md "Runs in order"), the earliest
	 * month the next run's arrears window reaches (RULES.md "Arrears": M − 补发上限月数, and not before the first
	 * run month) and that 补发上限月数.
	 */
	record Window(YearMonth firstRunMonth, YearMonth earliestPayable, int arrearsMonths) {
	}

	/** A TEMP_ASSIST line paid (PAY, approved run) for a household, person and pay month. */
	record PaidCase(String householdId, String idNumber, YearMonth payMonth) {
	}

	/** The window of each of these counties that has run (a county without a run is absent). */
	Map<String, Window> windows(Collection<String> counties);

	/** The TEMP_ASSIST lines paid to these people. */
	Set<PaidCase> paidTempAssist(Collection<String> idNumbers);
}
