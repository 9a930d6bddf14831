package cn.doudi.matching.roster;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.doudi.identity.IdNumber;
import cn.doudi.kernel.Program;

/**
 * Roster rows of some households (whole households, so that each DIBAO household has its 户主 row) with
 * who is active in M, the way the rules decide it (RULES.md "Enrollment", "Who is alive"): a person
 * program's row is active when start ≤ M ≤ end, the person is alive for M and the enrollment has not
 * ended by rule (ORPHAN / DE_FACTO_CHILD also end at age 18); a DIBAO household is active when its 户主
 * row is (unless a 户主 row starting after a rule end reopens it), its covered members being its living
 * rows with start ≤ M ≤ end.
 */
public final class ActiveRoster {

	private static final Set<Program> CHILD = Set.of(Program.ORPHAN, Program.DE_FACTO_CHILD);

	private final YearMonth month;
	private final List<Row> rows;
	private final Map<String, YearMonth> deathMonths;
	private List<Household> households;
	private List<Enrollment> enrollments;

	public ActiveRoster(YearMonth month, List<Row> rows, Map<String, YearMonth> deathMonths) {
		this.month = month;
		this.rows = List.copyOf(rows);
		this.deathMonths = Map.copyOf(deathMonths);
	}

	public YearMonth month() {
		return month;
	}

	public List<Row> rows() {
		return rows;
	}

	/** The earliest matching death month (ID and roster name), if any. */
	public YearMonth deathMonth(String idNumber) {
		return deathMonths.get(idNumber);
	}

	/** Dead for M: a matching death month before M (the month of death is paid in full). */
	public boolean dead(String idNumber) {
		YearMonth d = deathMonths.get(idNumber);
		return d != null && d.isBefore(month);
	}

	/** The DIBAO households whose enrollment is active in M and that have covered members. */
	public List<Household> households() {
		if (households == null) {
			Map<String, List<Row>> groups = new TreeMap<>();
			rows.stream().filter(r -> r.program().isDibao())
				.forEach(r -> groups.computeIfAbsent(r.county() + '|' + r.program() + '|' + r.householdId(),
						k -> new ArrayList<>()).add(r));
			List<Household> out = new ArrayList<>();
			for (List<Row> group : groups.values()) {
				group.stream().filter(Row::isHead).max(Comparator.comparing((Row r) -> r.enrolledIn(month))
					.thenComparing(Row::start)
					.thenComparing(Row::idNumber, Comparator.reverseOrder()))
					.filter(this::householdActive)
					.ifPresent(head -> {
						Map<String, Row> covered = new TreeMap<>();
						group.stream().filter(r -> r.enrolledIn(month) && !dead(r.idNumber()))
							.forEach(r -> covered.putIfAbsent(r.idNumber(), r));
						if (!covered.isEmpty()) {
							out.add(new Household(head, List.copyOf(covered.values())));
						}
					});
			}
			households = List.copyOf(out);
		}
		return households;
	}

	/** Every active enrollment in M: DIBAO covered members and active rows of the person programs. */
	public List<Enrollment> enrollments() {
		if (enrollments == null) {
			List<Enrollment> out = new ArrayList<>();
			for (Household hh : households()) {
				hh.covered().forEach(r -> out.add(new Enrollment(r, hh.head())));
			}
			Map<String, Row> byKey = new LinkedHashMap<>();
			for (Row r : rows) {
				if (!r.program().isDibao() && personRowActive(r)) {
					byKey.merge(r.county() + '|' + r.program() + '|' + r.householdId() + '|' + r.idNumber(), r,
							(a, b) -> a.start().compareTo(b.start()) >= 0 ? a : b);
				}
			}
			byKey.values().forEach(r -> out.add(new Enrollment(r, r)));
			enrollments = List.copyOf(out);
		}
		return enrollments;
	}

	private boolean householdActive(Row head) {
		return head.enrolledIn(month) && (head.endedByRule() == null || head.start().isAfter(head.endedByRule()));
	}

	private boolean personRowActive(Row r) {
		if (!r.enrolledIn(month) || dead(r.idNumber()) || r.endedByRule() != null) {
			return false;
		}
		return !CHILD.contains(r.program()) || IdNumber.of(r.idNumber()).ageIn(month) < 18;
	}
}
