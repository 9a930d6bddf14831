package cn.doudi.matching;

import java.time.YearMonth;
import java.util.Collection;
import java.util.Map;
import java.util.SortedSet;

import cn.doudi.kernel.PaymentKey;

/**
 * The port through which the checks learn which enrollments ended by rule (GRADUAL_EXIT_END, AGED_OUT) —
 * run history, owned and implemented by the payroll module: an enrollment ended by rule covers nobody
 * (RULES.md "Enrollment"), for the checks as for the rules ({@link cn.doudi.allowance.ActiveRoster}).
 */
public interface EnrollmentEnds {

	/**
	 * Every month an enrollment of these households ended by rule in an approved run, per county and
	 * enrollment (its payment key: the household's for DIBAO_*, the person's otherwise).
	 */
	Map<String, Map<PaymentKey, SortedSet<YearMonth>>> ofHouseholds(Collection<String> householdIds);
}
