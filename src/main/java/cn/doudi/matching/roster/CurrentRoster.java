package cn.doudi.matching.roster;

/**
 * Keyed lookups in every county's current roster: the rows of {@code current_beneficiary} whose ID,
 * household or account is one of a small set of keys, found through the B-trees of V560 instead of a read
 * of every county's snapshot.
 *
 * <p>{@link #rowsWhere} is a {@code FROM} fragment to put after the keys: {@code from (select distinct
 * c.id_number from current_beneficiary c where c.county = ?) k} + {@code rowsWhere("id_number",
 * "k.id_number")}. It yields {@code b} (the {@code beneficiary} row) and {@code s} (its county's
 * {@code snapshot} row; {@code s.county} is the row's county): exactly the rows {@code current_beneficiary}
 * holds with that key. The {@code lateral (… offset 0)} subquery is a nested loop, one index probe per key,
 * whatever the planner estimates for the keys; the probe finds the key's rows of every upload (the history
 * stays in the table) and the join to {@code snapshot} keeps those of each county's current upload. The
 * keys' type must be the column's ({@code char(18)} IDs from another {@code id_number} column; a
 * {@code text} key against {@code char(18)} would compare as text and miss the index).
 *
 * <p>Cost per county: the keys (its own snapshot, read through the BRIN index) and a few index probes
 * per key, O(rows of the county) instead of O(rows of the province) (README, "Province speed").
 */
public final class CurrentRoster {

	private CurrentRoster() {
	}

	/**
	 * {@code cross join lateral (…) b join snapshot s on …}: the current rows of any county whose
	 * {@code column} equals {@code key} (an expression over the preceding FROM items).
	 */
	public static String rowsWhere(String column, String key) {
		return """
				cross join lateral (select x.* from beneficiary x where x.%s = %s offset 0) b
				join snapshot s on s.source = 'beneficiaries' and s.import_id = b.import_id and s.county = b.county
				""".formatted(column, key);
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
