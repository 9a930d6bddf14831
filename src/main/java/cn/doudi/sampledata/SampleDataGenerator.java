package cn.doudi.sampledata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.doudi.kernel.Program;

/**
 * Generates the demo city's sample data: the same seed and size give byte-identical files (CSV and
 * XLSX). The defaults produce the committed {@code sample-data/}; {@code SampleDataGeneratorTests}
 * keeps the two equal.
 */
public final class SampleDataGenerator {

	public static final long DEFAULT_SEED = 20261001L;
	public static final int DEFAULT_HOUSEHOLDS = 3000;

	/** The files and folders the generator owns in its output folder (cleared before writing). */
	private static final List<String> OWNED = List.of("README.md", "regions.csv", "standards.csv", "cpi.csv", "bad",
			"2026-10", "2026-11", "2026-12");

	public SampleDataSet generate(Path out, long seed, int households) {
		if (households < 300 || households > 200_000) {
			throw new IllegalArgumentException("--households must lie between 300 and 200000");
		}
		clear(out, OWNED);
		World world = new World(seed, households).build();
		List<Path> files = new ArrayList<>(new SampleFiles(world, out).writeAll());
		Path bad = out.resolve("bad").resolve("beneficiaries-410102-bad.xlsx");
		List<BadInput.Expected> badRows = BadInput.write(world, bad);
		files.add(bad);

		Map<YearMonth, Map<String, Map<Program, Integer>>> rows = new LinkedHashMap<>();
		for (YearMonth month : Policy.MONTHS) {
			rows.put(month, SampleFiles.counts(world, month));
		}
		int householdCount = (int) world.rows.stream().map(Model.Row::household).distinct().count();
		SampleDataSet set = new SampleDataSet(out, List.copyOf(files), householdCount, rows, List.copyOf(world.planted));
		Path readme = out.resolve("README.md");
		Sheets.write(readme, new Readme(world, set, badRows, seed, households).text()
			.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		List<Path> all = new ArrayList<>(files);
		all.add(0, readme);
		return new SampleDataSet(out, List.copyOf(all), householdCount, rows, set.planted());
	}

	static void clear(Path out, List<String> owned) {
		try {
			Files.createDirectories(out);
			Path readme = out.resolve("README.md");
			if (Files.exists(readme) && !Files.readString(readme).contains(Readme.MARKER)) {
				throw new IllegalArgumentException(out + " holds a README.md that sample-data did not write: "
						+ "choose an empty folder or an earlier sample-data output");
			}
			for (String name : owned) {
				Path p = out.resolve(name);
				if (Files.exists(p)) {
					try (Stream<Path> walk = Files.walk(p)) {
						for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
							Files.delete(f);
						}
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
