package cn.doudi.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import cn.doudi.ingest.IngestBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench [--rows=1000000] [--dir=DIR]}: the import benchmark (see ingest/README.md). */
@Command(name = "bench", description = "Measures import speed against raw COPY and a bare XLSX read (needs an empty database).")
class BenchCommand implements Callable<Integer> {

	@Option(names = "--rows", defaultValue = "1000000", description = "rows to generate (default 1000000)")
	int rows;

	@Option(names = "--rounds", defaultValue = "3", description = "measured rounds of floors and imports; medians are reported (default 3)")
	int rounds;

	@Option(names = "--dir", defaultValue = "bench-data", description = "where the generated files go")
	Path dir;

	private final IngestBenchmark benchmark;

	BenchCommand(IngestBenchmark benchmark) {
		this.benchmark = benchmark;
	}

	@Override
	public Integer call() throws Exception {
		try {
			benchmark.run(rows, rounds, dir, System.out);
		}
		catch (IllegalStateException e) {
			throw new CommandFailedException(e.getMessage());
		}
		return 0;
	}
}
