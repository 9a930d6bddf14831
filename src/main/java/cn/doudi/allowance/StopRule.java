package cn.doudi.allowance;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import cn.doudi.allowance.RunHistory.PastLine;
import cn.doudi.identity.IdNumber;
import cn.doudi.kernel.PaymentKey;
import cn.doudi.kernel.Program;
import cn.doudi.kernel.StopReason;

/**
 * RULES.md "Lines", stops: a payment key that had a current-month line in run M−1 and has no line in
 * month M stops, with the first reason that applies of DECEASED, REMOVED_FROM_ROSTER, END_MONTH,
 * AGED_OUT, GRADUAL_EXIT_END ({@link StopReason}, in that order). PRICE_SUBSIDY and TEMP_ASSIST never
 * stop; a de-facto top-up that falls to 0.00 (no reason applies) is no stop. DIBAO stops are per
 * household: DECEASED only when every member covered on the M−1 line is dead; END_MONTH when the 户主's
 * end month, or every living member's own end month, has passed.
 */
public final class StopRule {

	private StopRule() {
	}

	/**
	 * @param previous the current-month lines of the approved run of M−1
	 * @param deathMonths death months (matched by ID and name) of everyone concerned, including people no
	 *        longer on the roster
	 * @param lastPaid the last month with a paid PAY line, per payment key
	 */
	public static List<Stop> find(MonthInputs in, MonthOutcome out, List<PastLine> previous,
			Map<String, YearMonth> deathMonths, Map<PaymentKey, YearMonth> lastPaid) {
		if (previous.isEmpty()) {
			return new ArrayList<>(); // nothing paid in M−1 to stop
		}
		YearMonth m = in.month();
		Set<PaymentKey> keysNow = new HashSet<>();
		for (ComputedLine l : out.lines()) {
			if (l.payMonth().equals(m) && !l.arrears()) {
				keysNow.add(l.paymentKey());
			}
		}
		Map<PaymentKey, List<RosterRow>> rowsByKey = new HashMap<>();
		for (RosterRow r : in.roster()) {
			rowsByKey.computeIfAbsent(r.enrollment(), k -> new ArrayList<>()).add(r);
		}
		Map<PaymentKey, StopReason> endedNow = new HashMap<>();
		for (EnrollmentEnded e : out.ends()) {
			endedNow.put(e.key(), e.reason());
		}
		List<Stop> stops = new ArrayList<>();
		for (PastLine p : previous.stream().sorted(Comparator.comparing(PastLine::paymentKey)).toList()) {
			PaymentKey key = p.paymentKey();
			if (p.program() == Program.PRICE_SUBSIDY || p.program() == Program.TEMP_ASSIST || keysNow.contains(key)) {
				continue;
			}
			List<RosterRow> rows = rowsByKey.getOrDefault(key, List.of());
			StopReason reason = p.program().perHousehold() ? householdReason(p, rows, m, deathMonths, endedNow.get(key))
					: personReason(p, rows, m, deathMonths, endedNow.get(key));
			if (reason != null) {
				stops.add(new Stop(p.county(), p.program(), p.householdId(), p.idNumber(), p.name(), lastPaid.get(key),
						reason));
			}
		}
		return stops;
	}

	private static boolean dead(String id, YearMonth m, Map<String, YearMonth> deathMonths) {
		YearMonth d = deathMonths.get(id);
		return d != null && d.isBefore(m);
	}

	private static @Nullable StopReason personReason(PastLine p, List<RosterRow> rows, YearMonth m,
			Map<String, YearMonth> deathMonths, @Nullable StopReason endedNow) {
		if (dead(p.idNumber(), m, deathMonths)) {
			return StopReason.DECEASED;
		}
		if (rows.isEmpty()) {
			return StopReason.REMOVED_FROM_ROSTER;
		}
		if (rows.stream().noneMatch(r -> r.endMonth() == null || !m.isAfter(r.endMonth()))) {
			return StopReason.END_MONTH;
		}
		boolean child = p.program() == Program.ORPHAN || p.program() == Program.DE_FACTO_CHILD;
		if (child && (endedNow == StopReason.AGED_OUT || IdNumber.of(p.idNumber()).ageIn(m) >= 18)) {
			return StopReason.AGED_OUT;
		}
		return null;
	}

	private static @Nullable StopReason householdReason(PastLine p, List<RosterRow> rows, YearMonth m,
			Map<String, YearMonth> deathMonths, @Nullable StopReason endedNow) {
		List<String> members = p.memberIds().isEmpty() ? List.of(p.idNumber()) : p.memberIds();
		if (members.stream().allMatch(id -> dead(id, m, deathMonths))) {
			return StopReason.DECEASED;
		}
		List<RosterRow> heads = rows.stream().filter(RosterRow::isHead).toList();
		if (heads.isEmpty()) {
			return StopReason.REMOVED_FROM_ROSTER;
		}
		boolean headEnded = heads.stream().allMatch(r -> r.endMonth() != null && m.isAfter(r.endMonth()));
		List<RosterRow> living = rows.stream().filter(r -> !dead(r.idNumber(), m, deathMonths)).toList();
		boolean everyLivingEnded = !living.isEmpty()
				&& living.stream().allMatch(r -> r.endMonth() != null && m.isAfter(r.endMonth()));
		if (headEnded || everyLivingEnded) {
			return StopReason.END_MONTH;
		}
		if (endedNow == StopReason.GRADUAL_EXIT_END) {
			return StopReason.GRADUAL_EXIT_END;
		}
		return null;
	}
}
