package cn.doudi.sampledata;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Generates a province: {@code counties} real counties of the province (evenly spread over its code list) with
 * {@code households} base households each, as many sample cities, each built from its own seed (derived from
 * {@code seed} and its index) on the pattern of the demo city and moved onto two of the province's counties
 * ({@link Remap}). Same seed and sizes, same bytes. Cities are built and written one after another, so the
 * generator's memory depends on the households per county, not on the number of counties.
 */
public final class ProvinceGenerator {

	public static final String HENAN = "41";

	/** The files and folders the generator owns in its output folder (cleared before writing). */
	private static final List<String> OWNED = List.of("README.md", "regions.csv", "standards.csv", "cpi.csv",
			"planted.csv", "bad", "2026-10", "2026-11", "2026-12");

	public ProvinceSet generate(Path out, long seed, String province, int counties, int households) {
		Divisions divisions = Divisions.load();
		List<Divisions.County> all = divisions.counties(province);
		if (all.isEmpty()) {
			throw new IllegalArgumentException("--province=" + province + " 不是省级区划代码（如 41 河南）");
		}
		if (counties < 1 || counties > all.size()) {
			throw new IllegalArgumentException("--counties 应在 1 到 " + all.size() + " 之间（该省的县级区划数）");
		}
		if (households < 150 || households > 100_000) {
			throw new IllegalArgumentException("--households（每个区县的户数）应在 150 到 100000 之间");
		}
		List<Divisions.County> chosen = new ArrayList<>();
		for (int i = 0; i < counties; i++) {
			chosen.add(all.get((int) ((long) i * all.size() / counties)));
		}
		List<String> outside = divisions.outside(province);
		SampleDataGenerator.clear(out, OWNED);
		ProvinceFiles files = new ProvinceFiles(out, seed);
		try (files) {
			for (int i = 0; i * 2 < counties; i++) {
				Divisions.County a = chosen.get(2 * i);
				Divisions.County b = 2 * i + 1 < counties ? chosen.get(2 * i + 1) : null;
				World world = new World(citySeed(seed, i), 2 * households).build();
				files.add(world, new Remap(a, b, i, outside));
			}
			files.cpi();
		}
		List<Path> written = new ArrayList<>(files.written());
		Path readme = out.resolve("README.md");
		ProvinceSet set = new ProvinceSet(out, List.of(), chosen.stream().map(Divisions.County::code).toList(),
				files.households, files.persons, Map.copyOf(files.rows()), Map.copyOf(files.planted()));
		Sheets.write(readme, readme(set, seed, province, households, chosen).getBytes(StandardCharsets.UTF_8));
		written.add(0, readme);
		return new ProvinceSet(out, List.copyOf(written), set.counties(), set.households(), set.persons(), set.rows(),
				set.planted());
	}

	private static long citySeed(long seed, int index) {
		return seed ^ (0x9E3779B97F4A7C15L * (index + 1));
	}

	private static String readme(ProvinceSet set, long seed, String province, int households,
			List<Divisions.County> chosen) {
		StringBuilder s = new StringBuilder();
		s.append(Readme.MARKER).append(" --province=").append(province).append(" --counties=").append(chosen.size())
			.append(" --households=").append(households).append(" --seed=").append(seed)
			.append("; edit the generator, not this file -->\n\n");
		s.append("# 省级样例数据（").append(chosen.size()).append(" 个区县）\n\n");
		s.append(String.format("首月（%s）名册：%,d 户，%,d 人；名册行数：", set.firstMonth(), set.households(), set.persons()));
		set.rows().entrySet().stream().sorted(Map.Entry.comparingByKey())
			.forEach(e -> s.append(String.format("%s %,d 行；", e.getKey(), e.getValue())));
		s.append("\n\n每两个区县是一座按演示城市的规律生成的样例城市（城区模板的区县名册为 UTF-8，农村模板的为 GBK），")
			.append("各有自己的种子；预设问题随区县数同比例增加，明细见 planted.csv（身份证号已脱敏）。\n\n");
		s.append("| 区划代码 | 区县 | 所属市 |\n|---|---|---|\n");
		for (Divisions.County c : chosen) {
			s.append("| ").append(c.code()).append(" | ").append(c.name()).append(" | ").append(c.cityName()).append(" |\n");
		}
		s.append("\n| 预设问题（类型 代码） | 处数 |\n|---|---:|\n");
		set.planted().entrySet().stream().sorted(Map.Entry.comparingByKey())
			.forEach(e -> s.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n"));
		return s.toString();
	}
}
