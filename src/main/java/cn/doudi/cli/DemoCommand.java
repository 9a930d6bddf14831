package cn.doudi.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import cn.doudi.ingest.ImportOptions;
import cn.doudi.ingest.ImportOutcome;
import cn.doudi.ingest.RosterImports;
import cn.doudi.ingest.Source;
import cn.doudi.payroll.MonthEnd;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.payroll.PayrollRuns;
import cn.doudi.security.AccessControl;
import cn.doudi.security.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo [--out=DIR]}: in a fresh embedded database of its own (never the main one), imports
 * {@code sample-data/} and replays its months — import, {@code month-end}, {@code release} and
 * {@code approve} by two demo finance users — writing each month into {@code DIR/<YYYY-MM>/}.
 * Layout: {@code regions.csv}, {@code standards.csv}, {@code cpi.csv} at the top, then one folder per
 * month holding that month's uploads, each file named after its source ({@code beneficiaries-…}).
 */
@Command(name = "demo", description = "在一个全新的内置数据库中重放 sample-data/，写出每个月的文件。")
class DemoCommand implements Callable<Integer> {

	static final String ADMIN = "demo-admin";
	static final String OPERATOR = "demo-operator";
	static final String MAKER = "demo-finance-1";
	static final String CHECKER = "demo-finance-2";

	@Option(names = "--out", description = "写到哪里（默认 ./doudi-demo）。")
	Path out = Path.of("doudi-demo");

	@Option(names = "--sample-data", description = "样例数据文件夹（默认 ./sample-data）。")
	Path sampleData;

	private final RosterImports imports;
	private final PayrollRuns payroll;
	private final MonthEnd monthEnd;
	private final AccessControl access;

	DemoCommand(RosterImports imports, PayrollRuns payroll, MonthEnd monthEnd, AccessControl access) {
		this.imports = imports;
		this.payroll = payroll;
		this.monthEnd = monthEnd;
		this.access = access;
	}

	@Override
	public Integer call() throws IOException {
		Path data = locateSampleData();
		access.add(ADMIN, ADMIN, Role.ADMIN, null);
		access.add(ADMIN, OPERATOR, Role.OPERATOR, null);
		access.add(ADMIN, MAKER, Role.FINANCE, null);
		access.add(ADMIN, CHECKER, Role.FINANCE, null);
		access.add(ADMIN, "demo-monitor", Role.MONITOR, null);
		for (Source s : List.of(Source.REGIONS, Source.STANDARDS, Source.CPI)) {
			Path f = data.resolve(s.code() + ".csv");
			if (Files.exists(f)) {
				importFiles(s, List.of(f), ADMIN);
			}
		}
		List<Path> months;
		try (Stream<Path> list = Files.list(data)) {
			months = list.filter(p -> Files.isDirectory(p) && p.getFileName().toString().matches("\\d{4}-\\d{2}"))
				.sorted(Comparator.comparing(p -> p.getFileName().toString()))
				.toList();
		}
		if (months.isEmpty()) {
			throw new CommandFailedException("样例数据 " + data + " 中没有月份文件夹（YYYY-MM）");
		}
		for (Path monthDir : months) {
			YearMonth month = YearMonth.parse(monthDir.getFileName().toString());
			for (Map.Entry<Source, List<Path>> e : uploadsOf(monthDir).entrySet()) {
				importFiles(e.getKey(), e.getValue(), OPERATOR);
			}
			Path folder = out.resolve(month.toString());
			MonthEnd.Report report = monthEnd.run(month, List.of(), null, folder, MAKER, new MonthEnd.Listener() {
				@Override
				public void computed(PayrollRun run) {
				}

				@Override
				public void refused(String county, String reason) {
					throw new CommandFailedException("演示月结 " + month + " 区县 " + county + " 被拒绝：" + reason);
				}
			});
			MonthEndCommand.printWarnings(report.warnings());
			List<PayrollRun> runs = report.runs();
			for (PayrollRun run : runs) {
				payroll.release(run.county(), month, MAKER);
				payroll.approve(run.county(), month, CHECKER);
			}
			System.out.printf("%s：%d 个区县已审批 → %s%n", month, runs.size(), folder.toAbsolutePath());
		}
		System.out.println("演示文件：" + out.toAbsolutePath());
		return 0;
	}

	private void importFiles(Source source, List<Path> paths, String user) {
		ImportOutcome outcome = imports.importFiles(source, paths, ImportOptions.by(user));
		if (!outcome.committed() && !outcome.duplicate()) {
			throw new CommandFailedException("样例数据 " + paths + " 被拒绝：" + outcome.problems());
		}
	}

	/** The month's files grouped by source, in a fixed order (sources as declared, files by name). */
	static Map<Source, List<Path>> uploadsOf(Path monthDir) throws IOException {
		List<Path> all;
		try (Stream<Path> list = Files.list(monthDir)) {
			all = list.filter(Files::isRegularFile)
				.filter(p -> p.getFileName().toString().matches(".*\\.(csv|xlsx)"))
				.sorted(Comparator.comparing(p -> p.getFileName().toString()))
				.toList();
		}
		Map<Source, List<Path>> bySource = new LinkedHashMap<>();
		for (Source s : Source.values()) {
			for (Path p : all) {
				String name = p.getFileName().toString();
				if (name.equals(s.code() + ".csv") || name.equals(s.code() + ".xlsx") || name.startsWith(s.code() + "-")
						&& sourceOf(name).filter(s::equals).isPresent()) {
					bySource.computeIfAbsent(s, k -> new ArrayList<>()).add(p);
				}
			}
		}
		return bySource;
	}

	/** The source a file name begins with, the longest code first ({@code temp-assist} before others). */
	static Optional<Source> sourceOf(String fileName) {
		return Stream.of(Source.values())
			.sorted(Comparator.comparing((Source s) -> s.code().length()).reversed())
			.filter(s -> fileName.startsWith(s.code() + "-") || fileName.startsWith(s.code() + "."))
			.findFirst();
	}

	private Path locateSampleData() {
		if (sampleData != null) {
			return sampleData;
		}
		Path here = Path.of("sample-data");
		if (Files.isDirectory(here)) {
			return here;
		}
		try {
			Path jar = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			for (Path p = jar.getParent(); p != null; p = p.getParent()) {
				if (Files.isDirectory(p.resolve("sample-data"))) {
					return p.resolve("sample-data");
				}
			}
		}
		catch (Exception e) {
			// fall through
		}
		throw new CommandFailedException("找不到 sample-data/（在项目文件夹中运行，或用 --sample-data=DIR 指定）");
	}
}
