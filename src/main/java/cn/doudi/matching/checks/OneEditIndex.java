package cn.doudi.matching.checks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Blocking for DEATH_PROBABLE (CHECKS.md "Scale and speed"): values indexed under their 17-digit ID body
 * with one position masked (one substitution) and with one pair of adjacent positions masked and
 * replaced by the pair's sorted digits (one adjacent swap). Probing a body with the same keys finds
 * every value at most one edit away (and some that are not, which {@link #withinOneEdit} weeds out) —
 * never a scan of all pairs.
 */
final class OneEditIndex<T> {

	private final Map<String, List<T>> byKey = new HashMap<>();

	void add(String body, T value) {
		for (String key : keys(body)) {
			byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
		}
	}

	/** Values whose body shares a blocking key with {@code body} (candidates; verify with withinOneEdit). */
	Set<T> candidates(String body) {
		Set<T> out = new LinkedHashSet<>();
		for (String key : keys(body)) {
			out.addAll(byKey.getOrDefault(key, List.of()));
		}
		return out;
	}

	boolean isEmpty() {
		return byKey.isEmpty();
	}

	static List<String> keys(String body) {
		List<String> keys = new ArrayList<>(2 * body.length());
		for (int i = 0; i < body.length(); i++) {
			keys.add("S" + i + ':' + body.substring(0, i) + '_' + body.substring(i + 1));
		}
		for (int i = 0; i + 1 < body.length(); i++) {
			char a = body.charAt(i);
			char b = body.charAt(i + 1);
			keys.add("T" + i + ':' + body.substring(0, i) + (char) Math.min(a, b) + (char) Math.max(a, b)
					+ body.substring(i + 2));
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
