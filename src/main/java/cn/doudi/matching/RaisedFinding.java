package cn.doudi.matching;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Program;

/**
 * A finding as a check (or a rule) raises it in a run: one per (code, person, county). {@code evidence}
 * names the records that raised it, normalised and sorted, so that a dismissal holds for the same
 * evidence (CHECKS.md). {@code accountNumber} only for SHARED_ACCOUNT. {@code detail} is Chinese and
 * never holds another person's full ID or account number.
 */
public record RaisedFinding(FindingCode code, String county, String idNumber, String name, String householdId,
		Set<Program> programs, String accountNumber, String detail, String evidence) {

	public RaisedFinding {
		householdId = householdId == null ? "" : householdId;
		programs = programs == null || programs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(programs));
		detail = detail == null ? "" : detail;
		evidence = evidence == null ? "" : evidence;
	}

	/** The finding's identity while it is open: code, person, county. */
	public String key() {
		return code.name() + '|' + idNumber + '|' + county;
	}

	/** {@code programs} sorted by code and joined by {@code ;}, as findings.csv writes them. */
	public String programsText() {
		return String.join(";", new TreeSet<>(programs.stream().map(Program::name).toList()));
	}

	/** Evidence items normalised: sorted, de-duplicated, joined by {@code ;}. */
	public static String evidence(Collection<String> items) {
		return String.join(";", new TreeSet<>(items));
	}

	/** Two raisings of the same key merged: programs united, evidence united, details joined. */
	RaisedFinding merge(RaisedFinding other) {
		Set<Program> all = EnumSet.noneOf(Program.class);
		all.addAll(programs);
		all.addAll(other.programs);
		String details = detail.equals(other.detail) ? detail : detail + "；" + other.detail;
		Set<String> ev = new TreeSet<>(List.of(evidence.split(";")));
		ev.addAll(List.of(other.evidence.split(";")));
		ev.remove("");
		return new RaisedFinding(code, county, idNumber, name, householdId, all,
				accountNumber != null ? accountNumber : other.accountNumber, details, String.join(";", ev));
	}
}
