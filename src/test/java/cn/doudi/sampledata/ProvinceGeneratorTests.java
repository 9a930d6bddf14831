package cn.doudi.sampledata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.doudi.identity.IdNumber;

/**
 * {@code sample-data --counties=N}: a province of real counties, the same bytes for the same seed, every county
 * with its roster, standards and named villages, IDs valid and never shared between two of its cities.
 */
class ProvinceGeneratorTests {

	@TempDir
	static Path tmp;

	static ProvinceSet first;
	static ProvinceSet second;

	@BeforeAll
	static void generateTwice() {
		first = new ProvinceGenerator().generate(tmp.resolve("a"), 7L, "41", 5, 200);
		second = new ProvinceGenerator().generate(tmp.resolve("b"), 7L, "41", 5, 200);
	}

	@Test
	void theSameSeedAndSizesGiveTheSameBytes() throws IOException {
		assertThat(relative(first)).isEqualTo(relative(second)).contains("regions.csv", "standards.csv", "cpi.csv",
				"planted.csv", "2026-10/deaths.csv", "2026-10/disability.csv", "2026-10/poverty.csv");
		for (Path f : first.files()) {
			Path other = second.folder().resolve(first.folder().relativize(f));
			assertThat(Files.readAllBytes(f)).as(f.toString()).isEqualTo(Files.readAllBytes(other));
		}
		ProvinceSet reseeded = new ProvinceGenerator().generate(tmp.resolve("c"), 8L, "41", 5, 200);
		assertThat(Files.readAllBytes(reseeded.folder().resolve("2026-10/beneficiaries-410102.csv")))
			.isNotEqualTo(Files.readAllBytes(first.folder().resolve("2026-10/beneficiaries-410102.csv")));
	}

	@Test
	void realCountiesSpreadOverTheProvinceEachWithRosterStandardsAndNamedVillages() throws IOException {
		// 河南's county-level divisions in code order, evenly spread: 中原区 first
		assertThat(first.counties()).hasSize(5).first().isEqualTo("410102");
		assertThat(first.counties()).allMatch(c -> c.startsWith("41"));
		Map<String, String> regions = new HashMap<>();
		for (CSVRecord r : csv(first.folder().resolve("regions.csv"), StandardCharsets.UTF_8)) {
			assertThat(regions.put(r.get(0), r.get(1))).as("region code listed once: " + r.get(0)).isNull();
		}
		Set<String> standards = new TreeSet<>();
		csv(first.folder().resolve("standards.csv"), StandardCharsets.UTF_8).forEach(r -> standards.add(r.get(0)));
		assertThat(standards).containsExactlyInAnyOrderElementsOf(first.counties());
		assertThat(regions.get("410102")).isEqualTo("中原区");

		for (String county : first.counties()) {
			assertThat(regions).containsKey(county);
			List<CSVRecord> roster = roster(county);
			assertThat(roster).as(county).hasSizeGreaterThan(150);
			for (CSVRecord r : roster) {
				assertThat(r.get("区划代码")).startsWith(county);
				assertThat(regions).as("village of " + r.get("户编号")).containsKey(r.get("区划代码"));
				assertThat(regions.get(r.get("区划代码"))).matches(".+(社区|村)");
			}
		}
		// the urban template's counties in UTF-8, the rural template's in GBK (title row names the county)
		assertThat(Files.readString(first.folder().resolve("2026-10/beneficiaries-410102.csv"))).startsWith("郑州市中原区2026年10月");
		String second = first.counties().get(1);
		assertThat(new String(Files.readAllBytes(first.folder().resolve("2026-10/beneficiaries-" + second + ".csv")),
				Charset.forName("GBK"))).contains(regions.get(second) + "2026年10月");
	}

	@Test
	void idsAreValidAndNoTwoCitiesShareAPerson() throws IOException {
		Map<String, Integer> cityOf = new HashMap<>();
		for (int c = 0; c < first.counties().size(); c++) {
			for (CSVRecord r : roster(first.counties().get(c))) {
				String written = r.get("身份证号");
				if (written.length() == 15) {
					continue; // a first-generation ID, converted on import
				}
				assertThat(IdNumber.checkDigit(written.substring(0, 17)))
					.as(written).isEqualTo(Character.toUpperCase(written.charAt(17)));
				Integer before = cityOf.put(written.toUpperCase(), c / 2);
				assertThat(before == null || before == c / 2).as("one city only: " + IdNumber.mask(written)).isTrue();
			}
		}
		assertThat(first.persons()).isEqualTo(cityOf.size() + fifteenDigitIds());
	}

	@Test
	void plantedProblemsScaleWithTheCities() throws IOException {
		List<CSVRecord> planted = csv(first.folder().resolve("planted.csv"), StandardCharsets.UTF_8);
		assertThat(planted).hasSize(first.plantedCount());
		// three cities (the third one county only): DECEASED planted in each county of the pattern
		assertThat(planted.stream().filter(r -> r.get("代码").equals("DECEASED")).map(r -> r.get("区县")).distinct())
			.containsExactlyInAnyOrderElementsOf(first.counties());
		assertThat(planted).allSatisfy(r -> assertThat(r.get("预期")).doesNotContain("410122"));
	}

	@Test
	void sizesOutsideTheProvinceOrTheLimitsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ProvinceGenerator().generate(tmp.resolve("x"), 1, "41", 1000, 200));
		assertThatIllegalArgumentException().isThrownBy(() -> new ProvinceGenerator().generate(tmp.resolve("x"), 1, "99", 5, 200));
		assertThatIllegalArgumentException().isThrownBy(() -> new ProvinceGenerator().generate(tmp.resolve("x"), 1, "41", 5, 100));
	}

	private long fifteenDigitIds() throws IOException {
		long n = 0;
		for (String county : first.counties()) {
			n += roster(county).stream().map(r -> r.get("身份证号")).filter(s -> s.length() == 15).distinct().count();
		}
		return n;
	}

	private List<CSVRecord> roster(String county) throws IOException {
		Path file = first.folder().resolve("2026-10/beneficiaries-" + county + ".csv");
		byte[] bytes = Files.readAllBytes(file);
		Charset cs = new String(bytes, StandardCharsets.UTF_8).contains("\uFFFD") ? Charset.forName("GBK") : StandardCharsets.UTF_8;
		List<String> lines = new ArrayList<>(new String(bytes, cs).lines().toList());
		lines.remove(0); // the title row
		lines.remove(lines.size() - 1); // the 合计 row
		try (Reader r = new java.io.StringReader(String.join("\n", lines))) {
			return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
		}
	}

	private static List<CSVRecord> csv(Path file, Charset charset) throws IOException {
		try (Reader r = Files.newBufferedReader(file, charset)) {
			return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
		}
	}

	private static List<String> relative(ProvinceSet set) {
		try (Stream<Path> s = set.files().stream()) {
			return s.map(p -> set.folder().relativize(p).toString()).sorted().toList();
		}
	}
}
