package cn.doudi.matching.checks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Blocking for DEATH_PROBABLE (CHECKS.md "Scale and speed"): values indexed under their 17-digit ID body
 * with one position masked (one substitution) and with one pair of adjacent positions masked and
 * replaced by the pair's sorted digits (one adjacent swap). Probing a body with the same keys finds
 * every value at most one edit away (and some that are not, which {@link #withinOneEdit} weeds out) —
 * never a scan of all pairs.
 */
final class OneEditIndex<T> {

	/** 10^17: the 17-digit bodies are below it; a key's kind and position are counted in its multiples. */
	private static final long KIND = 100_000_000_000_000_000L;

	private static final long[] PLACE = new long[17];

	static {
		long p = 1;
		for (int i = 16; i >= 0; i--) {
			PLACE[i] = p;
			p *= 10;
		}
	}

	/**
	 * The keys, an open-addressing table of {@code long}s (0 is a free slot: every key is at least
	 * {@link #KIND}), each with the index of its values in {@link #lists}: no boxed key per probe, which
	 * DEATH_PROBABLE makes 33 times for every person of the county's roster.
	 */
	private long[] table = new long[64];

	private int[] slots = new int[64];

	/**
	 * One bit per hash value, four times as many bits as the table has slots (32 KiB where the table takes
	 * 768 KiB, for 26,000 keys): a clear bit says a key is absent without reading the table — nearly every
	 * probe, as nearly every person is more than one edit from every death.
	 */
	private long[] present = new long[4];

	private final List<List<T>> lists = new ArrayList<>();

	void add(String body, T value) {
		for (long key : keys(body)) {
			int at = find(key);
			if (table[at] == 0) {
				table[at] = key;
				slots[at] = lists.size();
				lists.add(new ArrayList<>(1));
				mark(key);
				if (lists.size() * 2 > table.length) {
					grow();
				}
				at = find(key);
			}
			lists.get(slots[at]).add(value);
		}
	}

	/**
	 * Values whose body shares a blocking key with {@code body} (candidates; verify with withinOneEdit), in
	 * the order of the keys ({@link #keys}), then of addition; each once.
	 */
	Set<T> candidates(String body) {
		Set<T> out = null;
		for (long key : keys(body)) {
			if (!marked(key)) {
				continue;
			}
			int at = find(key);
			if (table[at] != 0) {
				if (out == null) {
					out = new LinkedHashSet<>();
				}
				out.addAll(lists.get(slots[at]));
			}
		}
		return out == null ? Set.of() : out;
	}

	boolean isEmpty() {
		return lists.isEmpty();
	}

	/** The slot holding {@code key}, or the free slot where it would go. */
	private int find(long key) {
		int mask = table.length - 1;
		int at = mix(key) & mask;
		while (table[at] != 0 && table[at] != key) {
			at = (at + 1) & mask;
		}
		return at;
	}

	private void mark(long key) {
		int bit = mix(key) & ((present.length << 6) - 1);
		present[bit >>> 6] |= 1L << bit;
	}

	private boolean marked(long key) {
		int bit = mix(key) & ((present.length << 6) - 1);
		return (present[bit >>> 6] & (1L << bit)) != 0;
	}

	private static int mix(long key) {
		long h = key * 0x9E3779B97F4A7C15L;
		return (int) (h ^ (h >>> 32));
	}

	private void grow() {
		long[] oldTable = table;
		int[] oldSlots = slots;
		table = new long[oldTable.length * 2];
		slots = new int[oldTable.length * 2];
		present = new long[table.length / 16];
		for (int i = 0; i < oldTable.length; i++) {
			if (oldTable[i] != 0) {
				int at = find(oldTable[i]);
				table[at] = oldTable[i];
				slots[at] = oldSlots[i];
				mark(oldTable[i]);
			}
		}
	}

	/**
	 * The blocking keys of a 17-digit body, each a number: the body with digit {@code i} masked (set to 0)
	 * plus {@code (i + 1) × 10^17} — one per position, for a substitution — and the body with digits
	 * {@code i, i+1} replaced by the pair in ascending order plus {@code (18 + i) × 10^17} — one per adjacent
	 * pair, for a swap. Two bodies share a key exactly when they agree but for position {@code i} (or but for
	 * the order of the pair at {@code i}): the keys of the text form {@code "S" + i + ':' + masked} and
	 * {@code "T" + i + ':' + sorted}, without building a string per key.
	 */
	static long[] keys(String body) {
		if (body.length() != 17) {
			throw new IllegalArgumentException("身份证号本体应为 17 位数字");
		}
		int[] d = new int[17];
		long value = 0;
		for (int i = 0; i < 17; i++) {
			int c = body.charAt(i) - '0';
			if (c < 0 || c > 9) {
				throw new IllegalArgumentException("身份证号本体应为 17 位数字");
			}
			d[i] = c;
			value = value * 10 + c;
		}
		long[] keys = new long[17 + 16];
		for (int i = 0; i < 17; i++) {
			keys[i] = value - d[i] * PLACE[i] + (i + 1) * KIND;
		}
		for (int i = 0; i + 1 < 17; i++) {
			int lo = Math.min(d[i], d[i + 1]);
			int hi = Math.max(d[i], d[i + 1]);
			keys[17 + i] = value - d[i] * PLACE[i] - d[i + 1] * PLACE[i + 1] + lo * PLACE[i] + hi * PLACE[i + 1]
					+ (18 + i) * KIND;
		}
		return keys;
	}

	/** Equal, one substituted digit, or one swap of adjacent digits. */
	static boolean withinOneEdit(String a, String b) {
		if (a.length() != b.length()) {
			return false;
		}
		int first = -1;
		int diffs = 0;
		for (int i = 0; i < a.length(); i++) {
			if (a.charAt(i) != b.charAt(i)) {
				if (diffs++ == 0) {
					first = i;
				}
			}
		}
		if (diffs <= 1) {
			return true;
		}
		return diffs == 2 && first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
				&& a.charAt(first + 1) == b.charAt(first);
	}

	/**
	 * The 17-digit body of an ID as a death record holds it: the first 17 characters of an 18-character
	 * ID, or a 15-digit ID with {@code 19} inserted before the year; null for any other shape.
	 */
	static String body(String id) {
		if (id == null) {
			return null;
		}
		String body = id.length() == 18 ? id.substring(0, 17)
				: id.length() == 15 ? id.substring(0, 6) + "19" + id.substring(6) : null;
		return body != null && body.chars().allMatch(c -> c >= '0' && c <= '9') ? body : null;
	}
}
