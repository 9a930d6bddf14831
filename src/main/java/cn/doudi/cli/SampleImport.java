package cn.doudi.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import cn.doudi.ingest.ImportOptions;
import cn.doudi.ingest.ImportOutcome;
import cn.doudi.ingest.RosterImports;
import cn.doudi.ingest.Source;

/** Imports a generated sample's tables (regions, standards, CPI) and its first month's uploads, as the benches do. */
final class SampleImport {

	private SampleImport() {
	}

	/** @return the first month, whose uploads were imported */
	static YearMonth firstMonth(RosterImports imports, Path data, String admin, String operator) throws IOException {
		for (Source s : List.of(Source.REGIONS, Source.STANDARDS, Source.CPI)) {
			Path f = data.resolve(s.code() + ".csv");
			if (Files.exists(f)) {
				importFiles(imports, s, List.of(f), admin);
			}
		}
		Path first;
		try (var list = Files.list(data)) {
			first = list.filter(p -> Files.isDirectory(p) && p.getFileName().toString().matches("\\d{4}-\\d{2}"))
				.min(Comparator.comparing(p -> p.getFileName().toString()))
				.orElseThrow();
		}
		for (Map.Entry<Source, List<Path>> e : DemoCommand.uploadsOf(first).entrySet()) {
			importFiles(imports, e.getKey(), e.getValue(), operator);
		}
		return YearMonth.parse(first.getFileName().toString());
	}

	private static void importFiles(RosterImports imports, Source source, List<Path> paths, String user) {
		ImportOutcome o = imports.importFiles(source, paths, ImportOptions.by(user));
		if (!o.committed() && !o.duplicate()) {
			throw new CommandFailedException("基准测试数据 " + paths + " 被拒绝：" + o.problems());
		}
	}
}
