package cn.doudi.matching.checks;

import static cn.doudi.kernel.Program.DE_FACTO_CHILD;
import static cn.doudi.kernel.Program.DIBAO_RURAL;
import static cn.doudi.kernel.Program.DIBAO_URBAN;
import static cn.doudi.kernel.Program.DISABILITY_CARE;
import static cn.doudi.kernel.Program.DISABILITY_LIVING;
import static cn.doudi.kernel.Program.ORPHAN;
import static cn.doudi.kernel.Program.TEKUN;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.doudi.allowance.ActiveRoster.Enrollment;
import cn.doudi.kernel.Program;

/**
 * The pairs of programs that exclude each other (CHECKS.md EXCLUSIVE_PROGRAMS), and which of a person's
 * active enrollments are held: of each conflicting pair the one with the later start month, both when
 * equal. The same program in two households or counties conflicts too; DE_FACTO_CHILD with DIBAO_* does
 * not (it is topped up).
 */
final class ExclusivePrograms {

	private static final Map<Program, Set<Program>> EXCLUDES = Map.of(
			DIBAO_URBAN, EnumSet.of(TEKUN, ORPHAN, DIBAO_RURAL),
			DIBAO_RURAL, EnumSet.of(TEKUN, ORPHAN, DIBAO_URBAN),
			TEKUN, EnumSet.of(DIBAO_URBAN, DIBAO_RURAL, DISABILITY_LIVING, DISABILITY_CARE, DE_FACTO_CHILD),
			ORPHAN, EnumSet.of(DIBAO_URBAN, DIBAO_RURAL, DE_FACTO_CHILD, DISABILITY_LIVING),
			DE_FACTO_CHILD, EnumSet.of(TEKUN, ORPHAN, DISABILITY_LIVING),
			DISABILITY_LIVING, EnumSet.of(TEKUN, ORPHAN, DE_FACTO_CHILD),
			DISABILITY_CARE, EnumSet.of(TEKUN));

	private ExclusivePrograms() {
	}

	static boolean conflict(Enrollment a, Enrollment b) {
		if (a.program() == b.program()) {
			return !a.key().equals(b.key());
		}
		return EXCLUDES.getOrDefault(a.program(), Set.of()).contains(b.program());
	}

	/** A held enrollment and the enrollments it conflicts with. */
	record Held(Enrollment enrollment, List<Enrollment> against) {
	}

	/** The person's held enrollments (one per enrollment key), in the order given. */
	static List<Held> held(List<Enrollment> enrollments) {
		List<Enrollment> distinct = new ArrayList<>();
		Set<String> keys = new LinkedHashSet<>();
		for (Enrollment e : enrollments) {
			if (keys.add(e.key())) {
				distinct.add(e);
			}
		}
		List<Held> out = new ArrayList<>();
		for (Enrollment e : distinct) {
			List<Enrollment> against = distinct.stream()
				.filter(o -> o != e && conflict(e, o) && !e.start().isBefore(o.start()))
				.toList();
			if (!against.isEmpty()) {
				out.add(new Held(e, against));
			}
		}
		return out;
	}
}
