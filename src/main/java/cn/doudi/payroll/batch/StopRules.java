package cn.doudi.payroll.batch;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.doudi.allowance.ComputedLine;
import cn.doudi.allowance.EnrollmentEnded;
import cn.doudi.allowance.MonthInputs;
import cn.doudi.allowance.MonthOutcome;
import cn.doudi.allowance.RosterRow;
import cn.doudi.identity.IdNumber;
import cn.doudi.kernel.Program;

/**
 * RULES.md "Lines", stops: a payment key that had a current-month line in run M−1 and has no line in
 * month M stops, with the first reason that applies of DECEASED, REMOVED_FROM_ROSTER, END_MONTH,
 * AGED_OUT, GRADUAL_EXIT_END. PRICE_SUBSIDY and TEMP_ASSIST never stop; a de-facto top-up that falls
 * to 0.00 (no reason applies) is no stop. DIBAO stops are per household: DECEASED only when every
 * member covered on the M−1 line is dead; END_MONTH when the 户主's end month, or every living
 * member's own end month, has passed.
 */
final class StopRules {

	/** A current-month line of run M−1. */
	record PreviousLine(String county, Program program, String householdId, String idNumber, String name,
			List<String> memberIds, String paymentKey) {
	}

	/** A stop to list in {@code stops.csv}. */
	record Stop(String county, Program program, String householdId, String idNumber, String name,
			YearMonth lastPaidMonth, String reason, String paymentKey) {
	}

	private StopRules() {
	}

	/**
	 * @param deathMonths death months (matched by ID and name) of everyone concerned, including people no
	 *        longer on the roster
	 * @param lastPaid the last month with a paid PAY line, per payment key
	 */
	static List<Stop> find(MonthInputs in, MonthOutcome out, List<PreviousLine> previous,
			Map<String, YearMonth> deathMonths, Map<String, YearMonth> lastPaid) {
		YearMonth m = in.month();
		Set<String> keysNow = new HashSet<>();
		for (ComputedLine l : out.lines()) {
			if (l.payMonth().equals(m) && !l.arrears()) {
				keysNow.add(l.paymentKey());
			}
		}
		Map<String, List<RosterRow>> rowsByKey = new HashMap<>();
		for (RosterRow r : in.roster()) {
			String key = r.program().perHousehold() ? r.program().name() + '|' + r.householdId()
					: r.program().name() + '|' + r.householdId() + '|' + r.idNumber();
			rowsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
		}
		Set<String> endedNow = new HashSet<>();
		for (EnrollmentEnded e : out.ends()) {
			endedNow.add(e.program().name() + '|' + e.householdId() + (e.program().perHousehold() ? "" : '|' + e.idNumber())
					+ '#' + e.reason());
		}
		List<Stop> stops = new ArrayList<>();
		for (PreviousLine p : previous) {
			if (p.program() == Program.PRICE_SUBSIDY || p.program() == Program.TEMP_ASSIST
					|| keysNow.contains(p.paymentKey())) {
				continue;
			}
			List<RosterRow> rows = rowsByKey.getOrDefault(p.paymentKey(), List.of());
			String reason = p.program().perHousehold() ? householdReason(p, rows, m, deathMonths, endedNow)
					: personReason(p, rows, m, deathMonths, endedNow);
			if (reason != null) {
				stops.add(new Stop(p.county(), p.program(), p.householdId(), p.idNumber(), p.name(),
						lastPaid.get(p.paymentKey()), reason, p.paymentKey()));
			}
		}
		return stops;
	}

	private static boolean dead(String id, YearMonth m, Map<String, YearMonth> deathMonths) {
		YearMonth d = deathMonths.get(id);
		return d != null && d.isBefore(m);
	}

	private static String personReason(PreviousLine p, List<RosterRow> rows, YearMonth m,
			Map<String, YearMonth> deathMonths, Set<String> endedNow) {
		if (dead(p.idNumber(), m, deathMonths)) {
			return "DECEASED";
		}
		if (rows.isEmpty()) {
			return "REMOVED_FROM_ROSTER";
		}
		if (rows.stream().noneMatch(r -> r.endMonth() == null || !m.isAfter(r.endMonth()))) {
			return "END_MONTH";
		}
		boolean child = p.program() == Program.ORPHAN || p.program() == Program.DE_FACTO_CHILD;
		if (child && (endedNow.contains(p.paymentKey() + "#AGED_OUT") || IdNumber.of(p.idNumber()).ageIn(m) >= 18)) {
			return "AGED_OUT";
		}
		return null;
	}

	private static String householdReason(PreviousLine p, List<RosterRow> rows, YearMonth m,
			Map<String, YearMonth> deathMonths, Set<String> endedNow) {
		List<String> members = p.memberIds().isEmpty() ? List.of(p.idNumber()) : p.memberIds();
		if (members.stream().allMatch(id -> dead(id, m, deathMonths))) {
			return "DECEASED";
		}
		List<RosterRow> heads = rows.stream().filter(RosterRow::isHead).toList();
		if (heads.isEmpty()) {
			return "REMOVED_FROM_ROSTER";
		}
		boolean headEnded = heads.stream().allMatch(r -> r.endMonth() != null && m.isAfter(r.endMonth()));
		List<RosterRow> living = rows.stream().filter(r -> !dead(r.idNumber(), m, deathMonths)).toList();
		boolean everyLivingEnded = !living.isEmpty()
				&& living.stream().allMatch(r -> r.endMonth() != null && m.isAfter(r.endMonth()));
		if (headEnded || everyLivingEnded) {
			return "END_MONTH";
		}
		if (endedNow.contains(p.paymentKey() + "#GRADUAL_EXIT_END")) {
			return "GRADUAL_EXIT_END";
		}
		return null;
	}
}
