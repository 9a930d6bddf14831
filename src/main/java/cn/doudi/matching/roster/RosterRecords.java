package cn.doudi.matching.roster;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

import cn.doudi.allowance.ActiveRoster;
import cn.doudi.allowance.RosterRow;
import cn.doudi.kernel.PaymentKey;
import cn.doudi.matching.MatchedRecords;
import cn.doudi.matching.MatchedRecords.DeathRecord;
import cn.doudi.matching.MatchedRecords.PersonRef;

/**
 * Whole households of today's roster (in any county), with the death months of their people (matched by
 * ID and roster name) and their enrollments' rule ends: the records the checks read once, whatever the
 * month they decide for. {@link #in} gives who is active in a month, as the rules see it. Loaded by
 * {@link RosterLoader}, they also know their households and their people's death records, so that
 * {@link #of} gives some of the households without reading them again.
 */
public final class RosterRecords {

	private final List<RosterRow> rows;
	private final Map<String, YearMonth> deathMonths;
	private final Map<String, Map<PaymentKey, SortedSet<YearMonth>>> endsByCounty;
	private final ActiveRoster.RuleEnds ends;
	private final Set<String> households;
	private final List<DeathRecord> deaths;
	private final Map<YearMonth, ActiveRoster> byMonth = new HashMap<>();
	private final Map<YearMonth, Active> activeByMonth = new HashMap<>();
	private RosterRecords whole;
	private Boolean deathsAsInWhole;

	public RosterRecords(List<RosterRow> rows, Map<String, YearMonth> deathMonths,
			Map<String, Map<PaymentKey, SortedSet<YearMonth>>> ends) {
		this(rows, deathMonths, ends, null, null);
	}

	/** As loaded: the households asked for and the death records of every ID on their rows. */
	RosterRecords(List<RosterRow> rows, Map<String, Map<PaymentKey, SortedSet<YearMonth>>> ends,
			Set<String> households, List<DeathRecord> deaths) {
		this(rows, MatchedRecords.earliestMatching(people(rows), deaths), ends, households, deaths);
	}

	private RosterRecords(List<RosterRow> rows, Map<String, YearMonth> deathMonths,
			Map<String, Map<PaymentKey, SortedSet<YearMonth>>> ends, Set<String> households,
			List<DeathRecord> deaths) {
		this.rows = List.copyOf(rows);
		this.deathMonths = Map.copyOf(deathMonths);
		this.endsByCounty = ends;
		this.ends = ActiveRoster.RuleEnds.of(ends);
		this.households = households;
		this.deaths = deaths;
	}

	public List<RosterRow> rows() {
		return rows;
	}

	/**
	 * As loaded ({@link RosterLoader}): the death records (valid IDs, any name) of every ID on the rows, so that
	 * a caller looking up deaths of people on them need not read them again; null for records built otherwise.
	 */
	public List<DeathRecord> deathRecords() {
		return deaths;
	}

	/** The roster as it is active in {@code month} (RULES.md "Enrollment"). */
	public ActiveRoster in(YearMonth month) {
		return byMonth.computeIfAbsent(month, m -> new ActiveRoster(m, rows, deathMonths, ends));
	}

	/** The DIBAO households and the enrollments active in a month: {@link ActiveRoster#households()}, {@link ActiveRoster#enrollments()}. */
	public record Active(List<ActiveRoster.Household> households, List<ActiveRoster.Enrollment> enrollments) {
	}

	/**
	 * {@link #in}'s households and enrollments. For records taken by {@link #of} from records that have
	 * already worked the month out, and whose people have the same death months here as there, the larger
	 * records' lists restricted to these households: whether a household or an enrollment is active depends
	 * only on its own household's rows (all of which both hold), its people's death months and the rule ends
	 * (the same), and both lists keep their order when restricted — so the same lists, without working the
	 * month out again (SHARED_ACCOUNT's households are nearly all of the county's roster).
	 */
	public Active active(YearMonth month) {
		return activeByMonth.computeIfAbsent(month, m -> {
			if (whole != null && whole.byMonth.containsKey(m) && deathsAsInWhole()) {
				Active all = whole.active(m);
				return new Active(all.households().stream().filter(h -> households.contains(h.householdId())).toList(),
						all.enrollments().stream().filter(e -> households.contains(e.householdId())).toList());
			}
			ActiveRoster roster = in(m);
			return new Active(roster.households(), roster.enrollments());
		});
	}

	private boolean deathsAsInWhole() {
		if (deathsAsInWhole == null) {
			deathsAsInWhole = rows.stream().map(RosterRow::idNumber).distinct()
				.allMatch(id -> java.util.Objects.equals(deathMonths.get(id), whole.deathMonths.get(id)));
		}
		return deathsAsInWhole;
	}

	/** Whether these were loaded for (at least) all of {@code householdIds}. */
	public boolean holds(Collection<String> householdIds) {
		return households != null && households.containsAll(householdIds);
	}

	/**
	 * The records {@link RosterLoader} would load for some of these households: their rows in the same
	 * order, their people's death months matched by the names of those rows only, the same rule ends
	 * (these very records when they are all of them, with the active rosters already worked out).
	 */
	public RosterRecords of(Collection<String> householdIds) {
		Set<String> wanted = Set.copyOf(householdIds);
		if (wanted.equals(households)) {
			return this;
		}
		List<RosterRow> some = rows.stream().filter(r -> wanted.contains(r.householdId())).toList();
		RosterRecords part = new RosterRecords(some, endsByCounty, wanted, deaths);
		part.whole = this;
		return part;
	}

	/** The distinct (ID, name) pairs of the rows, in row order. */
	static List<PersonRef> people(List<RosterRow> rows) {
		Map<String, PersonRef> people = new LinkedHashMap<>();
		rows.forEach(r -> people.putIfAbsent(r.idNumber() + '|' + r.name(), new PersonRef(r.idNumber(), r.name())));
		return new ArrayList<>(people.values());
	}
}
