package cn.doudi.ingest.rows;

import cn.doudi.kernel.Program;

/**
 * Watches the valid DIBAO rows as they are staged, to prove that the one-户主 rule (exactly one 户主
 * row per household and program, the same household income on every row) holds, so that its check in
 * SQL over the whole upload ({@code HouseholdHeads}) can be skipped. It can prove this only for
 * rosters that list each household's rows of a program together, as the national 低保 system exports
 * them (other programs' rows may come in between): as soon as a household breaks the rule, or comes
 * back after other households, it gives up and the SQL check decides, exactly as before. Keeps a
 * 64-bit hash per household seen (an open-addressing table of longs: about 16–32 bytes a household),
 * never the rows.
 */
final class DibaoHouseholds {

	private static final int PROGRAMS = 2;

	private final String[] household = new String[PROGRAMS];
	private final int[] heads = new int[PROGRAMS];
	private final String[] income = new String[PROGRAMS];
	private long[] seen = new long[1 << 12];
	private int size;
	private boolean proven = true;

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
			if (!add(hash(p, householdId))) {
				proven = false; // the household came back (or, rarely, two keys share a hash): SQL decides
				return;
			}
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
		return proven;
	}

	private void close(int p) {
		if (heads[p] != 1) {
			proven = false;
		}
	}

	private static long hash(int program, String householdId) {
		// FNV-1a over the characters, then a final mix; 0 is kept for empty slots
		long h = 0xcbf29ce484222325L ^ program;
		for (int i = 0, n = householdId.length(); i < n; i++) {
			h = (h ^ householdId.charAt(i)) * 0x100000001b3L;
		}
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		return h == 0 ? 1 : h;
	}

	/** Adds the hash; false when it was there already. */
	private boolean add(long h) {
		if (size * 2 >= seen.length) {
			grow();
		}
		int mask = seen.length - 1;
		int i = (int) h & mask;
		while (seen[i] != 0) {
			if (seen[i] == h) {
				return false;
			}
			i = (i + 1) & mask;
		}
		seen[i] = h;
		size++;
		return true;
	}

	private void grow() {
		long[] old = seen;
		seen = new long[old.length * 2];
		int mask = seen.length - 1;
		for (long h : old) {
			if (h != 0) {
				int i = (int) h & mask;
				while (seen[i] != 0) {
					i = (i + 1) & mask;
				}
				seen[i] = h;
			}
		}
	}
}
