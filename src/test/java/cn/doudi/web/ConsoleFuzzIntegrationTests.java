package cn.doudi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.doudi.ingest.Fixtures;
import cn.doudi.ingest.read.CraftedXlsx;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.TestData;

/**
 * A seeded run of a few hundred hostile uploads through the console's upload form (the whole stack: the
 * controller, the importer, PostgreSQL): valid rosters with hostile values in random cells (huge numbers,
 * exponents, markup, control and bidirectional characters, SQL, formulas, 3,000-character names, …),
 * damaged bytes, wrong encodings, broken CSV quoting, crafted XLSX parts (bad shared-string indexes, bad
 * cell addresses, a DTD with an external entity, truncated XML, zip bombs), corrupted zips, hostile file
 * names. It must end with no 5xx, no stack trace or library wording on any page, no partial import (an
 * upload that was not imported changed no table), no upload left half-staged, no local file read through
 * an entity. Seed and count are fixed so that a failure replays. The heap's peak is printed, not asserted: in a
 * JVM shared with the whole suite it measures the other tests' garbage as much as the uploads (CI saw 1.3 GiB on
 * a 2-core machine); the bound on memory is kept by the reader's counted inflation and size limits
 * ({@code HostileFilesTests}) and measured by {@code bench}.
 */
@WebIntegrationTest
class ConsoleFuzzIntegrationTests {

	static final long SEED = 20261206L;
	static final int UPLOADS = 300;

	static final String[] HOSTILE = { "", " ", "123456789012345", "999999999999999999999999999999", "1e999999999",
			"-1", "-0.001", "0.001", "NaN", "Infinity", "٣٤٥", "４１０１０２", "<script>alert(1)</script>", "\"quoted\"",
			"'; drop table beneficiary; --", "=cmd|' /C calc'!A0", "@SUM(1+1)", "\u202Eevil\u202C", "\u0000", "\u0007\u001B",
			"😀👨‍👩‍👧", "𠮷野家", "張三·李四", "　", "\t", "x".repeat(3000), "9".repeat(5000), "0x1F", "2026-13-45",
			"9999-99-99", "00000000", "20261301", "41010219400302001X", "410102194003020011", "4.10203199001011E+17",
			"DIBAO_URBAN", "NOPE", "户主", "合计", "ICBC", "bank", "../../etc/passwd", "%s%s%n", "${jndi:ldap://x}",
			"\r\n", "a,b", "\"", "¥1,234.50元", "1,2,3", "-999999999999.99", "12.345" };

	static final String[] NAMES = { "roster.csv", "花名册.xlsx", "../../etc/passwd.csv", "..\\..\\windows\\x.csv", "",
			".hidden.csv", "a<b>c:d\"e|f?g*h.csv", "名单\u0000.csv", "tab\tname.csv", "郑州市金水区城乡低保花名册".repeat(20) + ".csv",
			"x".repeat(400) + ".xlsx", "CON.csv", "名单.CSV", "no-extension", "roster.xls", "roster.pdf" };

	static final List<String> INTERNALS = HostileConsoleIntegrationTests.INTERNALS;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path dir;

	final Random random = new Random(SEED);

	record Upload(String source, String name, byte[] content, String kind) {
	}

	@Test
	void hundredsOfHostileUploadsEndWithoutAFiveHundredOrAPartialImport() throws Exception {
		DatabaseCleaner.clean(jdbc);
		new TestData(jdbc).user("admin", "ADMIN", null);
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(p -> p.getType() == MemoryType.HEAP)
			.toList();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		int imported = 0;
		int refused = 0;
		Map<String, Integer> kinds = new java.util.TreeMap<>();
		for (int i = 0; i < UPLOADS; i++) {
			Upload u = next(i);
			kinds.merge(u.kind(), 1, Integer::sum);
			Map<String, Object> before = counts();
			MvcResult r = mvc.perform(multipart("/uploads")
				.file(new MockMultipartFile("files", u.name(), "application/octet-stream", u.content()))
				.param("source", u.source())
				.with(user("admin"))
				.with(csrf())).andReturn();
			int status = r.getResponse().getStatus();
			String page = HostileConsoleIntegrationTests.withoutTokens(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
			String what = "upload " + i + " (" + u.kind() + ", " + u.source() + ", " + u.name().length() + "-char name)";
			assertThat(status).as(what).isLessThan(500);
			for (String internal : INTERNALS) {
				assertThat(page).as(what).doesNotContain(internal);
			}
			assertThat(page).as(what + ": no file read through an entity").doesNotContain("root:x:0:0");
			if (page.contains("已导入（导入 #")) {
				imported++;
			}
			else {
				refused++;
				assertThat(counts()).as(what + " was not imported and changed nothing").isEqualTo(before);
			}
		}
		long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
		System.out.printf("fuzz: %d uploads (%d imported, %d refused), kinds %s, heap peak %d MiB%n", UPLOADS, imported, refused,
				kinds, peak >> 20);
		assertThat(jdbc.queryForObject("select count(*) from import_batch where status = 'STAGING'", Integer.class)).isZero();
		assertThat(refused).isGreaterThan(UPLOADS / 2);
		assertThat(imported).as("some hostile values are harmless text and import").isPositive();
	}

	/** What a refused upload must leave as it was. */
	Map<String, Object> counts() {
		return jdbc.queryForMap("""
				select (select count(*) from import_batch where status = 'COMMITTED') as committed,
				       (select count(*) from beneficiary) as beneficiaries, (select count(*) from death) as deaths,
				       (select count(*) from region) as regions, (select count(*) from snapshot) as snapshots
				""");
	}

	Upload next(int i) throws Exception {
		String source = pick(new String[] { "beneficiaries", "beneficiaries", "deaths", "regions" });
		List<List<String>> rows = rows(source);
		int kind = random.nextInt(100);
		if (kind < 35) {
			hostileCells(rows);
			return new Upload(source, name("csv"), csv(rows, StandardCharsets.UTF_8), "csv-values");
		}
		if (kind < 45) {
			hostileCells(rows);
			return new Upload(source, name("csv"), csv(rows, Charset.forName("GB18030")), "csv-gbk-values");
		}
		if (kind < 55) {
			return new Upload(source, name("csv"), corrupt(csv(rows, StandardCharsets.UTF_8)), "csv-bytes");
		}
		if (kind < 62) {
			return new Upload(source, name("csv"), structural(rows), "csv-structure");
		}
		if (kind < 77) {
			hostileCells(rows);
			return new Upload(source, name("xlsx"), xlsx(rows, ""), "xlsx-values");
		}
		if (kind < 88) {
			return new Upload(source, name("xlsx"), xlsx(rows, hostilePart()), "xlsx-parts");
		}
		if (kind < 95) {
			return new Upload(source, name("xlsx"), corrupt(xlsx(rows, "")), "xlsx-zip");
		}
		if (kind < 98) {
			byte[][] odd = { new byte[0], "%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1),
					new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0 }, header(rows) };
			return new Upload(source, name("csv"), odd[random.nextInt(odd.length)], "odd");
		}
		Path bomb = CraftedXlsx.write(dir.resolve("bomb" + i + ".xlsx"), w -> w.repeat("<!---->", (32L << 20) / 7), w -> {
		});
		return new Upload(source, name("xlsx"), Files.readAllBytes(bomb), "bomb");
	}

	List<List<String>> rows(String source) {
		List<List<String>> rows = new ArrayList<>();
		int n = 1 + random.nextInt(8);
		switch (source) {
			case "beneficiaries" -> {
				rows.add(List.of(Fixtures.BENEFICIARY_HEADER.split(",")));
				for (int r = 0; r < n; r++) {
					String county = random.nextBoolean() ? "410102" : "410122";
					String id = TestData.id(county, "1950-01-" + String.format("%02d", 1 + random.nextInt(28)), random.nextInt(999));
					rows.add(new ArrayList<>(List.of(county + "001001", "H" + random.nextInt(1000), id, "张三" + r, "户主",
							pick(new String[] { "DIBAO_URBAN", "ELDERLY", "TEKUN" }), "", "100.00", "2026-01", "", "ICBC",
							"6222020200000" + String.format("%06d", random.nextInt(1000000)), "张三")));
				}
			}
			case "deaths" -> {
				rows.add(List.of("身份证号", "姓名", "死亡日期", "来源"));
				for (int r = 0; r < n; r++) {
					rows.add(new ArrayList<>(List.of(TestData.id("410102", "1940-03-02", random.nextInt(999)), "李四" + r,
							"2026-09-0" + (1 + random.nextInt(9)), "公安")));
				}
			}
			default -> {
				rows.add(List.of("区划代码", "名称"));
				for (int r = 0; r < n; r++) {
					rows.add(new ArrayList<>(List.of("410102" + String.format("%03d", random.nextInt(1000)), "某街道" + r)));
				}
			}
		}
		return rows;
	}

	void hostileCells(List<List<String>> rows) {
		int changes = 1 + random.nextInt(4);
		for (int c = 0; c < changes && rows.size() > 1; c++) {
			List<String> row = rows.get(1 + random.nextInt(rows.size() - 1));
			row.set(random.nextInt(row.size()), pick(HOSTILE));
		}
	}

	byte[] csv(List<List<String>> rows, Charset charset) {
		StringBuilder s = new StringBuilder();
		for (List<String> row : rows) {
			List<String> cells = new ArrayList<>();
			for (String v : row) {
				cells.add(v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
						? "\"" + v.replace("\"", "\"\"") + "\"" : v);
			}
			s.append(String.join(",", cells)).append(random.nextBoolean() ? "\n" : "\r\n");
		}
		return s.toString().getBytes(charset);
	}

	byte[] header(List<List<String>> rows) {
		return (String.join(",", rows.get(0)) + "\n").getBytes(StandardCharsets.UTF_8);
	}

	byte[] structural(List<List<String>> rows) {
		String good = new String(csv(rows, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
		return switch (random.nextInt(5)) {
			case 0 -> (good + "\"unbalanced,quote\n").getBytes(StandardCharsets.UTF_8);
			case 1 -> (good + "a" + ",b".repeat(3000) + "\n").getBytes(StandardCharsets.UTF_8);
			case 2 -> (good + "x,\"" + "y".repeat(40000) + "\"\n").getBytes(StandardCharsets.UTF_8);
			case 3 -> ("\n\n\n" + "标题行,,,\n" + good + "合计,,,\n").getBytes(StandardCharsets.UTF_8);
			default -> (good + "\"a\"b,c\n").getBytes(StandardCharsets.UTF_8);
		};
	}

	/** Random bytes flipped, inserted or cut (NUL bytes, invalid UTF-8, a truncated zip). */
	byte[] corrupt(byte[] content) {
		byte[] b = content.clone();
		switch (random.nextInt(3)) {
			case 0 -> {
				for (int k = 0; k < 1 + random.nextInt(8); k++) {
					b[random.nextInt(b.length)] = (byte) random.nextInt(256);
				}
			}
			case 1 -> b = java.util.Arrays.copyOf(b, Math.max(1, random.nextInt(b.length)));
			default -> {
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				int at = random.nextInt(b.length);
				out.write(b, 0, at);
				byte[] junk = new byte[1 + random.nextInt(64)];
				random.nextBytes(junk);
				out.writeBytes(junk);
				out.write(b, at, b.length - at);
				b = out.toByteArray();
			}
		}
		return b;
	}

	/** A workbook of the rows (inline strings); {@code extra} is raw XML appended to the sheet data. */
	byte[] xlsx(List<List<String>> rows, String extra) throws Exception {
		Path file = Files.createTempFile(dir, "fuzz", ".xlsx");
		StringBuilder data = new StringBuilder();
		for (int r = 0; r < rows.size(); r++) {
			data.append(CraftedXlsx.row(r + 1, rows.get(r).stream().map(ConsoleFuzzIntegrationTests::xmlSafe).toArray(String[]::new)));
		}
		data.append(extra);
		CraftedXlsx.write(file, w -> w.text(data.toString()), w -> w.text("<si><t>共享</t></si>"));
		if (extra.startsWith("<!DOCTYPE")) {
			return withDoctype(Files.readAllBytes(file), extra);
		}
		return Files.readAllBytes(file);
	}

	/** Hostile XML for the end of the sheet's rows. */
	String hostilePart() {
		int row = 100 + random.nextInt(100);
		return switch (random.nextInt(9)) {
			case 0 -> "<row r=\"" + row + "\"><c r=\"A" + row + "\" t=\"s\"><v>" + pick(new String[] { "-1", "99999999", "1", "x" })
					+ "</v></c></row>";
			case 1 -> "<row r=\"" + row + "\"><c r=\"" + pick(new String[] { "ZZZZ1", "A0", "a1", "1A", "" }) + "\"><v>1</v></c></row>";
			case 2 -> "<row r=\"" + row + "\"><c r=\"A" + row + "\"><v>12abc</v></c></row>";
			case 3 -> "<row r=\"" + row + "\"><c r=\"A" + row + "\" t=\"inlineStr\"><is><t>unclosed";
			case 4 -> "<row r=\"0\"/>";
			case 5 -> "<row r=\"2\"/>"; // out of order
			case 6 -> "<row r=\"" + row + "\">" + "<x>".repeat(200) + "</x>".repeat(200) + "</row>";
			case 7 -> "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
			default -> "<row r=\"" + row + "\"><c r=\"A" + row + "\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>";
		};
	}

	/** Rewrites the sheet part with a DOCTYPE declaring an external entity, used in a cell. */
	static byte[] withDoctype(byte[] xlsx, String doctype) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			ZipEntry e;
			while ((e = in.getNextEntry()) != null) {
				byte[] content = in.readAllBytes();
				if (e.getName().equals("xl/worksheets/sheet1.xml")) {
					String xml = new String(content, StandardCharsets.UTF_8).replace(doctype, "")
						.replace("<worksheet ", doctype + "<worksheet ")
						.replace("</sheetData>", "<row r=\"500\"><c r=\"A500\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData>");
					content = xml.getBytes(StandardCharsets.UTF_8);
				}
				zip.putNextEntry(new ZipEntry(e.getName()));
				zip.write(content);
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	static String xmlSafe(String s) {
		StringBuilder b = new StringBuilder();
		s.codePoints().filter(c -> c == 9 || c == 10 || c == 13 || c >= 0x20 && c != 0xFFFE && c != 0xFFFF).forEach(b::appendCodePoint);
		return b.toString();
	}

	String name(String ext) {
		String n = pick(NAMES);
		return n.endsWith(".csv") || n.endsWith(".xlsx") ? n.replaceAll("\\.(csv|xlsx)$", "." + ext) : n;
	}

	<T> T pick(T[] values) {
		return values[random.nextInt(values.length)];
	}
}
