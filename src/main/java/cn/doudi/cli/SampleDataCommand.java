package cn.doudi.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import cn.doudi.sampledata.ProvinceGenerator;
import cn.doudi.sampledata.ProvinceSet;
import cn.doudi.sampledata.SampleDataGenerator;
import cn.doudi.sampledata.SampleDataSet;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sample-data}: writes the demo city's sample uploads, or with {@code --counties=N} a province's
 * (deterministic for a seed and size).
 */
@Command(name = "sample-data", description = "生成演示城市的样例名册（默认参数即仓库中的 sample-data/）；加 --counties=N 生成一个省 N 个区县的样例。")
class SampleDataCommand implements Callable<Integer> {

	@Option(names = "--out", required = true, description = "输出文件夹，如 sample-data")
	Path out;

	@Option(names = "--seed", defaultValue = "" + SampleDataGenerator.DEFAULT_SEED, description = "随机种子（默认 ${DEFAULT-VALUE}）")
	long seed;

	@Option(names = "--households", defaultValue = "" + SampleDataGenerator.DEFAULT_HOUSEHOLDS,
			description = "基础人口的户数（默认 ${DEFAULT-VALUE}）")
	int households;

	@Option(names = "--counties", description = "生成一个省的样例：该省的区县数（如 150；每个区县 --households 户），不给则生成演示城市")
	Integer counties;

	@Option(names = "--province", defaultValue = ProvinceGenerator.HENAN, description = "省级区划代码（默认 ${DEFAULT-VALUE} 河南），与 --counties 一起用")
	String province;

	@Override
	public Integer call() {
		if (counties != null) {
			return province();
		}
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

	private int province() {
		long t = System.nanoTime();
		ProvinceSet set;
		try {
			set = new ProvinceGenerator().generate(out, seed, province, counties, households);
		}
		catch (IllegalArgumentException e) {
			throw new CommandFailedException(e.getMessage(), 2);
		}
		System.out.printf("sample-data：%d 个文件，在 %s（%d 个区县，首月 %,d 户 %,d 人，名册 %,d 行，%d 处预设问题，%,d 毫秒）%n",
				set.files().size(), out, set.counties().size(), set.households(), set.persons(),
				set.rows().values().stream().mapToLong(Long::longValue).sum(), set.plantedCount(),
				(System.nanoTime() - t) / 1_000_000);
		return 0;
	}
}
