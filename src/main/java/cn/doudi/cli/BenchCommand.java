package cn.doudi.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import cn.doudi.ingest.IngestBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench [--rows=1000000] [--dir=DIR]}: the import benchmark (see ingest/README.md). */
@Command(name = "bench", subcommands = MonthEndBenchCommand.class, description = "导入性能测试：与直接 COPY 和单纯读取 XLSX 比较（需要空数据库）。")
class BenchCommand implements Callable<Integer> {

	@Option(names = "--rows", defaultValue = "1000000", description = "生成多少行（默认 1000000）")
	int rows;

	@Option(names = "--rounds", defaultValue = "3", description = "测量几轮，报告中位数（默认 3）")
	int rounds;

	@Option(names = "--dir", defaultValue = "bench-data", description = "生成文件放在哪里")
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
