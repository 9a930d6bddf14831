package cn.doudi.matching.checks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import cn.doudi.allowance.ActiveRoster.Enrollment;
import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Program;
import cn.doudi.matching.RaisedFinding;
import cn.doudi.matching.roster.RosterRecords;

/**
 * EXCLUSIVE_PROGRAMS (HOLD): a person of the county's roster active in M in two programs that exclude
 * each other, in any county ({@link ExclusivePrograms}). One finding per held enrollment's person and
 * county — here the county checked — naming the held programs; {@code household_id} is the held
 * enrollments' household when they share one (the hold is narrowed to it), else empty (every
 * household of the named programs is held). A DIBAO enrollment's start is the member's own row's start.
 */
@Component
class ExclusiveProgramsCheck implements Check<RosterRecords> {

	@Override
	public FindingCode code() {
		return FindingCode.EXCLUSIVE_PROGRAMS;
	}

	@Override
	public RosterRecords read(CheckReader reader) {
		return reader.roster();
	}

	@Override
	public List<RaisedFinding> decide(RosterRecords roster, CheckMonth month) {
		// each person's first enrollment by ID (a hash map); the few with two or more, all of theirs in roster
		// order, in ID order
		Map<String, Enrollment> first = new HashMap<>();
		Map<String, List<Enrollment>> several = new TreeMap<>();
		for (Enrollment e : roster.in(month.month()).enrollments()) {
			Enrollment earlier = first.putIfAbsent(e.idNumber(), e);
			if (earlier != null) {
				several.computeIfAbsent(e.idNumber(), k -> new ArrayList<>(List.of(earlier))).add(e);
			}
		}
		List<RaisedFinding> out = new ArrayList<>();
		several.forEach((id, enrollments) -> {
			List<ExclusivePrograms.Held> held = ExclusivePrograms.held(enrollments).stream()
				.filter(h -> h.enrollment().county().equals(month.county()))
				.toList();
			if (!held.isEmpty()) {
				out.add(finding(month.county(), held));
			}
		});
		return out;
	}

	private RaisedFinding finding(String county, List<ExclusivePrograms.Held> held) {
		Set<Program> programs = EnumSet.noneOf(Program.class);
		Set<String> households = new TreeSet<>();
		TreeSet<String> evidence = new TreeSet<>();
		List<String> parts = new ArrayList<>();
		Set<Set<String>> described = new java.util.HashSet<>(); // both held (same start): one pair, said once
		for (ExclusivePrograms.Held h : held) {
			Enrollment e = h.enrollment();
			programs.add(e.program());
			households.add(e.householdId());
			evidence.add("held:" + e.key() + '|' + e.start());
			List<String> others = new ArrayList<>();
			for (Enrollment o : h.against()) {
				evidence.add("other:" + o.key() + '|' + o.start());
				others.add(describe(o));
			}
			Set<String> pair = new TreeSet<>(others);
			pair.add(describe(e));
			if (described.add(pair)) {
				parts.add(describe(e) + "与" + String.join("、", others) + "不能同时享受");
			}
		}
		Enrollment first = held.get(0).enrollment();
		String detail = String.join("；", parts) + "：开始较晚的" + PersonRows.programNames(programs) + "暂停发放待核实";
		return new RaisedFinding(FindingCode.EXCLUSIVE_PROGRAMS, county, first.idNumber(), first.name(),
				households.size() == 1 ? households.iterator().next() : "", programs, null, detail,
				RaisedFinding.evidence(evidence));
	}

	private static String describe(Enrollment e) {
		return e.program().chineseName() + "（" + e.county() + "，户" + e.householdId() + "，" + e.start() + "起）";
	}
}
