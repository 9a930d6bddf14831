package cn.doudi.ingest.rows;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import cn.doudi.kernel.Bank;
import cn.doudi.kernel.Program;

/**
 * Remembers what {@link Program#parse} and {@link Bank#parse} made of a text: a roster writes the same
 * few names on every row. Pure functions, so one cache serves every import; at most {@value #MAX}
 * texts each, so that a file of garbage cannot grow it.
 */
final class Lookups {

	private static final int MAX = 1024;
	private static final Map<String, Optional<Program>> PROGRAMS = new ConcurrentHashMap<>();
	private static final Map<String, Optional<Bank>> BANKS = new ConcurrentHashMap<>();

	private Lookups() {
	}

	static Optional<Program> program(String compactText) {
		return cached(PROGRAMS, compactText, Program::parse);
	}

	static Optional<Bank> bank(String compactText) {
		return cached(BANKS, compactText, Bank::parse);
	}

	private static <T> Optional<T> cached(Map<String, Optional<T>> cache, String key, Function<String, Optional<T>> parse) {
		Optional<T> v = cache.get(key);
		if (v == null) {
			v = parse.apply(key);
			if (cache.size() < MAX) {
				cache.put(key, v);
			}
		}
		return v;
	}
}
