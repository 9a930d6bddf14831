package cn.doudi.matching.roster;

/**
 * Keyed lookups in every county's current roster: the rows of {@code current_beneficiary} whose ID,
 * household or account is one of a small set of keys, found through the B-trees of V560 instead of a read
 * of every county's snapshot; likewise the current certificates and poverty rows of a set of IDs (V561).
 * The plans before and after, at 150 counties: {@code README.md} beside this class.
 *
 * <p>{@link #rowsOf} is a {@code FROM} item, {@code b} (the {@code beneficiary} row) joined to {@code s}
 * (its county's {@code snapshot} row): {@code "select b.household_id from " + rowsOf("id_number", "select
 * distinct c.id_number from current_beneficiary c where c.county = ?")} yields exactly the rows
 * {@code current_beneficiary} holds with one of those keys. Inside, a {@code lateral (… offset 0)}
 * subquery is a nested loop, one index probe per key whatever the planner estimates for the keys; a probe
 * finds the key's rows of every upload (the history stays in the table). The outer {@code offset 0} keeps
 * that loop whole, so that the rows found are joined to {@code snapshot} once, by a hash join, keeping
 * those of each county's current upload (left to itself the planner moved the join into the loop and
 * scanned {@code snapshot}, a row per county and source, once per key: O(keys × counties) again). The keys'
 * type must be the column's ({@code char(18)} IDs from another {@code id_number} column; a {@code text} key
 * against {@code char(18)} would compare as text and miss the index).
 *
 * <p>Cost per county: the keys (its own snapshot, read through the BRIN index) and a few index probes
 * per key, O(rows of the county) instead of O(rows of the province) (README, "Province speed").
 */
public final class CurrentRoster {

	private CurrentRoster() {
	}

	/**
	 * The current rows of any county whose {@code column} equals a key that {@code keysQuery} (one column)
	 * yields: a {@code FROM} item with aliases {@code b} and {@code s}.
	 */
	public static String rowsOf(String column, String keysQuery) {
		return keyed("beneficiary", column, keysQuery, "b",
				"s.source = 'beneficiaries' and s.import_id = b.import_id and s.county = b.county");
	}

	/**
	 * The current disability certificates (the one province-wide upload) whose ID is a key that
	 * {@code keysQuery} yields: a {@code FROM} item {@code d} (the {@code disability} row, V561's B-tree).
	 */
	public static String certificatesOf(String keysQuery) {
		return keyed("disability", "id_number", keysQuery, "d",
				"s.source = 'disability' and s.county = '' and s.import_id = d.import_id");
	}

	/**
	 * The current poverty rows of any county whose ID is a key that {@code keysQuery} yields: a {@code FROM}
	 * item {@code p} (the {@code poverty} row, V561's B-tree).
	 */
	public static String povertyOf(String keysQuery) {
		return keyed("poverty", "id_number", keysQuery, "p",
				"s.source = 'poverty' and s.import_id = p.import_id and s.county = p.county");
	}

	private static String keyed(String table, String column, String keysQuery, String alias, String current) {
		return """
				(select r.* from (%s) k(key)
				 cross join lateral (select x.* from %s x where x.%s = k.key offset 0) r offset 0) %s
				join snapshot s on %s
				""".formatted(keysQuery, table, column, alias, current);
	}

	/**
	 * {@code left join lateral (…) alias on true}: {@code alias.hit} is true when a current row of any county
	 * meets {@code condition} (over {@code x}, the {@code beneficiary} row, e.g. {@code x.id_number =
	 * d.id_number}), null when none does. "On no roster" is {@code alias.hit is null}: an index probe per
	 * outer row, where {@code not exists} may be planned as an anti join that reads every county's rows.
	 */
	public static String anyRow(String condition, String alias) {
		return """
				left join lateral (select true as hit from beneficiary x
				  join snapshot s on s.source = 'beneficiaries' and s.import_id = x.import_id and s.county = x.county
				  where %s limit 1) %s on true
				""".formatted(condition, alias);
	}
}
