package cn.doudi.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.ingest.RosterImports;
import cn.doudi.payroll.MonthEnd;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.sampledata.ProvinceGenerator;
import cn.doudi.sampledata.ProvinceSet;

/**
 * {@code bench month-end --counties=N}: generates a province once ({@link ProvinceGenerator}), imports its first
 * month (the import's COPY path, then one ANALYZE of the whole database), and runs the same month in each mode —
 * one in-process thread, N threads ({@code month-end --threads=N}'s partitions) and, with {@code --workers=W}, W
 * remote workers ({@link RemoteWorkersBench}: child JVMs over RabbitMQ; {@code --workers=1,2}: a column for one
 * worker, then one for two, so that one remote worker against one in-process thread shows the distribution's own
 * cost on the same cores, apart from the cores two workers share) — printing side by side the lines/s, each
 * against one thread, lines per JVM CPU second, the peak heap (per worker for the remote column, with each worker's
 * live heap before and after the round) and PostgreSQL's share of the wall time
 * ({@link PostgresCpu}). A line's CPU is shown twice: over the month's JVMs (the bench's; remote: the workers' and
 * the manager's) and over the JVM computing the counties while their partitions ran (each partition records its
 * JVM's CPU time, in process and in a worker alike), the second comparing the same work measured the same way. Every round re-runs the month over the previous
 * round's drafts, as {@code month-end} does when a month is re-computed. Before the measured rounds, {@code
 * --warm-up} unmeasured rounds (default 1) warm this JVM and, apart, the workers (JIT, the notices' fonts), so
 * that warm JVMs are compared. README "Province speed".
 */
final class ProvinceBench {

	/**
	 * One measured month-end of every county in one mode; {@code workers}: the remote workers' shares (the peak heap
	 * is then the largest worker's, the JVM CPU the workers' and the manager's); {@code partitionCpuMs}: the CPU of
	 * the JVM(s) computing the counties while their partitions ran, summed over the partitions ({@code
	 * threadCpuMs}: their threads' part), -1 where several partitions shared a JVM at once (their windows overlap).
	 */
	record Round(String mode, long lines, long wallMs, long partitionsMs, long peakHeapMb, long postgresMs,
			long jvmCpuMs, long partitionCpuMs, long threadCpuMs, List<RemoteWorkersBench.WorkerFigures> workers) {

		Round(String mode, long lines, long wallMs, long partitionsMs, long peakHeapMb, long postgresMs,
				long jvmCpuMs, long partitionCpuMs, long threadCpuMs) {
			this(mode, lines, wallMs, partitionsMs, peakHeapMb, postgresMs, jvmCpuMs, partitionCpuMs, threadCpuMs,
					List.of());
		}

		/** The lines over the CPU of the JVM computing the counties while they ran: the same thing in every mode. */
		long linesPerPartitionCpuSecond() {
			return partitionCpuMs < 0 ? -1 : lines * 1000 / Math.max(1, partitionCpuMs);
		}

		long linesPerThreadCpuSecond() {
			return lines * 1000 / Math.max(1, threadCpuMs);
		}

		/** The manager's CPU (remote: the month's JVMs less the workers'). */
		long managerCpuMs() {
			return workers.isEmpty() ? 0 : jvmCpuMs - workers.stream().mapToLong(RemoteWorkersBench.WorkerFigures::jvmCpuMs).sum();
		}

		long linesPerSecond() {
			return lines * 1000 / Math.max(1, wallMs);
		}

		/** The lines over the JVMs' CPU time: the cost of a line, whatever the load of a shared machine. */
		long linesPerCpuSecond() {
			return lines * 1000 / Math.max(1, jvmCpuMs);
		}
	}

	private final RosterImports imports;
	private final MonthEnd monthEnd;
	private final JdbcTemplate jdbc;
	private final JobRepository jobs;
	private final RemoteWorkersBench.Settings remote;

	ProvinceBench(RosterImports imports, MonthEnd monthEnd, JdbcTemplate jdbc, JobRepository jobs,
			RemoteWorkersBench.Settings remote) {
		this.imports = imports;
		this.monthEnd = monthEnd;
		this.jdbc = jdbc;
		this.jobs = jobs;
		this.remote = remote;
	}

	void run(Path dir, long seed, String province, int counties, int households, int threads, List<Integer> workers,
			int rounds, int warmUps) throws Exception {
		Path data = dir.resolve("province-" + province + "-" + counties + "x" + households);
		long t = System.nanoTime();
		ProvinceSet set;
		try {
			set = new ProvinceGenerator().generate(data, seed, province, counties, households);
		}
		catch (IllegalArgumentException e) {
			throw new CommandFailedException(e.getMessage(), 2);
		}
		line("generated province %s: %d counties × %,d households → %,d households, %,d persons on the first month's rosters, %,d roster rows in %s: %,d ms",
				province, counties, households, set.households(), set.persons(), set.rows().get(set.firstMonth()), data,
				ms(t));
		t = System.nanoTime();
		YearMonth month = SampleImport.firstMonth(imports, data, MonthEndBenchCommand.ADMIN,
				MonthEndBenchCommand.OPERATOR);
		long importMs = ms(t);
		t = System.nanoTime();
		jdbc.execute("analyze");
		line("imported %s (COPY): %,d ms; one ANALYZE of the database afterwards: %,d ms; %,d rows in current_beneficiary",
				month, importMs, ms(t), count("select count(*) from current_beneficiary"));
		PostgresCpu postgres = new PostgresCpu(jdbc);
		line("machine: %d cores, load average %s; max heap %,d MiB; PostgreSQL CPU readable from /proc: %s",
				Runtime.getRuntime().availableProcessors(), loadAverage(), Runtime.getRuntime().maxMemory() >> 20,
				postgres.available() ? "yes" : "no (server elsewhere: its share is not shown)");

		if (rounds == 0) {
			return; // generated and imported only: the database is ready for EXPLAIN
		}
		List<Round> medians = new ArrayList<>();
		// this JVM warm (its JIT, the notices' fonts), as the workers will be: the measured rounds compare warm JVMs
		for (int r = 1; r <= warmUps; r++) {
			Round round = inProcess(month, threads, dir.resolve("province-month-end").resolve("warm-up-" + r), postgres);
			line("warm-up round %d (not measured; %d threads): %,d lines in %,d ms, load %s", r, threads, round.lines(),
					round.wallMs(), loadAverage());
		}
		for (int n : threads == 1 ? List.of(1) : List.of(1, threads)) {
			List<Round> all = new ArrayList<>();
			for (int r = 1; r <= rounds; r++) {
				Round round;
				try {
					round = inProcess(month, n, dir.resolve("province-month-end").resolve(n + "-threads-round-" + r),
							postgres);
				}
				catch (RuntimeException e) {
					// shown, not hidden: the other modes' figures still print
					line("%d threads, round %d: failed: %s", n, r, e.getCause());
					continue;
				}
				all.add(round);
				line("%s, round %d: %,d lines in %,d ms (%,d lines/s; partitions %,d ms), peak heap %,d MiB, load %s",
						round.mode(), r, round.lines(), round.wallMs(), round.linesPerSecond(), round.partitionsMs(),
						round.peakHeapMb(), loadAverage());
			}
			if (!all.isEmpty()) {
				all.sort(Comparator.comparingLong(Round::wallMs));
				medians.add(all.get((all.size() - 1) / 2));
			}
		}
		for (int w : workers) {
			remote(month, w, rounds, warmUps, dir, postgres, workers.size() > 1).ifPresent(medians::add);
		}
		if (!medians.isEmpty()) {
			print(medians, set, counties, warmUps);
		}
	}

	/** The month through {@code workers} remote workers (child JVMs over RabbitMQ), or empty when it cannot run here. */
	private java.util.Optional<Round> remote(YearMonth month, int workers, int rounds, int warmUps, Path dir,
			PostgresCpu postgres, boolean severalColumns) throws Exception {
		java.util.Optional<String> why = RemoteWorkersBench.unavailable(remote);
		if (why.isPresent()) {
			line("%s", why.get());
			return java.util.Optional.empty();
		}
		String mode = workers + (workers == 1 ? " worker" : " workers") + " (remote)";
		List<Round> all = new ArrayList<>();
		// one folder per column when there are several (--workers=1,2): each column's logs and files apart
		String column = severalColumns ? "-" + workers : "";
		Path logs = dir.resolve("province-remote" + column);
		try (RemoteWorkersBench bench = new RemoteWorkersBench(remote, logs, jdbc, jobs)) {
			long t = System.nanoTime();
			bench.start(workers);
			line("%d doudi worker processes (--threads=1, -Xmx%,dm each) ready in %,d ms; logs in %s", workers,
					Runtime.getRuntime().maxMemory() >> 20, ms(t), logs);
			// the workers warm (their JIT, their notices' fonts), as the in-process JVM is; each round's manager is a
			// fresh JVM, as the clerk's month-end is
			for (int r = 1; r <= warmUps; r++) {
				RemoteWorkersBench.Measured m;
				try {
					m = bench.round(month, dir.resolve("province-month-end").resolve("remote" + column + "-warm-up-" + r),
							"warm-up-" + r, postgres);
				}
				catch (RuntimeException e) {
					line("%s, warm-up round %d: failed: %s", mode, r, e.getMessage());
					continue;
				}
				line("%s, warm-up round %d (not measured): %,d lines in %,d ms; workers busy %s ms, load %s", mode, r,
						m.lines(), m.wallMs(), m.workers().stream().map(w -> String.format("%,d", w.busyMs())).toList(),
						loadAverage());
			}
			for (int r = 1; r <= rounds; r++) {
				RemoteWorkersBench.Measured m;
				try {
					m = bench.round(month, dir.resolve("province-month-end").resolve("remote" + column + "-round-" + r),
							"round-" + r, postgres);
				}
				catch (RuntimeException e) {
					line("%s, round %d: failed: %s", mode, r, e.getMessage());
					continue;
				}
				long peak = m.workers().stream().mapToLong(RemoteWorkersBench.WorkerFigures::peakHeapMb).max().orElse(0);
				long partitionCpu = m.workers().stream().mapToLong(RemoteWorkersBench.WorkerFigures::partitionCpuMs).sum();
				long threadCpu = m.workers().stream().mapToLong(RemoteWorkersBench.WorkerFigures::threadCpuMs).sum();
				Round round = new Round(mode, m.lines(), m.wallMs(), partitionsMs(), peak, m.postgresMs(), m.jvmCpuMs(),
						partitionCpu, threadCpu, m.workers());
				all.add(round);
				line("%s, round %d: %,d lines in %,d ms (%,d lines/s; partitions %,d ms; the manager JVM's whole life %,d ms;"
						+ " JVM CPU %,d ms, of which the manager's %,d ms), load %s", mode, r, round.lines(), round.wallMs(),
						round.linesPerSecond(), round.partitionsMs(), m.managerMs(), m.jvmCpuMs(), m.managerCpuMs(),
						loadAverage());
				for (RemoteWorkersBench.WorkerFigures w : m.workers()) {
					line("  worker %s: %d counties, %,d lines, busy %,d ms (%,d lines/s), peak heap %,d MiB,"
							+ " live heap before / after the round %,d / %,d MiB; JVM CPU %,d ms, of which in its partitions"
							+ " %,d ms (%,d lines/CPU s; their thread %,d ms)", w.worker(), w.counties(), w.lines(),
							w.busyMs(), w.linesPerSecond(), w.peakHeapMb(), w.liveHeapBeforeMb(), w.liveHeapAfterMb(),
							w.jvmCpuMs(), w.partitionCpuMs(), w.linesPerPartitionCpuSecond(), w.threadCpuMs());
				}
			}
		}
		if (all.isEmpty()) {
			return java.util.Optional.empty();
		}
		all.sort(Comparator.comparingLong(Round::wallMs));
		return java.util.Optional.of(all.get((all.size() - 1) / 2));
	}

	/** Month-end of every county, its county partitions computed by {@code n} threads ({@code month-end --threads=n}). */
	private Round inProcess(YearMonth month, int n, Path folder, PostgresCpu postgres) throws Exception {
		System.gc();
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(p -> p.getType() == MemoryType.HEAP)
			.toList();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		long cpu = os.getProcessCpuTime();
		Map<Integer, Long> pgBefore = postgres.sample();
		long t = System.nanoTime();
		// month-end's own partitioned path (one partition per county, n threads of this process)
		List<PayrollRun> runs = monthEnd.run(month, List.of(), null, folder, MonthEndBenchCommand.FINANCE,
				new MonthEnd.Listener() {
					@Override
					public void computed(PayrollRun run) {
					}

					@Override
					public void refused(String county, String reason) {
						throw new CommandFailedException("bench month-end " + month + " refused for " + county + ": " + reason);
					}
				}, n).runs();
		long wall = ms(t);
		long pg = PostgresCpu.millisBetween(pgBefore, postgres.sample());
		long jvm = (os.getProcessCpuTime() - cpu) / 1_000_000;
		long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
		String ids = runs.stream().map(r -> String.valueOf(r.id())).reduce((a, b) -> a + "," + b).orElse("0");
		long lines = count("select count(*) from payment_line where run_id in (" + ids + ")");
		long[] partitionCpu = partitionCpu();
		return new Round(n == 1 ? "1 thread" : n + " threads", lines, wall, partitionsMs(), peak, pg, jvm,
				n == 1 ? partitionCpu[0] : -1, partitionCpu[1]);
	}

	/**
	 * The CPU the latest {@code monthEndCountiesJob}'s partitions recorded, summed, ms: their JVM's while each ran,
	 * and their own threads' ({@code processCpuMs}, {@code threadCpuMs} of each partition's ExecutionContext).
	 */
	private long[] partitionCpu() {
		Long id = jdbc.queryForObject("""
				select max(e.job_execution_id) from batch_job_execution e
				join batch_job_instance i on i.job_instance_id = e.job_instance_id
				where i.job_name = 'monthEndCountiesJob'""", Long.class);
		var execution = id == null ? null : jobs.getJobExecution(id);
		long[] cpu = new long[2];
		if (execution != null) {
			for (var p : execution.getStepExecutions()) {
				cpu[0] += p.getExecutionContext().getLong("processCpuMs", 0L);
				cpu[1] += p.getExecutionContext().getLong("threadCpuMs", 0L);
			}
		}
		return cpu;
	}

	/**
	 * The wall time of the latest {@code monthEndCountiesJob} execution (Batch's start and end): the counties'
	 * partitions, checks and lines, wherever they ran; the rest of a round is the files, written by the manager.
	 */
	private long partitionsMs() {
		Long ms = jdbc.queryForObject("""
				select (extract(epoch from (e.end_time - e.start_time)) * 1000)::bigint from batch_job_execution e
				join batch_job_instance i on i.job_instance_id = e.job_instance_id
				where i.job_name = 'monthEndCountiesJob' order by e.job_execution_id desc limit 1""", Long.class);
		return ms == null ? 0 : ms;
	}

	private void print(List<Round> rounds, ProvinceSet set, int counties, int warmUps) {
		Round one = rounds.get(0);
		line("");
		line("province: %d counties, %,d persons, %,d households (first month's rosters)", counties, set.persons(),
				set.households());
		line("%-22s %11s %10s %9s %11s %10s %10s %9s %14s %12s %11s %13s %16s %11s %18s", "mode (median round)", "lines",
				"ms", "lines/s", "vs 1 thread", "peak heap", "PG share", "JVM CPU", "partitions ms", "lines/CPU s",
				"vs 1 thread", "part. CPU ms", "lines/part.CPU s", "vs 1 thread", "lines/thread CPU s");
		for (Round r : rounds) {
			line("%-22s %,11d %,10d %,9d %10.0f%% %,7d MiB %9.0f%% %8.0f%% %,14d %,12d %10.0f%% %13s %16s %11s %,18d",
					r.mode(), r.lines(), r.wallMs(), r.linesPerSecond(),
					100.0 * r.linesPerSecond() / Math.max(1, one.linesPerSecond()), r.peakHeapMb(),
					100.0 * r.postgresMs() / Math.max(1, r.wallMs()), 100.0 * r.jvmCpuMs() / Math.max(1, r.wallMs()),
					r.partitionsMs(), r.linesPerCpuSecond(),
					100.0 * r.linesPerCpuSecond() / Math.max(1, one.linesPerCpuSecond()),
					r.partitionCpuMs() < 0 ? "—" : String.format("%,d", r.partitionCpuMs()),
					r.partitionCpuMs() < 0 ? "—" : String.format("%,d", r.linesPerPartitionCpuSecond()),
					r.partitionCpuMs() < 0 || one.partitionCpuMs() < 0 ? "—"
							: String.format("%.0f%%", percent(r.linesPerPartitionCpuSecond(), one.linesPerPartitionCpuSecond())),
					r.linesPerThreadCpuSecond());
			if (!r.workers().isEmpty()) {
				long each = r.linesPerSecond() / r.workers().size();
				line("%-22s %11s %10s %,9d %10.0f%%   (the month's lines/s ÷ %d workers)", "  per worker", "", "", each,
						100.0 * each / Math.max(1, one.linesPerSecond()), r.workers().size());
			}
			int i = 0;
			for (RemoteWorkersBench.WorkerFigures w : r.workers()) {
				line("%-22s %,11d %,10d %,9d %10.0f%% %,7d MiB   (%d counties; live heap before / after the round %,d / %,d MiB; ms: its partitions' time, checks, lines and the county's bank files and notices; JVM CPU %,d ms, %,d of it in its partitions; %s)",
						"  worker " + ++i, w.lines(), w.busyMs(), w.linesPerSecond(),
						100.0 * w.linesPerSecond() / Math.max(1, one.linesPerSecond()), w.peakHeapMb(), w.counties(),
						w.liveHeapBeforeMb(), w.liveHeapAfterMb(), w.jvmCpuMs(), w.partitionCpuMs(), w.worker());
			}
		}
		rounds.stream()
			.filter(r -> r.workers().size() == 1)
			.findFirst()
			.filter(r -> one.workers().isEmpty())
			.ifPresent(r -> line("%s", distributionCost(one, r)));
		line("PG share: CPU time of this database's PostgreSQL server processes / wall time (100%% = one core busy);"
				+ " JVM CPU likewise for the month-end's JVM (remote: the workers' and the manager's JVMs);"
				+ " lines/CPU s: the lines over that JVM CPU time, what a line costs whatever else the machine runs;"
				+ " part. CPU ms: the CPU of the JVM computing the counties (this one; remote: the workers') while their partitions ran,"
				+ " the same measure in process and in a worker (— where several partitions shared a JVM at once),"
				+ " lines/part.CPU s the lines over it; lines/thread CPU s: over the partitions' own threads' CPU (not the notices' renderers, the collector, the compiler);"
				+ " remote wall: from the round's first run to the manager's exit (its JVM start-up excluded);"
				+ " partitions ms: the counties' partitioned job (checks, lines, each county's bank files and notices), the rest being the manager's month-wide files;"
				+ " --threads=N bounds all of a process's month-end parallelism (the partitions and the notices' renderers; each worker --threads=1);"
				+ " measured after %d unmeasured warm-up round(s) of this JVM and of the workers (JIT, fonts; each round's manager is a fresh JVM)."
				+ " load average at the end: %s", warmUps, loadAverage());
	}

	/**
	 * One remote worker against one in-process thread ({@code --workers=1,…}): the same work on the same cores, one
	 * process computing the counties either way, so what differs is the distribution's own cost — the manager JVM
	 * beside the worker, the broker's hand-over, the job repository's polling and the partitions' heartbeats — apart
	 * from the cores several workers share. The month, its partitioned job and what the manager writes after it
	 * (the month-wide files), each against the thread's; the worker's own lines/s (its partitions' time); lines per
	 * JVM CPU second; and a line's CPU measured the same way on both sides — the JVM computing the counties while
	 * their partitions ran — with what the worker's JVM spent between its partitions and what the manager spent.
	 */
	static String distributionCost(Round thread, Round worker) {
		RemoteWorkersBench.WorkerFigures w = worker.workers().get(0);
		return String.format(java.util.Locale.ROOT, "distribution's own cost, 1 remote worker against 1 in-process thread"
				+ " (the same cores): the month %,d against %,d ms (lines/s %.0f %% of the thread's); its partitioned job"
				+ " %,d against %,d ms (%.0f %% of the thread's speed); outside it (the counties' runs prepared before it, the"
				+ " month-wide files after it) %,d against %,d ms; the"
				+ " worker's own lines/s %,d, %.0f %% of the thread's; lines per JVM CPU s %,d against %,d (%.0f %%);"
				+ " in the partitions, lines per CPU s of the JVM computing them %,d against %,d (%.0f %%), of their threads"
				+ " %,d against %,d (%.0f %%); besides, the worker's JVM between its partitions %,d ms CPU and the manager's"
				+ " JVM %,d ms",
				worker.wallMs(), thread.wallMs(), percent(worker.linesPerSecond(), thread.linesPerSecond()),
				worker.partitionsMs(), thread.partitionsMs(), percent(thread.partitionsMs(), worker.partitionsMs()),
				Math.max(0, worker.wallMs() - worker.partitionsMs()), Math.max(0, thread.wallMs() - thread.partitionsMs()),
				w.linesPerSecond(), percent(w.linesPerSecond(), thread.linesPerSecond()), worker.linesPerCpuSecond(),
				thread.linesPerCpuSecond(), percent(worker.linesPerCpuSecond(), thread.linesPerCpuSecond()),
				worker.linesPerPartitionCpuSecond(), thread.linesPerPartitionCpuSecond(),
				percent(worker.linesPerPartitionCpuSecond(), thread.linesPerPartitionCpuSecond()),
				worker.linesPerThreadCpuSecond(), thread.linesPerThreadCpuSecond(),
				percent(worker.linesPerThreadCpuSecond(), thread.linesPerThreadCpuSecond()),
				Math.max(0, w.jvmCpuMs() - w.partitionCpuMs()), worker.managerCpuMs());
	}

	/** {@code part} as a percentage of {@code whole} (a speed against another, or a time's inverse). */
	private static double percent(long part, long whole) {
		return 100.0 * part / Math.max(1, whole);
	}

	private long count(String sql) {
		Long n = jdbc.queryForObject(sql, Long.class);
		return n == null ? 0 : n;
	}

	private static long ms(long since) {
		return (System.nanoTime() - since) / 1_000_000;
	}

	static String loadAverage() {
		try {
			String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return f[0] + " " + f[1] + " " + f[2];
		}
		catch (Exception e) {
			return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

	private static void line(String format, Object... args) {
		System.out.printf(format + "%n", args);
	}
}
