package cn.doudi.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import cn.doudi.sampledata.SampleDataGenerator;
import cn.doudi.sampledata.SampleDataSet;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sample-data}: writes the demo city's sample uploads (deterministic for a seed and size). */
@Command(name = "sample-data", mixinStandardHelpOptions = true, description = "Writes the demo city's sample uploads (the committed sample-data/ with the defaults).")
class SampleDataCommand implements Callable<Integer> {

	@Option(names = "--out", required = true, description = "output folder, e.g. sample-data")
	Path out;

	@Option(names = "--seed", defaultValue = "" + SampleDataGenerator.DEFAULT_SEED, description = "random seed (default ${DEFAULT-VALUE})")
	long seed;

	@Option(names = "--households", defaultValue = "" + SampleDataGenerator.DEFAULT_HOUSEHOLDS,
			description = "size of the base population in households (default ${DEFAULT-VALUE})")
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
		System.out.printf("sample-data: %d files in %s (%d households, %d roster rows over %d months, %d planted items)%n",
				set.files().size(), out, set.households(), rows, SampleDataSet.months().size(), set.planted().size());
		return 0;
	}
}
