package cn.doudi.matching.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The DEATH_PROBABLE blocking: every body one edit away shares a key; the verification weeds out the rest. */
class OneEditIndexTests {

	static final String BODY = "41010219600315713";

	@Test
	void findsEqualSubstitutedAndSwappedBodies() {
		OneEditIndex<String> index = new OneEditIndex<>();
		index.add("41010219600315714", "substituted");
		index.add("41010219600315173", "swapped");
		index.add(BODY, "equal");
		index.add("41010219600315799", "two edits");
		index.add("51010219600315714", "far");

		assertThat(index.candidates(BODY).stream().filter(v -> !v.equals("far") && !v.equals("two edits")))
			.containsExactlyInAnyOrder("substituted", "swapped", "equal");
		assertThat(OneEditIndex.withinOneEdit(BODY, "41010219600315714")).isTrue();
		assertThat(OneEditIndex.withinOneEdit(BODY, "41010219600315173")).isTrue();
		assertThat(OneEditIndex.withinOneEdit(BODY, "41010219600315799")).isFalse();
		assertThat(OneEditIndex.withinOneEdit(BODY, "41010219600351713")).as("a swap of two other digits").isTrue();
		assertThat(OneEditIndex.withinOneEdit(BODY, "41010219600315371")).as("a rotation").isFalse();
	}

	@Test
	void bodiesOfDeathRecordIds() {
		assertThat(OneEditIndex.body("41010219600315713X")).isEqualTo(BODY);
		assertThat(OneEditIndex.body("410102600315713")).isEqualTo(BODY);
		assertThat(OneEditIndex.body("4101026003157")).isNull();
	}

	/**
	 * The numeric keys block exactly as the text keys they replaced: two bodies share a key when, and only
	 * when, they share one of {@code "S" + i + ':' + body with position i masked} or {@code "T" + i + ':' +
	 * body with the pair at i sorted}. Random bodies and their neighbours (one or two digits changed, a pair
	 * swapped, a rotation), each probed against all the others.
	 */
	@Test
	void numericKeysBlockAsTheTextKeys() {
		Random random = new Random(15);
		List<String> bodies = new ArrayList<>();
		for (int n = 0; n < 60; n++) {
			char[] b = new char[17];
			for (int i = 0; i < 17; i++) {
				b[i] = (char) ('0' + random.nextInt(n % 3 == 0 ? 2 : 10));
			}
			String body = new String(b);
			bodies.add(body);
			int i = random.nextInt(17);
			int j = random.nextInt(16);
			bodies.add(body.substring(0, i) + (char) ('0' + random.nextInt(10)) + body.substring(i + 1));
			bodies.add(body.substring(0, j) + body.charAt(j + 1) + body.charAt(j) + body.substring(j + 2));
			bodies.add(body.substring(0, j) + (char) ('0' + random.nextInt(10)) + (char) ('0' + random.nextInt(10))
					+ body.substring(j + 2));
			bodies.add(body.substring(1) + body.charAt(0));
		}
		bodies.addAll(List.of("00000000000000000", "99999999999999999", "09999999999999999", "90000000000000000"));
		OneEditIndex<String> index = new OneEditIndex<>();
		bodies.forEach(b -> index.add(b, b));
		int shared = 0;
		for (String a : bodies) {
			Set<String> expected = new HashSet<>();
			for (String b : bodies) {
				if (textKeys(a).stream().anyMatch(textKeys(b)::contains)) {
					expected.add(b);
				}
			}
			assertThat(index.candidates(a)).as(a).containsExactlyInAnyOrderElementsOf(expected);
			shared += expected.size();
		}
		assertThat(shared).as("pairs found").isGreaterThan(bodies.size() * 3 / 2);
		assertThat(index.candidates("12345678901234567")).isEmpty();
	}

	/**
	 * Enough bodies for the key table to grow many times (2,000 bodies, 66,000 keys): each probe gives what
	 * a map from text key to values gives — the same values, in the same order (key by key, then as added),
	 * each once — for bodies added and for bodies never added, one edit away or not.
	 */
	@Test
	void aLargeIndexGivesWhatAMapOfTextKeysGivesInTheSameOrder() {
		Random random = new Random(16);
		Map<String, List<Integer>> byTextKey = new HashMap<>();
		OneEditIndex<Integer> index = new OneEditIndex<>();
		List<String> bodies = new ArrayList<>();
		String base = "4101021950";
		for (int n = 0; n < 2_000; n++) {
			StringBuilder b = new StringBuilder(base);
			while (b.length() < 17) {
				b.append((char) ('0' + random.nextInt(10)));
			}
			String body = n % 4 == 3 ? neighbour(bodies.get(random.nextInt(bodies.size())), random) : b.toString();
			bodies.add(body);
			index.add(body, n);
			for (String key : textKeys(body)) {
				byTextKey.computeIfAbsent(key, k -> new ArrayList<>()).add(n);
			}
		}
		int found = 0;
		for (int n = 0; n < 3_000; n++) {
			String probe = n < 1_500 ? neighbour(bodies.get(random.nextInt(bodies.size())), random)
					: base + String.format("%07d", random.nextInt(10_000_000));
			Set<Integer> expected = new LinkedHashSet<>();
			textKeys(probe).forEach(k -> expected.addAll(byTextKey.getOrDefault(k, List.of())));
			assertThat(index.candidates(probe)).as(probe).containsExactlyElementsOf(expected);
			found += expected.isEmpty() ? 0 : 1;
		}
		assertThat(found).as("probes with candidates").isBetween(1_500, 2_900);
	}

	/** One substituted digit or one adjacent swap. */
	private static String neighbour(String body, Random random) {
		char[] b = body.toCharArray();
		int i = random.nextInt(16);
		if (random.nextBoolean()) {
			b[i] = (char) ('0' + random.nextInt(10));
		}
		else {
			char c = b[i];
			b[i] = b[i + 1];
			b[i + 1] = c;
		}
		return new String(b);
	}

	/** The blocking keys as text, as they were first written. */
	private static List<String> textKeys(String body) {
		List<String> keys = new ArrayList<>();
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
}
