package cn.doudi.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.ingest.RosterImports;
import cn.doudi.payroll.MonthEnd;
import cn.doudi.payroll.MonthEndPhases;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.sampledata.ProvinceGenerator;
import cn.doudi.sampledata.SampleDataGenerator;
import cn.doudi.security.AccessControl;
import cn.doudi.security.Passwords;
import cn.doudi.security.Role;
import io.micrometer.core.instrument.MeterRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench month-end --households=N}: generates a sample city of N households, imports its first month
 * and prints, side by side in one run, the floor — PostgreSQL reading every {@code current_*} view
 * ({@code COPY (select …) TO STDOUT}) and storing as many lines as month-end wrote ({@code COPY … FROM
 * STDIN} into a plain logged scratch table) — and month-end with each of its phases ({@link
 * MonthEndPhases}), and the whole month against the floor. README "Month-end speed".
 */
@Command(name = "month-end", description = "月结性能测试：生成 N 户的样例城市并导入，比较月结各阶段与 PostgreSQL 直接读写（需要空数据库）。")
class MonthEndBenchCommand implements Callable<Integer> {

	static final String ADMIN = "bench-admin";
	static final String OPERATOR = "bench-operator";
	static final String FINANCE = "bench-finance";

	@Option(names = "--households", description = "样例城市的户数（默认 40000）；与 --counties 一起：每个区县的户数（默认 3000）")
	Integer households;

	@Option(names = "--counties", description = "省级测试：生成并导入一个省 N 个区县的样例，比较 1 个线程与 --threads 个线程的月结")
	Integer counties;

	@Option(names = "--province", defaultValue = ProvinceGenerator.HENAN, description = "省级区划代码（默认 ${DEFAULT-VALUE} 河南）")
	String province;

	@Option(names = "--threads", defaultValue = "2", description = "省级测试的线程数（默认 2）")
	int threads;

	@Option(names = "--workers", defaultValue = "0", split = ",", converter = WorkerCounts.class, description = "省级测试：另用 W 个 doudi worker 子进程（经 RabbitMQ）计算同一个月，比较每个工作进程的速度与堆峰值；可给几个，如 1,2：1 个工作进程对 1 个线程即分布式本身的开销（默认 0：不测；需要 --db-url）")
	List<Integer> workers;

	@Option(names = "--rounds", defaultValue = "3", description = "测量几轮，报告月结用时居中的一轮（默认 3）")
	int rounds;

	@Option(names = "--warm-up", defaultValue = "1", description = "省级测试：每种方式（本进程、远程工作进程）先跑几轮不计时的预热（JIT、字体；默认 1）")
	int warmUps;

	@Option(names = "--seed", defaultValue = "" + SampleDataGenerator.DEFAULT_SEED, description = "随机种子")
	long seed;

	@Option(names = "--dir", defaultValue = "bench-data", description = "生成的样例数据与月结文件放在哪里")
	Path dir;

	private final RosterImports imports;
	private final MonthEnd monthEnd;
	private final AccessControl access;
	private final JdbcTemplate jdbc;
	private final DataSource dataSource;
	private final MeterRegistry meters;
	private final JobRepository jobs;
	private final Passwords passwords;
	private final Environment environment;

	MonthEndBenchCommand(RosterImports imports, MonthEnd monthEnd, AccessControl access, JdbcTemplate jdbc,
			DataSource dataSource, MeterRegistry meters, JobRepository jobs, Passwords passwords,
			Environment environment) {
		this.jobs = jobs;
		this.passwords = passwords;
		this.environment = environment;
		this.imports = imports;
		this.monthEnd = monthEnd;
		this.access = access;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.meters = meters;
	}

	/** One round: the floor's two parts and month-end's phases, in ms. */
	private record Round(long readMs, long readRows, long storeMs, long lines, long monthMs, long[] phaseNanos,
			long peakHeapMb) {

		long floorMs() {
			return readMs + storeMs;
		}
	}

	@Override
	public Integer call() throws Exception {
		if (rounds < (counties != null ? 0 : 1)) {
			throw new CommandFailedException("--rounds 至少为 1（省级测试可为 0：只生成并导入）", 2);
		}
		Integer held = jdbc.queryForObject("select count(*) from import_batch", Integer.class);
		if (held != null && held > 0) {
			throw new CommandFailedException("bench month-end 需要一个没有导入过数据的数据库（此库已有 " + held
					+ " 次导入）：用 --db-url=jdbc:postgresql://127.0.0.1:5432/doudi_bench 或新的 --home");
		}
		PrintStreamOut out = new PrintStreamOut();
		access.add(ADMIN, ADMIN, Role.ADMIN, null);
		access.add(ADMIN, OPERATOR, Role.OPERATOR, null);
		access.add(ADMIN, FINANCE, Role.FINANCE, null);
		if (counties != null) {
			// the remote column's manager proves itself as the bench's finance user by a password of this run
			String password = "Bench-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "-Ok9";
			List<Integer> remoteColumns = WorkerCounts.columns(workers);
			if (!remoteColumns.isEmpty()) {
				passwords.set(FINANCE, FINANCE, password);
			}
			RemoteWorkersBench.Settings remote = new RemoteWorkersBench.Settings(
					environment.getProperty("doudi.db.url", ""), environment.getProperty("doudi.db.user", ""),
					environment.getProperty("doudi.db.password", ""),
					environment.getProperty("spring.rabbitmq.host", "127.0.0.1"),
					environment.getProperty("spring.rabbitmq.port", Integer.class, 5672),
					environment.getProperty("spring.rabbitmq.username", "guest"),
					environment.getProperty("spring.rabbitmq.password", "guest"), FINANCE, password);
			new ProvinceBench(imports, monthEnd, jdbc, jobs, remote).run(dir, seed, province, counties,
					households == null ? 3000 : households, Math.max(1, threads), remoteColumns, rounds,
					Math.max(0, warmUps));
			return 0;
		}
		int households = this.households == null ? 40000 : this.households;

		Path data = dir.resolve("city-" + households);
		long t = System.nanoTime();
		try {
			new SampleDataGenerator().generate(data, seed, households);
		}
		catch (IllegalArgumentException e) {
			throw new CommandFailedException(e.getMessage(), 2);
		}
		out.line("generated %,d households in %s: %,d ms", households, data, ms(t));
		t = System.nanoTime();
		YearMonth month = SampleImport.firstMonth(imports, data, ADMIN, OPERATOR);
		jdbc.execute("analyze");
		long roster = count("select count(*) from current_beneficiary");
		List<String> views = jdbc.queryForList(
				"select table_name from information_schema.views where table_schema = current_schema() and table_name like 'current\\_%' order by 1",
				String.class);
		out.line("imported %s: %,d rows in current_beneficiary, %d current_* views, %,d ms", month, roster,
				views.size(), ms(t));
		out.line("machine: %d cores, load average %s; max heap %,d MiB", Runtime.getRuntime().availableProcessors(),
				loadAverage(), Runtime.getRuntime().maxMemory() >> 20);

		List<Round> all = new ArrayList<>();
		for (int r = 1; r <= rounds; r++) {
			Round round = round(r, month, views, households);
			all.add(round);
			out.line("round %d: month-end %,d ms (%,d lines), floor %,d ms (read %,d rows %,d ms + store %,d ms): %.1f × floor",
					r, round.monthMs(), round.lines(), round.floorMs(), round.readRows(), round.readMs(), round.storeMs(),
					(double) round.monthMs() / Math.max(1, round.floorMs()));
		}
		List<Round> sorted = all.stream().sorted(Comparator.comparingLong(Round::monthMs)).toList();
		Round m = sorted.get((sorted.size() - 1) / 2);
		print(out, m, roster, households);
		out.line("load average at the end: %s", loadAverage());
		return 0;
	}

	private Round round(int r, YearMonth month, List<String> views, int households) throws Exception {
		// the floor's reading: every current_* view the month-end reads, through COPY
		checkpoint();
		long t = System.nanoTime();
		long readRows = 0;
		try (Connection c = dataSource.getConnection()) {
			CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
			for (String v : views) {
				readRows += copy.copyOut("COPY (select * from " + v + ") TO STDOUT", OutputStream.nullOutputStream());
			}
		}
		long readMs = ms(t);

		// month-end, its phases from the meters
		Path folder = dir.resolve("month-end-" + households).resolve("round-" + r);
		checkpoint();
		System.gc();
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(p -> p.getType() == MemoryType.HEAP)
			.toList();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		long[] before = MonthEndPhases.totals(meters);
		t = System.nanoTime();
		MonthEnd.Report report = monthEnd.run(month, List.of(), null, folder, FINANCE, new MonthEnd.Listener() {
			@Override
			public void computed(PayrollRun run) {
			}

			@Override
			public void refused(String county, String reason) {
				throw new CommandFailedException("bench month-end " + month + "：区县 " + county + " 被拒绝：" + reason);
			}
		});
		long monthMs = ms(t);
		long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
		long[] after = MonthEndPhases.totals(meters);
		long[] phases = new long[after.length];
		for (int i = 0; i < phases.length; i++) {
			phases[i] = after[i] - before[i];
		}

		// the floor's storing: the same lines, COPY'd into a plain logged scratch table
		Long[] runs = report.runs().stream().map(PayrollRun::id).toArray(Long[]::new);
		long storeMs;
		long lines;
		try (Connection c = dataSource.getConnection()) {
			CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
			ByteArrayOutputStream text = new ByteArrayOutputStream();
			String ids = java.util.Arrays.stream(runs).map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("0");
			lines = copy.copyOut("COPY (select * from payment_line where run_id in (" + ids + ")) TO STDOUT", text);
			try (var s = c.createStatement()) {
				s.execute("drop table if exists bench_floor_line");
				s.execute("create table bench_floor_line (like payment_line)");
			}
			checkpoint();
			t = System.nanoTime();
			copy.copyIn("COPY bench_floor_line FROM STDIN", new ByteArrayInputStream(text.toByteArray()));
			storeMs = ms(t);
			try (var s = c.createStatement()) {
				s.execute("drop table bench_floor_line");
			}
		}
		return new Round(readMs, readRows, storeMs, lines, monthMs, phases, peak);
	}

	private void print(PrintStreamOut out, Round m, long roster, int households) {
		out.line("");
		out.line("%-34s %10s %9s %12s %8s", "phase (round of median month-end)", "rows", "ms", "rows/s", "share");
		out.row("floor: COPY out every current_* view", m.readRows(), m.readMs(), m.monthMs());
		out.row("floor: COPY in the month's lines", m.lines(), m.storeMs(), m.monthMs());
		out.row("floor (both)", m.lines(), m.floorMs(), m.monthMs());
		long phased = 0;
		for (int i = 0; i < MonthEndPhases.ALL.size(); i++) {
			String p = MonthEndPhases.ALL.get(i);
			long ms = m.phaseNanos()[i] / 1_000_000;
			phased += ms;
			long rows = p.equals(MonthEndPhases.CHECKS) || p.equals(MonthEndPhases.LOAD) ? roster : m.lines();
			out.row("month-end: " + p, rows, ms, m.monthMs());
		}
		if (phased <= m.monthMs()) {
			out.row("month-end: other (job, locks, drafts)", m.lines(), m.monthMs() - phased, m.monthMs());
		}
		else {
			// the counties' partitions run at once: their phases are summed over the threads, and overlap in time
			out.line("%-34s %10s %9s %12s %8s", "month-end: other (job, locks, drafts)", "-", "-", "-", "-");
			out.line("  (the phases are summed over the counties' threads, %,d ms in all: the counties run at once, so "
					+ "they add up to more than the month's wall time and \"other\" is not their difference)", phased);
		}
		out.row("month-end (whole)", m.lines(), m.monthMs(), m.monthMs());
		out.line("whole month / floor = %.1f × (target 3 ×: %s); peak heap during month-end %,d MiB",
				(double) m.monthMs() / Math.max(1, m.floorMs()), m.monthMs() <= 3 * m.floorMs() ? "met" : "not met",
				m.peakHeapMb());
	}

	private long count(String sql) {
		Long n = jdbc.queryForObject(sql, Long.class);
		return n == null ? 0 : n;
	}

	/** As the import bench: every phase starts after a CHECKPOINT (needs a superuser; otherwise skipped). */
	private void checkpoint() {
		try {
			jdbc.execute("checkpoint");
		}
		catch (org.springframework.dao.DataAccessException e) {
			// not allowed for this user: measure as it is
		}
	}

	private static long ms(long since) {
		return (System.nanoTime() - since) / 1_000_000;
	}

	private static String loadAverage() {
		try {
			String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return f[0] + " " + f[1] + " " + f[2];
		}
		catch (Exception e) {
			return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

	/** The bench's lines on standard output. */
	private static final class PrintStreamOut {

		void line(String format, Object... args) {
			System.out.printf(format + "%n", args);
		}

		void row(String name, long rows, long ms, long monthMs) {
			line("%-34s %,10d %,9d %,12d %7.0f%%", name, rows, ms, rows * 1000 / Math.max(1, ms),
					100.0 * ms / Math.max(1, monthMs));
		}
	}
}
