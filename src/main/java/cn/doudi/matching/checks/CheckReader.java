package cn.doudi.matching.checks;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.allowance.RosterRow;
import cn.doudi.matching.CountyRoster;
import cn.doudi.matching.MatchedRecords;
import cn.doudi.matching.MatchedRecords.CertificateRecord;
import cn.doudi.matching.MatchedRecords.DeathRecord;
import cn.doudi.matching.MatchedRecords.PersonRef;
import cn.doudi.matching.roster.CurrentRoster;
import cn.doudi.matching.roster.RosterLoader;
import cn.doudi.matching.roster.RosterRecords;

/**
 * The database side of the checks for one county: today's snapshots, read once for the months the checks
 * will decide ({@link #months}). {@link #roster()} holds every household in which a person of the county's
 * roster has a row, in any county (so conditions spanning counties are evaluated from today's roster, never
 * from whether another county's run exists).
 *
 * <h2>How the checks query the bulk views</h2>
 * {@code current_beneficiary}, {@code current_poverty} and {@code current_disability} join {@code snapshot}
 * to a fenced {@code LATERAL (… offset 0)} subquery (ingest README, "Schema of the snapshot sources"), so
 * their rows can only be produced by re-reading a whole snapshot through the BRIN index; nothing narrower
 * (an ID, a household) is ever pushed into them. Any plan that puts one of these views on the inner side
 * of a nested loop re-reads the snapshots once per outer row. Hence, for a set of keys of another query:
 * <ul>
 * <li>join a {@code (select distinct key from …)} subquery: {@code from current_beneficiary o join (select
 * distinct c.id_number from current_beneficiary c where c.county = ?) c on c.id_number = o.id_number}.
 * Never {@code o.key in (select …)} or {@code exists (…)} with a bulk view as {@code o}: the planner turns
 * the semi-join into "unique keys × snapshot rows, then the view's subquery per pair" on an estimate of a
 * handful of rows. {@link #roster()} written that way took 43–85 s on the demo database (3,052 keys × 2
 * snapshots = 6,104 re-reads of ~270 blocks each), and timed out (&gt;120 s) with ten 100k-row counties; as a join
 * it is a hash join over one read of each snapshot: 45 ms on the demo, 2.7 s with 1M current rows.</li>
 * <li>no {@code not in (select … from current_beneficiary)}, no {@code exists} under {@code or}/{@code not
 * (… and …)}: they stay per-row sub-plans (hashed only while the key set fits {@code hash_mem}, re-read per
 * row beyond). Write a top-level {@code not exists}, which becomes a hash anti join
 * ({@code DeathProbableCheck}: &gt;120 s → 1.5 s with 1M current rows), or a {@code union} of joins
 * ({@code MarriageChangeCheck}, {@code SevereDisabilityNotCoveredCheck}).</li>
 * <li>a key set fetched first and passed from Java is joined as {@code join unnest(?::text[]) k(key) on …},
 * not filtered with {@code = any(?)}: once the driver prepares the statement and the server caches a
 * generic plan, {@code = any($n)} is searched linearly per row (only a constant array is hashed); see
 * {@link RosterLoader}.</li>
 * <li>the rows of <em>every</em> county's roster with one of this county's keys (an ID, a household, an
 * account) are looked up by key, {@link CurrentRoster#rowsOf}, never joined to {@code current_beneficiary}:
 * that join reads every county's snapshot, once per county checked, O(counties²) over a month-end (3.7 s
 * per read with 150 counties, about ten reads per county; README, "Province speed"). "On no roster" is
 * {@link CurrentRoster#anyRow}'s {@code hit is null}, the same index probe per outer row (a {@code not
 * exists} against the roster was a hash anti join over every county's rows).</li>
 * </ul>
 * Each rewritten query returns exactly the rows of the form it replaced (the checks' integration tests).
 */
public final class CheckReader {

	private final String county;
	private final SortedSet<YearMonth> months;
	private final JdbcTemplate jdbc;
	private final RosterLoader loader;
	private final MatchedRecords matched;
	private RosterRecords roster;
	private String rosterVersion;
	private Set<String> systemCounties;
	private String[] countyIds;
	private Map<String, List<DeathRecord>> deathRecords;
	private ByCountyIds byCountyIds;

	public CheckReader(String county, SortedSet<YearMonth> months, JdbcTemplate jdbc, RosterLoader loader,
			MatchedRecords matched) {
		this.county = county;
		this.months = new TreeSet<>(months);
		this.jdbc = jdbc;
		this.loader = loader;
		this.matched = matched;
	}

	public String county() {
		return county;
	}

	/** The months the records will be decided for (some reads are bounded by them). */
	public SortedSet<YearMonth> months() {
		return months;
	}

	/** The months as {@code YYYY-MM} texts, for {@code = any(?)} on a small array. */
	String[] monthTexts() {
		return months.stream().map(YearMonth::toString).toArray(String[]::new);
	}

	public JdbcTemplate jdbc() {
		return jdbc;
	}

	/**
	 * Every household in which a person of the county's roster has a row, in any county
	 * ({@link RosterLoader#loadPeopleOf}: the county's own rows from its snapshot, the copy probed for the keys other
	 * counties share).
	 */
	public RosterRecords roster() {
		if (roster == null) {
			rosterVersion = matched.version(county);
			roster = loader.loadPeopleOf(county);
		}
		return roster;
	}

	/**
	 * The county's own rows of {@link #roster()} (which holds every one of them, in the order of program,
	 * household, ID and row in the file within the county), with the certificates and death months matching its
	 * people ({@link MatchedRecords#certificates}, {@link MatchedRecords#deathMonths}: the same maps, from the
	 * records the checks read) and the version all of them were read at ({@link MatchedRecords#version}): for the
	 * load of the same run ({@link CountyRoster}). Empty when the roster or the certificates were not read, or when
	 * what they are read from changed since the roster was read (one small query).
	 */
	public Optional<CountyRoster> countyRoster() {
		if (roster == null || byCountyIds == null || !matched.version(county).equals(rosterVersion)) {
			return Optional.empty();
		}
		List<RosterRow> own = roster.rows().stream().filter(r -> r.county().equals(county)).toList();
		Map<String, PersonRef> people = new LinkedHashMap<>();
		own.forEach(r -> people.putIfAbsent(r.idNumber() + '|' + r.name(), new PersonRef(r.idNumber(), r.name())));
		List<PersonRef> named = List.copyOf(people.values());
		return Optional.of(new CountyRoster(county, rosterVersion, own,
				MatchedRecords.certificatesMatching(named, byCountyIds.certificates()),
				MatchedRecords.earliestMatching(named, deathRecordsOf(List.of(countyIds())))));
	}

	/**
	 * The distinct ID numbers of the county's current roster rows (code-point order), taken from
	 * {@link #roster()}, which holds every one of them: the keys the checks look other records up by,
	 * passed as an array ({@link #IDS}) instead of reading the county's snapshot again per query.
	 */
	public String[] countyIds() {
		if (countyIds == null) {
			countyIds = roster().rows().stream().filter(r -> r.county().equals(county)).map(RosterRow::idNumber)
				.distinct().sorted().toArray(String[]::new);
		}
		return countyIds;
	}

	/**
	 * A {@code WITH} item {@code ids(id_number)}: the distinct IDs of an array parameter (such as
	 * {@link #countyIds()}), typed as {@code beneficiary.id_number} so that a keyed lookup by them uses the
	 * B-trees ({@link CurrentRoster}); materialised, so that a query using it several times takes the array once.
	 */
	public static final String IDS = "ids as materialized (select distinct unnest(?::char(18)[]) as id_number)";

	/**
	 * Whole households chosen by a query yielding household IDs: taken from {@link #roster()} when it holds
	 * them all (the usual case: the county's own households), so today's roster is read once per county;
	 * read on their own otherwise. Either way the same records.
	 */
	public RosterRecords rosterOf(String householdsQuery, Object... args) {
		return rosterOfHouseholds(loader.households(householdsQuery, args));
	}

	/**
	 * Whole households in which one of these people (IDs) has a row, in any county: those of the county's own
	 * people from {@link #roster()}, which holds every household of theirs, and the copy probed only for the others
	 * ({@link CurrentRoster#rowsOf}), instead of a probe per person. The same records as {@link #rosterOf} with the
	 * households of a query's IDs.
	 */
	public RosterRecords rosterOfPeople(Collection<String> ids) {
		Set<String> county = Set.of(countyIds());
		Set<String> wanted = Set.copyOf(ids);
		Set<String> households = new LinkedHashSet<>();
		roster().rows().stream().filter(r -> wanted.contains(r.idNumber()) && county.contains(r.idNumber()))
			.forEach(r -> households.add(r.householdId()));
		String[] others = wanted.stream().filter(id -> !county.contains(id)).sorted().toArray(String[]::new);
		if (others.length > 0) {
			households.addAll(loader.households(
					"select b.household_id from " + CurrentRoster.rowsOf("id_number", "select unnest(?::char(18)[])"),
					(Object) others));
		}
		return rosterOfHouseholds(List.copyOf(households));
	}

	/**
	 * {@link #rosterOf} for households already chosen: taken from {@link #roster()} when it holds them all, read on
	 * their own otherwise.
	 */
	public RosterRecords rosterOfHouseholds(List<String> households) {
		RosterRecords all = roster();
		return all.holds(households) ? all.of(households) : loader.loadHouseholds(households);
	}

	/**
	 * The earliest death month of each person, by a death record matching the ID and the name given
	 * ({@link #deathRecordsOf}).
	 */
	public Map<String, YearMonth> deathMonthsOf(List<PersonRef> people) {
		if (people.isEmpty()) {
			return new HashMap<>();
		}
		return MatchedRecords.earliestMatching(people, deathRecordsOf(people.stream().map(PersonRef::idNumber).toList()));
	}

	/**
	 * The death records (valid IDs, any name) of these IDs, read once per ID for the county: those of every ID of
	 * {@link #roster()} came with it, and only the IDs not yet looked up are read (the checks' people off the
	 * county's roster: the poor, certificate holders, cases), in one statement per call.
	 */
	public List<DeathRecord> deathRecordsOf(Collection<String> ids) {
		Map<String, List<DeathRecord>> known = deathRecords();
		List<String> missing = ids.stream().filter(id -> !known.containsKey(id)).distinct().toList();
		if (!missing.isEmpty()) {
			missing.forEach(id -> known.put(id, new ArrayList<>(1)));
			matched.deathRecordsOf(missing).forEach(d -> known.get(d.idNumber()).add(d));
		}
		return ids.stream().distinct().flatMap(id -> known.get(id).stream()).toList();
	}

	/** The death records read so far, by ID (an empty list: looked up, none); seeded with the roster's. */
	private Map<String, List<DeathRecord>> deathRecords() {
		if (deathRecords == null) {
			deathRecords = new HashMap<>();
			RosterRecords all = roster();
			if (all.deathRecords() != null) {
				all.rows().forEach(r -> deathRecords.computeIfAbsent(r.idNumber(), k -> new ArrayList<>(1)));
				all.deathRecords().forEach(d -> deathRecords.get(d.idNumber()).add(d));
			}
		}
		return deathRecords;
	}

	/** A current poverty row (any county) of an ID of the county's roster: ID and name. */
	public record PovertyRow(String idNumber, String name) {
	}

	/**
	 * Other agencies' records of the county's roster IDs ({@link #countyIds()}), read once for every check: the
	 * certificates of any status (in ID, number, type, grade, name order) and the poverty rows of any county.
	 */
	public record ByCountyIds(List<CertificateRecord> certificates, List<PovertyRow> poverty) {
	}

	/**
	 * {@link ByCountyIds}: one statement, one probe per ID in each copy ({@link CurrentRoster}), shared by
	 * NAME_MISMATCH, SEVERE_DISABILITY_NOT_COVERED and the load of the same run (which reads the same IDs'
	 * certificates: {@link #countyCertificates}). Each of them looked the county's IDs up on its own before:
	 * three probes of every ID in the certificates' copy per county.
	 */
	public ByCountyIds byCountyIds() {
		if (byCountyIds == null) {
			List<CertificateRecord> certificates = new ArrayList<>();
			List<PovertyRow> poverty = new ArrayList<>();
			jdbc.query("with " + IDS + """
					select d.id_number, 'D' as source, d.certificate_no, d.type, d.grade, d.name, d.valid from
					""" + CurrentRoster.certificatesOf("select id_number from ids") + """
					union all
					select p.id_number, 'P', '', 0, 0, p.name, false from
					""" + CurrentRoster.povertyOf("select id_number from ids") + """
					order by 1, 2, 3, 4, 5, 6, 7
					""", rs -> {
				if (rs.getString(2).equals("D")) {
					certificates.add(new CertificateRecord(rs.getString(1), rs.getString(6), rs.getString(3), rs.getInt(4),
							rs.getInt(5), rs.getBoolean(7)));
				}
				else {
					poverty.add(new PovertyRow(rs.getString(1), rs.getString(6)));
				}
			}, (Object) countyIds());
			byCountyIds = new ByCountyIds(List.copyOf(certificates), List.copyOf(poverty));
		}
		return byCountyIds;
	}

	/** Counties of the system: those with a {@code standards} row. */
	public Set<String> systemCounties() {
		if (systemCounties == null) {
			List<String> list = jdbc.queryForList("select distinct county from current_standard", String.class);
			systemCounties = Set.copyOf(list.stream().map(String::trim).toList());
		}
		return systemCounties;
	}

	/** The first month a standards row of the county for the program and category is in force, if any. */
	public YearMonth standardFrom(String program, String category) {
		String m = jdbc.queryForObject("""
				select min(effective_month) from current_standard where county = ? and program = ? and category = ?
				""", String.class, county, program, category);
		return m == null ? null : YearMonth.parse(m);
	}
}
