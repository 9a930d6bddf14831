package cn.doudi.matching.checks;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.doudi.allowance.ActiveRoster.Enrollment;
import cn.doudi.allowance.RosterRow;
import cn.doudi.kernel.Program;


/**
 * A person's rows (or enrollments) in one county, as a person finding names them: the programs, and the
 * household and name of the first row in program-code order (then household), like the rules' findings.
 */
record PersonRows(String idNumber, String name, String householdId, Set<Program> programs) {

	static final Comparator<RosterRow> ORDER = Comparator.comparing((RosterRow r) -> r.program().name())
		.thenComparing(RosterRow::householdId);

	static PersonRows of(List<RosterRow> rows) {
		List<RosterRow> sorted = rows.stream().sorted(ORDER).toList();
		Set<Program> programs = EnumSet.noneOf(Program.class);
		sorted.forEach(r -> programs.add(r.program()));
		RosterRow first = sorted.get(0);
		return new PersonRows(first.idNumber(), first.name(), first.householdId(), programs);
	}

	static PersonRows ofEnrollments(List<Enrollment> enrollments) {
		return of(enrollments.stream().map(Enrollment::row).toList());
	}

	static String programNames(Set<Program> programs) {
		return String.join("、", programs.stream().sorted(Comparator.comparing(Program::name))
			.map(Program::chineseName).toList());
	}
}
