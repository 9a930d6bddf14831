package cn.doudi.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The CPU time PostgreSQL spends for this database: the user + system time ({@code /proc/<pid>/stat}) of the
 * server processes serving its connections (pg_stat_activity, parallel workers included while they live),
 * read before and after a measured stretch. Needs the server on this machine; otherwise {@link #available} is
 * false. The server's shared processes (checkpointer, WAL writer) are not counted.
 */
final class PostgresCpu {

	/** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
	private static final long TICKS = 100;

	private final JdbcTemplate jdbc;

	PostgresCpu(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** CPU ticks per server process of this database, now. */
	Map<Integer, Long> sample() {
		List<Integer> pids = jdbc.queryForList(
				"select pid from pg_stat_activity where datname = current_database() and pid is not null", Integer.class);
		Map<Integer, Long> out = new HashMap<>();
		for (int pid : pids) {
			long t = ticks(pid);
			if (t >= 0) {
				out.put(pid, t);
			}
		}
		return out;
	}

	boolean available() {
		return !sample().isEmpty();
	}

	/** Milliseconds of CPU spent between two samples by the processes alive at the second one. */
	static long millisBetween(Map<Integer, Long> before, Map<Integer, Long> after) {
		long ticks = 0;
		for (Map.Entry<Integer, Long> e : after.entrySet()) {
			ticks += e.getValue() - before.getOrDefault(e.getKey(), 0L);
		}
		return ticks * 1000 / TICKS;
	}

	private static long ticks(int pid) {
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			// the command name (field 2) may hold spaces: count fields after its closing parenthesis
			String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(f[11]) + Long.parseLong(f[12]);
		}
		catch (IOException | RuntimeException e) {
			return -1;
		}
	}
}
