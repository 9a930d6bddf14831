package cn.doudi.allowance.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.doudi.allowance.ActiveRoster.Household;
import cn.doudi.allowance.ComputedLine;
import cn.doudi.allowance.RosterRow;
import cn.doudi.kernel.Program;

/**
 * The county's DIBAO households in M and their lines (after holds), looked up by covered member: the
 * questions DISABILITY_LIVING, the de-facto top-up and the price subsidy ask. Households and lines are
 * kept in (program code, household) order.
 */
final class DibaoIndex {

	/** A household line with the household it was computed for. */
	record HouseholdLine(Household household, ComputedLine line) {
	}

	// looked up by ID number only, never walked: hash maps (each list in household order)
	private final Map<String, List<Household>> householdsByMember = new HashMap<>();
	private final Map<String, List<HouseholdLine>> linesByMember = new HashMap<>();

	DibaoIndex(List<Household> households, List<HouseholdLine> lines) {
		for (Household hh : households) {
			for (RosterRow r : hh.covered()) {
				householdsByMember.computeIfAbsent(r.idNumber(), k -> new ArrayList<>()).add(hh);
			}
		}
		for (HouseholdLine hl : lines) {
			for (RosterRow r : hl.household().covered()) {
				linesByMember.computeIfAbsent(r.idNumber(), k -> new ArrayList<>()).add(hl);
			}
		}
	}

	/** The DIBAO household lines of M (PAY or HELD, regular or gradual exit) that cover the person. */
	List<HouseholdLine> linesCovering(String idNumber) {
		return linesByMember.getOrDefault(idNumber, List.of());
	}

	/** The person's active DIBAO_* program (a covered member in M, with or without a line); URBAN first. */
	Optional<Program> activeProgram(String idNumber) {
		List<Household> hhs = householdsByMember.getOrDefault(idNumber, List.of());
		if (hhs.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(hhs.stream().anyMatch(h -> h.program() == Program.DIBAO_URBAN) ? Program.DIBAO_URBAN
				: Program.DIBAO_RURAL);
	}
}
