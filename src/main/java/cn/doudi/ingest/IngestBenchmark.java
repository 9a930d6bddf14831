package cn.doudi.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.doudi.ingest.bench.Floors;
import cn.doudi.ingest.bench.RosterFiles;
import cn.doudi.ingest.bench.ServerCpu;
import cn.doudi.ingest.bench.ValidationOnly;
import cn.doudi.security.AccessControl;
import cn.doudi.security.Role;

/**
 * The import benchmark ({@code doudi bench}): generates a beneficiaries roster of n valid rows as CSV
 * and XLSX, measures the floors (raw COPY of the CSV into a plain logged table; a bare fastexcel read
 * of the XLSX), the validation alone, and the real imports, and prints rows per second and peak heap
 * side by side. Needs a database without imports (it imports a county 419901 snapshot). The JIT is
 * warmed first by a validation pass and a smaller import, so that the figures are steady-state.
 */
@Component
public class IngestBenchmark {

	/** The user the benchmark imports as: bootstrapped as ADMIN on an empty user table, else it must exist. */
	static final String USER = "bench";

	private final RosterImports imports;
	private final DataSource dataSource;
	private final JdbcTemplate jdbc;
	private final AccessControl access;

	IngestBenchmark(RosterImports imports, DataSource dataSource, JdbcTemplate jdbc, AccessControl access) {
		this.imports = imports;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.access = access;
	}

	/** One measured phase; CPU times in ms (server: -1 when the server's processes cannot be read). */
	public record Phase(String name, long rows, long millis, long peakHeapMb, long jvmCpuMs, long serverCpuMs) {
		public long rowsPerSecond() {
			return rows * 1000 / Math.max(1, millis);
		}
	}

	public List<Phase> run(int rows, int rounds, Path dir, PrintStream out) throws IOException, SQLException {
		if (rounds < 1) {
			throw new IllegalArgumentException("--rounds 至少为 1");
		}
		Integer held = jdbc.queryForObject("select count(*) from import_batch", Integer.class);
		if (held != null && held > 0) {
			throw new IllegalStateException("bench 需要一个没有任何导入的数据库（这个数据库已有 " + held
					+ " 次导入）：用 --db-url=jdbc:postgresql://127.0.0.1:5432/doudi_bench 或一个新的 --home");
		}
		if (access.find(USER).isEmpty()) {
			Integer users = jdbc.queryForObject("select count(*) from app_user", Integer.class);
			if (users != null && users > 0) {
				throw new IllegalStateException("bench 以用户 " + USER + " 导入：请先添加该用户（users add --name=" + USER
						+ " --role=OPERATOR），或用一个空数据库");
			}
			access.add(USER, USER, Role.ADMIN, null);
		}
		Files.createDirectories(dir);
		Path csv = dir.resolve("bench-beneficiaries-" + rows + ".csv");
		Path xlsx = dir.resolve("bench-beneficiaries-" + rows + ".xlsx");
		out.printf("generating %,d rows: %s, %s (max heap %d MiB)%n", rows, csv, xlsx, Runtime.getRuntime().maxMemory() >> 20);
		// the generator is deterministic: files of an earlier run with the same row count are reused
		Phase genCsv = Files.isRegularFile(csv) ? new Phase("generate CSV (reused)", rows, 0, 0, 0, 0)
				: measure("generate CSV", rows, () -> RosterFiles.csv(csv, rows));
		Phase genXlsx = Files.isRegularFile(xlsx) ? new Phase("generate XLSX (reused)", rows, 0, 0, 0, 0)
				: measure("generate XLSX (SXSSF)", rows, () -> RosterFiles.xlsx(xlsx, rows));
		Phase warm = measure("JIT warm-up (validate CSV)", rows, () -> ValidationOnly.run(Source.BENEFICIARIES, csv));
		int warmRows = Math.max(1, rows / 5);
		Path warmCsv = dir.resolve("bench-beneficiaries-" + warmRows + ".csv");
		if (!Files.isRegularFile(warmCsv)) {
			RosterFiles.csv(warmCsv, warmRows);
		}
		Phase warmImport = measure("JIT warm-up (import " + warmRows + " rows of CSV)", warmRows, () -> expect(warmCsv, warmRows));
		List<Phase> copies = new java.util.ArrayList<>();
		List<Phase> bares = new java.util.ArrayList<>();
		List<Phase> csvImports = new java.util.ArrayList<>();
		List<Phase> xlsxImports = new java.util.ArrayList<>();
		Phase validate = measure("validate CSV only (no database)", rows, () -> ValidationOnly.run(Source.BENEFICIARIES, csv));
		List<String> roundRatios = new java.util.ArrayList<>();
		for (int r = 1; r <= rounds; r++) {
			String of = rounds == 1 ? "" : " [round " + r + "]";
			Phase copy = measure("floor: raw COPY of the CSV, plain logged table" + of, rows,
					() -> Floors.rawCopy(dataSource, csv, 13));
			Path csvRound = r == 1 ? csv : RosterFiles.variant(csv, r);
			Path xlsxRound = r == 1 ? xlsx : RosterFiles.variant(xlsx, r);
			Phase importCsv = measure("import CSV (full: validate, COPY, checks, swap)" + of, rows,
					() -> expect(csvRound, rows));
			Phase bare = measure("floor: bare fastexcel read of the XLSX" + of, rows, () -> Floors.bareXlsxRead(xlsx));
			Phase importXlsx = measure("import XLSX (full)" + of, rows, () -> expect(xlsxRound, rows));
			if (r > 1) {
				Files.delete(csvRound);
				Files.delete(xlsxRound);
			}
			copies.add(copy);
			csvImports.add(importCsv);
			bares.add(bare);
			xlsxImports.add(importXlsx);
			roundRatios.add(String.format("%.2f / %.2f", ratio(importCsv, copy), ratio(importXlsx, bare)));
		}
		Phase copy = median(copies);
		Phase importCsv = median(csvImports);
		Phase bare = median(bares);
		Phase importXlsx = median(xlsxImports);
		List<Phase> phases = new java.util.ArrayList<>(List.of(genCsv, genXlsx, warm, warmImport, validate));
		for (int r = 0; r < rounds; r++) {
			phases.addAll(List.of(copies.get(r), csvImports.get(r), bares.get(r), xlsxImports.get(r)));
		}
		out.printf("%-62s %10s %9s %11s %9s %9s %9s%n", "phase", "rows", "ms", "rows/s", "heap MiB", "JVM CPU", "PG CPU");
		for (Phase p : phases) {
			if (p.millis() == 0) {
				out.printf("%-62s %,10d %9s %11s %9s %9s %9s%n", p.name(), p.rows(), "-", "-", "-", "-", "-");
				continue;
			}
			out.printf("%-62s %,10d %,9d %,11d %,9d %,9d %9s%n", p.name(), p.rows(), p.millis(), p.rowsPerSecond(),
					p.peakHeapMb(), p.jvmCpuMs(), p.serverCpuMs() < 0 ? "?" : String.format("%,d", p.serverCpuMs()));
		}
		out.printf("load average (1 min) at the end: %.2f on %d cores%n",
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
		if (rounds > 1) {
			out.printf("per round, import CSV / raw COPY and import XLSX / bare read: %s%n", String.join("; ", roundRatios));
			out.printf("medians of %d rounds: raw COPY %,d rows/s, import CSV %,d rows/s, bare XLSX read %,d rows/s, import XLSX %,d rows/s%n",
					rounds, copy.rowsPerSecond(), importCsv.rowsPerSecond(), bare.rowsPerSecond(), importXlsx.rowsPerSecond());
		}
		out.printf("import CSV / raw COPY = %.2f (target 0.50); import XLSX / bare read = %.2f (target 0.60); peak heap %,d MiB (target < 1,024)%n",
				ratio(importCsv, copy), ratio(importXlsx, bare),
				phases.stream().mapToLong(Phase::peakHeapMb).max().orElse(0));
		return phases;
	}

	private static double ratio(Phase importPhase, Phase floor) {
		return (double) importPhase.rowsPerSecond() / floor.rowsPerSecond();
	}

	/** The phase of median time (the lower middle one for an even count). */
	private static Phase median(List<Phase> phases) {
		List<Phase> sorted = phases.stream().sorted(java.util.Comparator.comparingLong(Phase::millis)).toList();
		return sorted.get((sorted.size() - 1) / 2);
	}

	private ImportOutcome expect(Path file, int rows) {
		ImportOutcome o = imports.importFiles(Source.BENEFICIARIES, List.of(file), ImportOptions.by(USER));
		if (!o.committed() || o.rowsAccepted() != rows) {
			throw new IllegalStateException("基准测试导入 " + file + " 未能导入全部行：" + o.problems());
		}
		return o;
	}

	/**
	 * Every phase starts right after a CHECKPOINT, so that none of them pays for the checkpoint (and the
	 * full-page writes after it) that an earlier phase's WAL would otherwise trigger in the middle of it:
	 * without this the same import varied by ±30 % from run to run. Needs a superuser (or pg_checkpoint);
	 * otherwise the phases run without it.
	 */
	private void checkpoint() {
		try {
			jdbc.execute("checkpoint");
		}
		catch (org.springframework.dao.DataAccessException e) {
			// not allowed for this user: measure as it is
		}
	}

	private interface Work {
		Object run() throws IOException, SQLException;
	}

	private Phase measure(String name, long rows, Work work) throws IOException, SQLException {
		checkpoint();
		System.gc();
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		Map<Integer, Long> server = ServerCpu.snapshot(jdbc);
		long cpu = os.getProcessCpuTime();
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(p -> p.getType() == MemoryType.HEAP)
			.toList();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		long t = System.nanoTime();
		work.run();
		long ms = (System.nanoTime() - t) / 1_000_000;
		long jvmCpu = (os.getProcessCpuTime() - cpu) / 1_000_000;
		long serverCpu = ServerCpu.millisBetween(server, ServerCpu.snapshot(jdbc));
		long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
		return new Phase(name, rows, ms, peak, jvmCpu, serverCpu);
	}
}
