package cn.doudi.allowance.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import cn.doudi.allowance.RuleFinding;
import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Program;

/**
 * Collects the findings the rules raise and merges them as CHECKS.md counts them: one finding per
 * (code, person, county), {@code programs} the union sorted by code name; the household is the one of
 * the first program in that order, and the details of the programs are joined with "；".
 */
final class Findings {

	static final Comparator<Program> BY_CODE = Comparator.comparing(Program::name);

	private record Raised(FindingCode code, String county, String idNumber, String name, String householdId,
			Program program, String detail) {
	}

	private final List<Raised> raised = new ArrayList<>();

	void raise(FindingCode code, String county, String idNumber, String name, String householdId, Program program,
			String detail) {
		raised.add(new Raised(code, county, idNumber, name, householdId, program, detail));
	}

	List<RuleFinding> merged() {
		Map<String, List<Raised>> byKey = new TreeMap<>(Order.CODE_POINT);
		for (Raised r : raised) {
			byKey.computeIfAbsent(r.code().name() + '|' + r.county() + '|' + r.idNumber(), k -> new ArrayList<>()).add(r);
		}
		List<RuleFinding> out = new ArrayList<>();
		for (List<Raised> group : byKey.values()) {
			group.sort(Comparator.comparing(Raised::program, BY_CODE)
				.thenComparing(Raised::householdId, Order.CODE_POINT));
			Raised first = group.get(0);
			SortedSet<Program> programs = new TreeSet<>(BY_CODE);
			List<String> details = new ArrayList<>();
			for (Raised r : group) {
				programs.add(r.program());
				if (!details.contains(r.detail())) {
					details.add(r.detail());
				}
			}
			out.add(new RuleFinding(first.code(), first.county(), first.idNumber(), first.name(),
					first.householdId(), programs, String.join("；", details)));
		}
		out.sort(Order.FINDINGS);
		return out;
	}
}
