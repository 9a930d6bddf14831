package cn.doudi.sampledata;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The real county-level divisions of China (国家统计局 2023 statistical codes, {@code divisions/} beside this
 * class; source and licence in its SOURCES.md): a province's counties for the province sample, and the
 * counties of other provinces as birthplaces of people born outside it.
 */
final class Divisions {

	record County(String code, String name, String cityName) {
	}

	private final List<County> all;

	private Divisions(List<County> all) {
		this.all = all;
	}

	static Divisions load() {
		Map<String, String> cities = new HashMap<>();
		for (CSVRecord r : read("admin-divisions-cities.csv")) {
			cities.put(r.get(0), r.get(1));
		}
		List<County> out = new ArrayList<>();
		for (CSVRecord r : read("admin-divisions-areas.csv")) {
			String city = cities.getOrDefault(r.get(2), "");
			boolean pseudo = city.isEmpty() || city.equals("市辖区") || city.equals("县") || city.endsWith("直辖县级行政区划");
			out.add(new County(r.get(0), r.get(1), pseudo ? "" : city));
		}
		return new Divisions(List.copyOf(out));
	}

	/** The province's counties in code order. */
	List<County> counties(String province) {
		return all.stream().filter(c -> c.code().startsWith(province)).toList();
	}

	/** Every county outside the province, in code order. */
	List<String> outside(String province) {
		return all.stream().map(County::code).filter(c -> !c.startsWith(province)).toList();
	}

	private static List<CSVRecord> read(String name) {
		try (InputStream in = Divisions.class.getResourceAsStream("divisions/" + name)) {
			if (in == null) {
				throw new IllegalStateException("missing resource divisions/" + name);
			}
			Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
			return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
