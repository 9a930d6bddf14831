package cn.doudi.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The remote column of {@code bench month-end --counties=N --workers=W}: W {@code doudi worker --threads=1} child
 * JVMs (this JVM's classpath and {@code -Xmx}, the same {@code --db-url}, a {@code --home} each, a queue of the
 * bench's own on the RabbitMQ of {@code spring.rabbitmq.*}), started and ready before the rounds, and per round a
 * manager child JVM running {@code month-end --workers=remote} as the clerk would. A round's wall time runs from
 * the first of its new runs ({@code payroll_run.created_at}: the manager's start-up is not month-end's) to the
 * manager's exit. Each worker's counties, lines, busy time, CPU and peak heap come from the job repository: the
 * partitions' ExecutionContext, where a worker writes {@code worker}, {@code peakHeapBytes}, and every partition
 * its JVM's and its thread's CPU time {@code processCpuMs}, {@code threadCpuMs} ({@code
 * payroll.batch.CountyMonthEndStep}); each worker's whole CPU over the round from {@code /proc}; its live heap
 * before and after the round from outside it ({@link LiveHeap}: a full collection between rounds, none during one).
 */
final class RemoteWorkersBench implements AutoCloseable {

	/** Where the children connect. {@code dbUrl} empty: the embedded database (this process's only). */
	record Settings(String dbUrl, String dbUser, String dbPassword, String rabbitHost, int rabbitPort,
			String rabbitUser, String rabbitPassword, String user, String password) {
	}

	/**
	 * One worker's share of a round; {@code peakHeapMb}: the largest of its partitions' peaks; {@code
	 * liveHeapBeforeMb}, {@code liveHeapAfterMb}: its live heap (after a full collection, {@link LiveHeap}) before
	 * and after the round (what it still holds of the counties it ran: flat when nothing accumulates per county;
	 * -1: not measured); {@code partitionCpuMs}: its JVM's CPU while its partitions ran, {@code threadCpuMs} their
	 * threads' part of it, {@code jvmCpuMs} its JVM's CPU over the whole round (between partitions too).
	 */
	record WorkerFigures(String worker, int counties, long lines, long busyMs, long peakHeapMb, long liveHeapBeforeMb,
			long liveHeapAfterMb, long partitionCpuMs, long threadCpuMs, long jvmCpuMs) {

		long linesPerSecond() {
			return lines * 1000 / Math.max(1, busyMs);
		}

		/** Its lines over its JVM's CPU while its partitions ran: the in-process thread's figure, measured alike. */
		long linesPerPartitionCpuSecond() {
			return lines * 1000 / Math.max(1, partitionCpuMs);
		}

		long pid() {
			String pid = worker.substring(0, Math.max(0, worker.indexOf('@')));
			return pid.chars().allMatch(Character::isDigit) && !pid.isEmpty() ? Long.parseLong(pid) : -1;
		}
	}

	/**
	 * A measured round, with the manager's whole life (JVM start-up included) beside it; {@code jvmCpuMs}: the
	 * workers' and the manager's CPU over the round, {@code managerCpuMs} the manager's part of it.
	 */
	record Measured(long lines, long wallMs, long managerMs, long postgresMs, long jvmCpuMs, long managerCpuMs,
			List<WorkerFigures> workers) {
	}

	private static final String READY = "月结工作进程已就绪";

	private final Settings settings;
	private final Path dir;
	private final JdbcTemplate jdbc;
	private final JobRepository jobs;
	private final String queue = "doudi.bench." + UUID.randomUUID();
	private final List<Process> workers = new ArrayList<>();

	RemoteWorkersBench(Settings settings, Path dir, JdbcTemplate jdbc, JobRepository jobs) {
		this.settings = settings;
		this.dir = dir;
		this.jdbc = jdbc;
		this.jobs = jobs;
	}

	/** Why the remote column cannot be measured here (in Chinese and English), or empty when it can. */
	static Optional<String> unavailable(Settings s) {
		if (s.dbUrl() == null || s.dbUrl().isBlank()) {
			return Optional.of("远程工作进程一栏跳过：内嵌数据库只属于本进程，工作进程连不上（用 --db-url 指向共享的 PostgreSQL）"
					+ " / remote workers column skipped: the embedded database is this process's own; give --db-url");
		}
		CachingConnectionFactory broker = new CachingConnectionFactory(s.rabbitHost(), s.rabbitPort());
		broker.setUsername(s.rabbitUser());
		broker.setPassword(s.rabbitPassword());
		try {
			broker.createConnection().close();
			return Optional.empty();
		}
		catch (RuntimeException e) {
			return Optional.of("远程工作进程一栏跳过：无法连接 RabbitMQ（" + s.rabbitHost() + ":" + s.rabbitPort() + "）："
					+ DoudiCli.rootMessage(e) + " / remote workers column skipped: RabbitMQ not reachable");
		}
		finally {
			broker.destroy();
		}
	}

	/** Starts the workers and waits until each says it is ready. */
	void start(int count) throws Exception {
		Files.createDirectories(dir);
		for (int i = 1; i <= count; i++) {
			workers.add(child("worker-" + i, false, "worker", "--threads=1"));
		}
		long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
		for (int i = 1; i <= count; i++) {
			Process w = workers.get(i - 1);
			while (!log("worker-" + i).contains(READY)) {
				if (!w.isAlive() || System.nanoTime() > until) {
					throw new IllegalStateException("worker-" + i + " did not start: " + tail(log("worker-" + i)));
				}
				Thread.sleep(250);
			}
		}
	}

	List<Long> workerPids() {
		return workers.stream().map(Process::pid).toList();
	}

	/** One month-end of every county through the workers (a manager child JVM, its log {@code manager-<round>.log}). */
	Measured round(YearMonth month, Path folder, String round, PostgresCpu postgres) throws Exception {
		// each worker's live heap, and the collection the in-process column makes before its round, outside the round
		Map<Long, Long> heapBefore = liveHeaps();
		PostgresCpu.Sampling cpu = postgres.sampling(workerPids());
		long start = System.currentTimeMillis();
		String name = "manager-" + round;
		Process manager = child(name, true, "month-end", "--month=" + month, "--out=" + folder.toAbsolutePath(),
				"--user=" + settings.user(), "--workers=remote");
		cpu.add(manager.pid());
		if (!manager.waitFor(6, TimeUnit.HOURS)) {
			manager.destroyForcibly();
		}
		long end = System.currentTimeMillis();
		long pg = cpu.stop();
		Map<Long, Long> heapAfter = liveHeaps();
		if (manager.exitValue() != 0) {
			throw new IllegalStateException("the manager's month-end exited " + manager.exitValue() + ": "
					+ tail(log(name)));
		}
		List<Map<String, Object>> runs = jdbc.queryForList("""
				select id, county, (extract(epoch from created_at) * 1000)::bigint as created,
				       (select count(*) from payment_line l where l.run_id = r.id) as lines
				from payroll_run r where month = ? and status = 'DRAFT' order by county""", month.toString());
		long first = runs.stream().mapToLong(r -> ((Number) r.get("created")).longValue()).min().orElse(start);
		Map<String, Long> linesOf = new TreeMap<>();
		runs.forEach(r -> linesOf.put((String) r.get("county"), ((Number) r.get("lines")).longValue()));
		long lines = linesOf.values().stream().mapToLong(Long::longValue).sum();
		long from = Math.max(start, first);
		// the JVMs' CPU over the month: the workers', and the manager's from its first run (its start-up left out)
		long managerCpu = cpu.childMillisSince(manager.pid(), from);
		Map<Long, Long> workerCpu = new LinkedHashMap<>();
		workerPids().forEach(pid -> workerCpu.put(pid, cpu.childMillisSince(pid, from)));
		long jvmCpu = workerCpu.values().stream().mapToLong(Long::longValue).sum() + managerCpu;
		List<WorkerFigures> figures = perWorker(linesOf).stream()
			.map(w -> new WorkerFigures(w.worker(), w.counties(), w.lines(), w.busyMs(), w.peakHeapMb(),
					heapBefore.getOrDefault(w.pid(), -1L), heapAfter.getOrDefault(w.pid(), -1L), w.partitionCpuMs(),
					w.threadCpuMs(), workerCpu.getOrDefault(w.pid(), 0L)))
			.toList();
		return new Measured(lines, end - from, end - start, pg, jvmCpu, managerCpu, figures);
	}

	/** Each worker's live heap, MiB, after a full collection ({@link LiveHeap}); a worker not attached is left out. */
	private Map<Long, Long> liveHeaps() {
		Map<Long, Long> out = new LinkedHashMap<>();
		for (long pid : workerPids()) {
			LiveHeap.afterFullCollection(pid).ifPresent(bytes -> out.put(pid, bytes >> 20));
		}
		return out;
	}

	/** The counties' partitions of the latest {@code monthEndCountiesJob} execution, grouped by worker. */
	private List<WorkerFigures> perWorker(Map<String, Long> linesOf) {
		Long id = jdbc.queryForObject("""
				select max(e.job_execution_id) from batch_job_execution e
				join batch_job_instance i on i.job_instance_id = e.job_instance_id
				where i.job_name = 'monthEndCountiesJob'""", Long.class);
		JobExecution execution = id == null ? null : jobs.getJobExecution(id);
		Map<String, long[]> by = new LinkedHashMap<>(); // counties, lines, busy ms, peak heap, JVM CPU, thread CPU
		List<StepExecution> partitions = new ArrayList<>();
		if (execution != null) {
			partitions.addAll(execution.getStepExecutions());
			// in the order they started, so that a worker's first and last partitions are known
			partitions.sort(java.util.Comparator.comparing(StepExecution::getStartTime,
					java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
			for (StepExecution p : partitions) {
				if (!p.getExecutionContext().containsKey("worker")) {
					continue; // the manager step, or a partition no worker finished
				}
				String county = p.getExecutionContext().getString("county");
				long[] w = by.computeIfAbsent(p.getExecutionContext().getString("worker"), k -> new long[6]);
				w[0]++;
				w[1] += linesOf.getOrDefault(county, 0L);
				LocalDateTime s = p.getStartTime();
				LocalDateTime e = p.getEndTime();
				w[2] += s == null || e == null ? 0 : Duration.between(s, e).toMillis();
				w[3] = Math.max(w[3], p.getExecutionContext().getLong("peakHeapBytes"));
				w[4] += p.getExecutionContext().getLong("processCpuMs", 0L);
				w[5] += p.getExecutionContext().getLong("threadCpuMs", 0L);
			}
		}
		List<WorkerFigures> out = new ArrayList<>();
		by.forEach((k, w) -> out.add(new WorkerFigures(k, (int) w[0], w[1], w[2], w[3] >> 20, -1, -1, w[4], w[5], 0)));
		return out;
	}

	private Process child(String name, boolean manager, String... command) throws IOException {
		List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx" + (Runtime.getRuntime().maxMemory() >> 20) + "m", "-Ddoudi.workers.queue=" + queue,
				"-Dspring.rabbitmq.host=" + settings.rabbitHost(), "-Dspring.rabbitmq.port=" + settings.rabbitPort(),
				"-Dspring.rabbitmq.username=" + settings.rabbitUser()));
		String classPath = System.getProperty("java.class.path");
		if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
			cmd.addAll(List.of("-jar", classPath)); // java -jar doudi.jar: the same jar
		}
		else {
			cmd.addAll(List.of("-cp", classPath, "cn.doudi.DoudiApplication"));
		}
		cmd.addAll(List.of("--db-url=" + settings.dbUrl(), "--db-user=" + settings.dbUser(),
				"--home=" + dir.resolve("home-" + name).toAbsolutePath()));
		if (settings.dbPassword() != null && !settings.dbPassword().isEmpty()) {
			cmd.add("--db-password=" + settings.dbPassword());
		}
		cmd.addAll(List.of(command));
		ProcessBuilder builder = new ProcessBuilder(cmd);
		builder.environment().put("SPRING_RABBITMQ_PASSWORD", settings.rabbitPassword());
		if (manager) {
			builder.environment().put("DOUDI_PASSWORD", settings.password());
		}
		return builder.redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
	}

	private String log(String name) {
		try {
			Path log = dir.resolve(name + ".log");
			return Files.exists(log) ? Files.readString(log) : "";
		}
		catch (IOException e) {
			return "";
		}
	}

	private static String tail(String log) {
		List<String> lines = log.lines().toList();
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
	}

	/** Stops the workers (as Ctrl+C would) and removes the bench's queue. */
	@Override
	public void close() {
		for (Process w : workers) {
			w.destroy();
		}
		for (Process w : workers) {
			try {
				if (!w.waitFor(60, TimeUnit.SECONDS)) {
					w.destroyForcibly();
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				w.destroyForcibly();
			}
		}
		CachingConnectionFactory broker = new CachingConnectionFactory(settings.rabbitHost(), settings.rabbitPort());
		broker.setUsername(settings.rabbitUser());
		broker.setPassword(settings.rabbitPassword());
		try {
			new RabbitAdmin(broker).deleteQueue(queue);
		}
		catch (RuntimeException e) {
			// the queue stays; it is the bench's own and empty
		}
		finally {
			broker.destroy();
		}
	}
}
