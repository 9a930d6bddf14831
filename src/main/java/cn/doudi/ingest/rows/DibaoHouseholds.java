package cn.doudi.ingest.rows;

import cn.doudi.kernel.Program;

/**
 * Watches the valid DIBAO rows as they are staged, to prove that the one-户主 rule (exactly one 户主
 * row per household and program, the same household income on every row) holds, so that its check in
 * SQL over the whole upload ({@code HouseholdHeads}) can be skipped. It can prove this only for
 * rosters that list each household's rows of a program together, as the national 低保 system exports
 * them (other programs' rows may come in between): as soon as a household breaks the rule, or comes
 * back after other households, it gives up and the SQL check decides, exactly as before. Keeps a
 * 64-bit hash per household seen (appended to an array of longs, 8–16 bytes a household, never the
 * rows); that no household came back is proven at the end by sorting the hashes once (a hash table
 * missed the CPU cache on nearly every row of a million-household roster).
 */
final class DibaoHouseholds {

	private static final int PROGRAMS = 2;

	private final String[] household = new String[PROGRAMS];
	private final int[] heads = new int[PROGRAMS];
	private final String[] income = new String[PROGRAMS];
	private long[] seen = new long[1 << 12];
	private int size;
	private boolean proven = true;
	private boolean checked;

	/** A valid DIBAO row: its program, household, whether it is the 户主 row, its income (canonical text). */
	void row(Program program, String householdId, boolean head, String householdIncome) {
		if (!proven) {
			return;
		}
		int p = program == Program.DIBAO_URBAN ? 0 : 1;
		if (!householdId.equals(household[p])) {
			if (household[p] != null) {
				close(p);
			}
			add(hash(p, householdId));
			household[p] = householdId;
			heads[p] = 0;
			income[p] = householdIncome;
		}
		if (head) {
			heads[p]++;
		}
		if (income[p] == null ? householdIncome != null : !income[p].equals(householdIncome)) {
			proven = false;
		}
	}

	/** True when every household seen had exactly one 户主 row and one income, with its rows together. */
	boolean proven() {
		for (int p = 0; p < PROGRAMS; p++) {
			if (household[p] != null) {
				close(p);
				household[p] = null;
			}
		}
		if (proven && !checked) {
			checked = true;
			proven = distinct(); // a household that came back (or two keys sharing a hash): SQL decides
		}
		return proven;
	}

	private void close(int p) {
		if (heads[p] != 1) {
			proven = false;
		}
	}

	private static long hash(int program, String householdId) {
		// FNV-1a over the characters, then a final mix
		long h = 0xcbf29ce484222325L ^ program;
		for (int i = 0, n = householdId.length(); i < n; i++) {
			h = (h ^ householdId.charAt(i)) * 0x100000001b3L;
		}
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		return h;
	}

	private void add(long h) {
		if (size == seen.length) {
			seen = java.util.Arrays.copyOf(seen, size * 2);
		}
		seen[size++] = h;
	}

	/** True when no hash was added twice (a household that came back, or, rarely, two keys with one hash). */
	private boolean distinct() {
		java.util.Arrays.sort(seen, 0, size); // called once, at the end
		for (int i = 1; i < size; i++) {
			if (seen[i] == seen[i - 1]) {
				return false;
			}
		}
		return true;
	}
}
