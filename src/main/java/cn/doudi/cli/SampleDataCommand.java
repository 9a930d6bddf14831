package cn.doudi.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import cn.doudi.sampledata.SampleDataGenerator;
import cn.doudi.sampledata.SampleDataSet;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sample-data}: writes the demo city's sample uploads (deterministic for a seed and size). */
@Command(name = "sample-data", description = "生成演示城市的样例名册（默认参数即仓库中的 sample-data/）。")
class SampleDataCommand implements Callable<Integer> {

	@Option(names = "--out", required = true, description = "输出文件夹，如 sample-data")
	Path out;

	@Option(names = "--seed", defaultValue = "" + SampleDataGenerator.DEFAULT_SEED, description = "随机种子（默认 ${DEFAULT-VALUE}）")
	long seed;

	@Option(names = "--households", defaultValue = "" + SampleDataGenerator.DEFAULT_HOUSEHOLDS,
			description = "基础人口的户数（默认 ${DEFAULT-VALUE}）")
	int households;

	@Override
	public Integer call() {
		SampleDataSet set;
		try {
			set = new SampleDataGenerator().generate(out, seed, households);
		}
		catch (IllegalArgumentException e) {
			throw new CommandFailedException(e.getMessage(), 2);
		}
		int rows = SampleDataSet.months().stream().mapToInt(set::rowsIn).sum();
		System.out.printf("sample-data：%d 个文件，在 %s（%d 户，%d 行名册，%d 个月，%d 处预设问题）%n",
				set.files().size(), out, set.households(), rows, SampleDataSet.months().size(), set.planted().size());
		return 0;
	}
}
