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

	/**
	 * Samples, every half second until {@link Sampling#stop}, this database's server processes and the given
	 * processes (child JVMs): backends that come and go during the stretch (another process's connections) are
	 * counted up to their last sample.
	 */
	Sampling sampling(List<Long> children) {
		return new Sampling(children);
	}

	/** A background sampling of CPU ticks per process. */
	final class Sampling {

		private final Map<Integer, Long> pgBefore;
		private final Map<Integer, Long> pgLast = new java.util.concurrent.ConcurrentHashMap<>();
		private final Map<Long, Long> childBefore = new HashMap<>();
		private final Map<Long, Long> childLast = new java.util.concurrent.ConcurrentHashMap<>();
		/** Per child, its samples as (epoch ms, ticks): a stretch's share can be cut at a moment known afterwards. */
		private final Map<Long, List<long[]>> series = new java.util.concurrent.ConcurrentHashMap<>();
		private final java.util.concurrent.ScheduledExecutorService timer;

		private Sampling(List<Long> children) {
			pgBefore = sample();
			for (long pid : children) {
				long t = ticks((int) pid);
				childBefore.put(pid, Math.max(0, t));
			}
			timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
				Thread t = new Thread(r, "cpu-sampling");
				t.setDaemon(true);
				return t;
			});
			timer.scheduleWithFixedDelay(this::once, 0, 500, java.util.concurrent.TimeUnit.MILLISECONDS);
		}

		/** Also samples a process started after the sampling (counted from its start). */
		void add(long pid) {
			childBefore.putIfAbsent(pid, 0L);
		}

		private void once() {
			try {
				pgLast.putAll(sample());
				for (long pid : childBefore.keySet()) {
					long t = ticks((int) pid);
					if (t >= 0) {
						childLast.put(pid, t);
						series.computeIfAbsent(pid, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
							.add(new long[] { System.currentTimeMillis(), t });
					}
				}
			}
			catch (RuntimeException e) {
				// a sample missed: the next one counts
			}
		}

		/** Stops; the CPU ms of PostgreSQL and of each sampled child process over the stretch. */
		long stop() {
			timer.shutdownNow();
			once();
			return millisBetween(pgBefore, pgLast);
		}

		long childMillis(long pid) {
			return (childLast.getOrDefault(pid, 0L) - childBefore.getOrDefault(pid, 0L)) * 1000 / TICKS;
		}

		/** A child's CPU ms from {@code sinceEpochMs} (its last sample before then) to its last sample. */
		long childMillisSince(long pid, long sinceEpochMs) {
			long from = childBefore.getOrDefault(pid, 0L);
			for (long[] sample : series.getOrDefault(pid, List.of())) {
				if (sample[0] <= sinceEpochMs) {
					from = sample[1];
				}
			}
			return (childLast.getOrDefault(pid, from) - from) * 1000 / TICKS;
		}
	}

	static long ticks(int pid) {
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
