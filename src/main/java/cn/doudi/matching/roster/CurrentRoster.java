package cn.doudi.matching.roster;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keyed lookups in every county's current roster: the rows of {@code current_beneficiary} whose ID,
 * household or account is one of a small set of keys, found by index probes in the copy of the current rows
 * ({@link RosterCopy}, V580) instead of a read of every county's snapshot; likewise the current certificates
 * and poverty rows of a set of IDs. The plans at 150 counties: {@code README.md} beside this class.
 *
 * <p>{@link #rowsOf} is a {@code FROM} item, {@code b} (the {@code beneficiary} row) joined to {@code s}
 * (its county's {@code snapshot} row): {@code "select b.household_id from " + rowsOf("id_number", "select
 * distinct c.id_number from current_beneficiary c where c.county = ?")} yields exactly the rows
 * {@code current_beneficiary} holds with one of those keys, whether the copy is up to date or not:
 * <ul>
 * <li>from the copy ({@code roster_beneficiary}), by a {@code lateral (… offset 0)} subquery: a nested loop,
 * one index probe per key whatever the planner estimates for the keys;</li>
 * <li>plus the rows of the current snapshots the copy does not hold ({@code roster_cover} names another
 * upload for the county, or none: an upload made current after the copy was built), read from the bulk
 * table by {@code roster_live_beneficiary()} (V580), each such snapshot whole through its BRIN index, and
 * joined to the keys. With an up-to-date copy that function reads {@code snapshot} and returns nothing. It
 * is a PL/pgSQL function declared {@code rows 1 cost 1} so that the planner costs the plan by its usual
 * case: priced as the bulk reads it may do, the plans of the checks passed {@code jit_above_cost} and each
 * statement spent 1.5 s compiling (measured on the 20-county bench).</li>
 * </ul>
 * The rows found are joined to {@code snapshot} once, by a hash join, keeping those of each county's current
 * upload (the copy may still hold a replaced one); the outer {@code offset 0} keeps the probes' loop whole
 * (left to itself the planner moved that join into the loop: O(keys × counties) again). The keys' type must
 * be the column's ({@code char(18)} IDs from another {@code id_number} column; a {@code text} key against
 * {@code char(18)} would compare as text and miss the index). {@code keysQuery} appears once in the SQL (its
 * {@code ?} parameters keep their places); it may name CTEs of the enclosing query, not {@code roster_keys}.
 * A covered upload is read from the copy as it was at the build: the rows of an upload never change once it
 * is current (ingest writes only its STAGING upload's rows); rows written into a current upload by hand (or
 * by a test) are in the copy after the next {@link RosterCopy#refresh()}, which the callers run first.
 *
 * <p>Cost per county: the keys (its own snapshot, read through the BRIN index) and a few index probes
 * per key, O(rows of the county) instead of O(rows of the province) (README, "Province speed"), once the
 * copy is built (O(rows of the province) once per month-end, by whoever asks first: {@link RosterCopy}).
 */
public final class CurrentRoster {

	/** The current snapshot {@code u} is not in the copy ({@code roster_cover}, V580). */
	static final String NOT_COVERED = """
			not exists (select 1 from roster_cover c where c.source = u.source and c.county = u.county
			  and c.import_id = u.import_id)""";

	/** The ID numbers more than one county's current roster lists, as the copy held them at its build (V590). */
	static final String SHARED_IDS = "roster_shared_id";

	/** The household IDs more than one county's current roster lists, likewise (V590). */
	static final String SHARED_HOUSEHOLDS = "roster_shared_household";

	/** The account numbers more than one county's current roster lists, likewise (V601). */
	static final String SHARED_ACCOUNTS = "roster_shared_account";

	/**
	 * The copy holds exactly today's current beneficiary rows: it covers every current snapshot, and no bulk table
	 * was written since its build ({@code roster_changes}). Then its shared keys ({@link #SHARED_IDS},
	 * {@link #SHARED_HOUSEHOLDS}, {@link #SHARED_ACCOUNTS}) are those of the current rows.
	 */
	static final String EXACT = """
			not exists (select 1 from snapshot u where u.source = 'beneficiaries' and %s)
			and not exists (select 1 from roster_cover c where c.changes <> (select last_value from roster_changes))
			""".formatted(NOT_COVERED);

	private CurrentRoster() {
	}

	/**
	 * What a county's current roster rows are read from: its current {@code beneficiaries} upload and the count
	 * of statements that wrote a bulk table ({@code roster_changes}, V580: bumped by every write, whether or not
	 * it committed). Equal versions at two moments mean the same rows of the county at both: a current upload's
	 * rows never change (ingest writes only its STAGING upload), and a write into one (a test, a hand edit) or a
	 * new upload made current changes the version. One small query.
	 */
	public static String version(JdbcTemplate jdbc, String county) {
		return jdbc.queryForObject("""
				select coalesce((select u.import_id::text from snapshot u where u.source = 'beneficiaries' and u.county = ?), '-')
				       || '/' || (select last_value from roster_changes)
				""", String.class, county);
	}

	/**
	 * The current rows of any county whose {@code column} equals a key that {@code keysQuery} (one column)
	 * yields: a {@code FROM} item with aliases {@code b} and {@code s}.
	 */
	public static String rowsOf(String column, String keysQuery) {
		return keyed(Table.BENEFICIARY, column, keysQuery, "b");
	}

	/**
	 * The account numbers {@code keysQuery} (one column) yields that another county's current roster may list
	 * too: those in {@link #SHARED_ACCOUNTS} while the copy holds exactly today's rows ({@link #EXACT}), every one
	 * otherwise. The current rows with one of the others are all of the county that lists it: a caller holding
	 * that county's rows finds them there, and probes {@link #rowsOf} only for these.
	 */
	public static String sharedAccounts(String keysQuery) {
		return """
				select k.key from (%s) k(key)
				where not (select %s) or k.key in (select account_number from %s)
				""".formatted(keysQuery, EXACT, SHARED_ACCOUNTS);
	}

	/**
	 * The current disability certificates (the one province-wide upload) whose ID is a key that
	 * {@code keysQuery} yields: a {@code FROM} item {@code d} (the {@code disability} row) and {@code s}.
	 */
	public static String certificatesOf(String keysQuery) {
		return keyed(Table.DISABILITY, "id_number", keysQuery, "d");
	}

	/**
	 * The current poverty rows of any county whose ID is a key that {@code keysQuery} yields: a {@code FROM}
	 * item {@code p} (the {@code poverty} row) and {@code s}.
	 */
	public static String povertyOf(String keysQuery) {
		return keyed(Table.POVERTY, "id_number", keysQuery, "p");
	}

	private static String keyed(Table t, String column, String keysQuery, String alias) {
		return """
				(with roster_keys(key) as materialized (%1$s)
				 select r.* from roster_keys k
				 cross join lateral (select x.* from %2$s x where x.%3$s = k.key offset 0) r
				 union all
				 select x.* from %4$s() x join roster_keys k on x.%3$s = k.key
				 offset 0) %5$s
				join snapshot s on %6$s
				""".formatted(keysQuery, t.copy, column, t.live, alias, t.current(alias));
	}

	/**
	 * {@code left join lateral (…) alias on true}: {@code alias.hit} is true when a current row of any county
	 * meets {@code condition} (over {@code x}, the {@code beneficiary} row, e.g. {@code x.id_number =
	 * d.id_number}), null when none does. "On no roster" is {@code alias.hit is null}: an index probe in the
	 * copy per outer row (the condition is pushed into each branch of the {@code union all}), where {@code not
	 * exists} may be planned as an anti join that reads every county's rows. The current snapshots the copy
	 * does not hold are read whole per outer row, behind a gate evaluated once per statement (an init plan):
	 * never when the copy is up to date.
	 */
	public static String anyRow(String condition, String alias) {
		Table t = Table.BENEFICIARY;
		return """
				left join lateral (select true as hit from (
				    select x.* from %1$s x
				    union all
				    select x.* from %2$s() x where exists (select 1 from snapshot u where %3$s and %4$s)
				  ) x
				  join snapshot s on %5$s
				  where %6$s
				  limit 1) %7$s on true
				""".formatted(t.copy, t.live, t.snapshots, NOT_COVERED, t.current("x"), condition, alias);
	}

	/** A bulk snapshot table, its copy, and how a row belongs to a {@code snapshot} row. */
	enum Table {
		BENEFICIARY("beneficiary", "beneficiaries", "x.import_id = u.import_id and x.county = u.county",
				"s.source = 'beneficiaries' and s.import_id = %1$s.import_id and s.county = %1$s.county",
				List.of("id_number", "household_id", "account_number")),
		DISABILITY("disability", "disability", "x.import_id = u.import_id",
				"s.source = 'disability' and s.county = '' and s.import_id = %1$s.import_id", List.of("id_number")),
		POVERTY("poverty", "poverty", "x.import_id = u.import_id and x.county = u.county",
				"s.source = 'poverty' and s.import_id = %1$s.import_id and s.county = %1$s.county", List.of("id_number"));

		final String table;
		final String copy;
		/** The set-returning function of the rows of the current snapshots the copy does not hold (V580). */
		final String live;
		final String source;
		/** The {@code snapshot} rows ({@code u}) of the table's source. */
		final String snapshots;
		/** A row {@code x} of the table belongs to the snapshot row {@code u}. */
		final String rowsOfU;
		private final String current;
		/** The key columns, each with a B-tree in the copy. */
		final List<String> keys;

		Table(String table, String source, String rowsOfU, String current, List<String> keys) {
			this.table = table;
			this.copy = "roster_" + table;
			this.live = "roster_live_" + table;
			this.source = source;
			this.snapshots = "u.source = '" + source + "'" + (table.equals("disability") ? " and u.county = ''" : "");
			this.rowsOfU = rowsOfU;
			this.current = current;
			this.keys = keys;
		}

		/** The name of the copy's index on a key column: {@code roster_beneficiary_household} (V580). */
		String index(String column) {
			return copy + "_" + column.replace("household_id", "household").replace("account_number", "account");
		}

		/** A row {@code alias} of the table belongs to its {@code snapshot} row {@code s}. */
		String current(String alias) {
			return current.formatted(alias);
		}
	}
}
