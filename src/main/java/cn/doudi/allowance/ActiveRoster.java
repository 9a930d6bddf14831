package cn.doudi.allowance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import cn.doudi.allowance.rules.Order;
import cn.doudi.identity.IdNumber;
import cn.doudi.kernel.PaymentKey;
import cn.doudi.kernel.Program;

/**
 * Who is active in month M (RULES.md "Enrollment", "Who is alive") — the one answer the rules and the
 * cross-agency checks both use, so that "covered" means the same everywhere. A roster row is active in M
 * when start ≤ M ≤ end, the person is alive for M and its enrollment has not ended by rule
 * (GRADUAL_EXIT_END, AGED_OUT) before M: an enrollment ended by rule covers nobody. A DIBAO household's
 * enrollment follows its 户主 row (a 户主 row starting after the rule end is a new application and reopens
 * it); its covered members are its living rows with start ≤ M ≤ end. ORPHAN and DE_FACTO_CHILD end at
 * age 18 ({@link #agedOut}): from that month the enrollment covers nobody.
 * <p>
 * The rows may span counties (the checks load whole households wherever a person of the county has a row);
 * an enrollment is (county, payment key).
 */
public final class ActiveRoster {

	/** The month an enrollment ended by rule before M, if it did ({@link RunHistory#ruleEnds}). */
	@FunctionalInterface
	public interface RuleEnds {

		RuleEnds NONE = (row, month) -> null;

		@Nullable YearMonth endedBefore(RosterRow row, YearMonth month);

		/** The latest end before the month, from every end of each county's enrollments. */
		static RuleEnds of(Map<String, Map<PaymentKey, java.util.SortedSet<YearMonth>>> byCounty) {
			return (row, month) -> {
				Map<PaymentKey, java.util.SortedSet<YearMonth>> county = byCounty.get(row.county());
				java.util.SortedSet<YearMonth> ends = county == null ? null : county.get(row.enrollment());
				if (ends == null) {
					return null;
				}
				java.util.SortedSet<YearMonth> before = ends.headSet(month);
				return before.isEmpty() ? null : before.last();
			};
		}
	}

	/** A DIBAO household whose enrollment is active in M: its 户主 row (dead or alive) and its covered members. */
	public record Household(RosterRow head, List<RosterRow> covered) {

		public Household {
			covered = List.copyOf(covered);
		}

		public String county() {
			return head.county();
		}

		public Program program() {
			return head.program();
		}

		public String householdId() {
			return head.householdId();
		}

		/** n: the covered members. */
		public int n() {
			return covered.size();
		}

		/** The covered members' ID numbers, sorted. */
		public List<String> memberIds() {
			return covered.stream().map(RosterRow::idNumber).toList();
		}

		public boolean covers(String idNumber) {
			return covered.stream().anyMatch(r -> r.idNumber().equals(idNumber));
		}

		/** The people a hold may touch the household line through: covered members and the 户主. */
		public List<String> persons() {
			List<String> p = new ArrayList<>(memberIds());
			if (!p.contains(head.idNumber())) {
				p.add(head.idNumber());
			}
			return p;
		}

		public PaymentKey key() {
			return head.enrollment();
		}
	}

	/**
	 * A person's active enrollment in M: the person's own row and the payee row whose account the line goes
	 * to (the 户主 row for DIBAO_*, the row itself otherwise). Its start is the person's own row's start.
	 */
	public record Enrollment(RosterRow row, RosterRow payee) {

		public String county() {
			return row.county();
		}

		public Program program() {
			return row.program();
		}

		public String householdId() {
			return row.householdId();
		}

		public String idNumber() {
			return row.idNumber();
		}

		public String name() {
			return row.name();
		}

		public YearMonth start() {
			return row.startMonth();
		}

		/** The enrollment's identity: county, program and household. */
		public String key() {
			return row.county() + '|' + row.program().name() + '|' + row.householdId();
		}
	}

	private static final Set<Program> CHILD = Set.of(Program.ORPHAN, Program.DE_FACTO_CHILD);

	private final YearMonth month;
	private final List<RosterRow> rows;
	private final Map<String, YearMonth> deathMonths;
	private final RuleEnds ends;
	private @Nullable List<Household> households;
	private @Nullable List<Enrollment> enrollments;

	/**
	 * @param deathMonths the earliest matching death month per ID (matched by ID and name)
	 * @param ends the enrollments' rule ends
	 */
	public ActiveRoster(YearMonth month, List<RosterRow> rows, Map<String, YearMonth> deathMonths, RuleEnds ends) {
		this.month = month;
		this.rows = List.copyOf(rows);
		this.deathMonths = deathMonths;
		this.ends = ends;
	}

	public YearMonth month() {
		return month;
	}

	public List<RosterRow> rows() {
		return rows;
	}

	public @Nullable YearMonth deathMonth(String idNumber) {
		return deathMonths.get(idNumber);
	}

	/** Dead for M: a matching death month before M (the month of death is paid in full). */
	public boolean dead(String idNumber) {
		YearMonth d = deathMonths.get(idNumber);
		return d != null && d.isBefore(month);
	}

	/** The month the row's enrollment ended by rule, when that was before M. */
	public @Nullable YearMonth endedBefore(RosterRow row) {
		return ends.endedBefore(row, month);
	}

	/** ORPHAN / DE_FACTO_CHILD from the month with age(M) = 18: nothing is paid, the enrollment ends. */
	public static boolean agedOut(RosterRow row, YearMonth month) {
		return CHILD.contains(row.program()) && IdNumber.of(row.idNumber()).ageIn(month) >= 18;
	}

	/** The first month with age(m) ≥ {@code years}: the birthday's month when born on the 1st, else the next. */
	public static YearMonth firstMonthAged(String idNumber, int years) {
		LocalDate birthday = IdNumber.of(idNumber).birthDate().plusYears(years);
		YearMonth m = YearMonth.from(birthday);
		return birthday.getDayOfMonth() == 1 ? m : m.plusMonths(1);
	}

	/** A person program's row is active (before the age rule): start ≤ M ≤ end, alive, not ended by rule. */
	public boolean active(RosterRow row) {
		return row.enrolledIn(month) && !dead(row.idNumber()) && endedBefore(row) == null;
	}

	/**
	 * The DIBAO households whose enrollment is active in M and that have covered members, in (county,
	 * program code, household) order.
	 */
	public List<Household> households() {
		if (households == null) {
			Map<String, List<RosterRow>> groups = new TreeMap<>(Order.CODE_POINT);
			for (RosterRow r : rows) {
				if (r.program().isDibao()) {
					groups.computeIfAbsent(r.county() + '|' + r.program().name() + '|' + r.householdId(),
							k -> new ArrayList<>()).add(r);
				}
			}
			List<Household> out = new ArrayList<>();
			for (List<RosterRow> group : groups.values()) {
				RosterRow head = head(group);
				if (head != null && householdActive(head)) {
					Map<String, RosterRow> covered = new TreeMap<>(Order.CODE_POINT);
					for (RosterRow r : group) {
						if (r.enrolledIn(month) && !dead(r.idNumber())) {
							covered.putIfAbsent(r.idNumber(), r);
						}
					}
					if (!covered.isEmpty()) {
						out.add(new Household(head, List.copyOf(covered.values())));
					}
				}
			}
			households = List.copyOf(out);
		}
		return households;
	}

	/**
	 * The active rows of a person program, one per enrollment (county, household, person: with two rows,
	 * the one with the later start month counts), in that key's order — before the age rule, which the
	 * child programs' rule applies itself.
	 */
	public List<RosterRow> activeRows(Program program) {
		Map<String, RosterRow> byKey = new TreeMap<>(Order.CODE_POINT);
		for (RosterRow r : rows) {
			if (r.program() == program && active(r)) {
				byKey.merge(r.county() + '|' + r.householdId() + '|' + r.idNumber(), r,
						(a, b) -> a.startMonth().compareTo(b.startMonth()) >= 0 ? a : b);
			}
		}
		return List.copyOf(byKey.values());
	}

	/**
	 * Every enrollment active in M: the DIBAO households' covered members (in household order), then the
	 * person programs' active rows in roster order (children under 18 only).
	 */
	public List<Enrollment> enrollments() {
		if (enrollments == null) {
			List<Enrollment> out = new ArrayList<>();
			for (Household hh : households()) {
				hh.covered().forEach(r -> out.add(new Enrollment(r, hh.head())));
			}
			Map<String, RosterRow> byKey = new LinkedHashMap<>();
			for (RosterRow r : rows) {
				if (!r.program().isDibao() && active(r) && !agedOut(r, month)) {
					byKey.merge(r.county() + '|' + r.program().name() + '|' + r.householdId() + '|' + r.idNumber(), r,
							(a, b) -> a.startMonth().compareTo(b.startMonth()) >= 0 ? a : b);
				}
			}
			byKey.values().forEach(r -> out.add(new Enrollment(r, r)));
			enrollments = List.copyOf(out);
		}
		return enrollments;
	}

	/** The household's enrollment: its 户主 row is enrolled in M and not ended by rule, unless reopened after. */
	private boolean householdActive(RosterRow head) {
		if (!head.enrolledIn(month)) {
			return false;
		}
		YearMonth ended = endedBefore(head);
		return ended == null || head.startMonth().isAfter(ended);
	}

	/** The 户主 row; with several (ingest rejects that), one enrolled in M with the latest start. */
	private @Nullable RosterRow head(List<RosterRow> group) {
		return group.stream()
			.filter(RosterRow::isHead)
			.max(Comparator.comparing((RosterRow r) -> r.enrolledIn(month))
				.thenComparing(RosterRow::startMonth)
				.thenComparing(RosterRow::idNumber, Order.CODE_POINT.reversed()))
			.orElse(null);
	}
}
