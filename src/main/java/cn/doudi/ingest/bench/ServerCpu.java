package cn.doudi.ingest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The CPU time of the PostgreSQL backends serving this database, read from {@code /proc/<pid>/stat}:
 * only when the server runs on this machine and its processes are readable (else unknown, -1). A
 * measure of the server's work that does not depend on how busy the machine is.
 */
public final class ServerCpu {

	private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

	private ServerCpu() {
	}

	/** CPU ticks per backend pid of the current database; empty when unreadable. */
	public static Map<Integer, Long> snapshot(JdbcTemplate jdbc) {
		Map<Integer, Long> ticks = new HashMap<>();
		List<Integer> pids;
		try {
			pids = jdbc.queryForList("select pid from pg_stat_activity where datname = current_database()", Integer.class);
		}
		catch (RuntimeException e) {
			return ticks;
		}
		for (int pid : pids) {
			long t = ticks(pid);
			if (t >= 0) {
				ticks.put(pid, t);
			}
		}
		return ticks;
	}

	/** Milliseconds of server CPU between two snapshots (backends that appeared count whole); -1 if unknown. */
	public static long millisBetween(Map<Integer, Long> before, Map<Integer, Long> after) {
		if (after.isEmpty()) {
			return -1;
		}
		long sum = 0;
		for (Map.Entry<Integer, Long> e : after.entrySet()) {
			sum += Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0L));
		}
		return sum * 1000 / TICKS_PER_SECOND;
	}

	private static long ticks(int pid) {
		try {
			Path dir = Path.of("/proc", Integer.toString(pid));
			if (!Files.readString(dir.resolve("comm")).strip().startsWith("postgres")) {
				return -1;
			}
			String stat = Files.readString(dir.resolve("stat"));
			String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
		}
		catch (IOException | RuntimeException e) {
			return -1;
		}
	}
}
