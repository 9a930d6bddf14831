package cn.doudi.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * The bombs of issue 11, each fed to the reader as the importer opens files: each is refused with a
 * message naming the limit, after a bounded time and with a bounded heap (measured as the peak of the heap
 * pools while the file is read, over what was in use before). Before the limits, the first took the server
 * 30–90 s, the second and third 2–3 GiB of heap, the last minutes.
 */
class HostileFilesTests {

	private static final long MiB = 1L << 20;
	/** Far under what the bombs took before (GiBs); far over what reading a roster's row needs. */
	private static final long HEAP_BOUND = 256 * MiB;
	private static final Duration TIME_BOUND = Duration.ofSeconds(10);

	@TempDir
	Path dir;

	@Test
	void aZipBombOfBlankRowsIsRefusedAtExcelsRowLimit() throws Exception {
		// 2 GiB of <row/> inflated from about 9 MB
		Path bomb = CraftedXlsx.write(dir.resolve("blank-rows.xlsx"), w -> w.repeat("<row/>", (2L << 30) / 6), w -> {
		});
		assertThat(Files.size(bomb)).isLessThan(16 * MiB);

		Refusal r = read(bomb, ReadLimits.DEFAULTS);

		assertThat(r.reason()).isEqualTo("工作表超过 1048576 行（上限），已拒绝");
		r.withinBounds();
	}

	@Test
	void aZipBombOfCommentsIsRefusedByTheCompressionRatio() throws Exception {
		// neither rows nor text: only the inflation itself can stop it
		Path bomb = CraftedXlsx.write(dir.resolve("comments.xlsx"), w -> w.repeat("<!---->", (512L << 20) / 7), w -> {
		});

		Refusal r = read(bomb, ReadLimits.DEFAULTS);

		assertThat(r.reason()).contains("解压后的大小是压缩大小的 100 倍以上").contains("压缩炸弹");
		r.withinBounds();
	}

	@Test
	void aWorkbookInflatingPastTheTotalIsRefused() throws Exception {
		ReadLimits small = limits(DataSize.ofMegabytes(1), 1000);
		StringBuilder rows = new StringBuilder();
		for (int i = 1; i <= 40000; i++) {
			rows.append(CraftedXlsx.row(i, "410102001001", "H" + i * 7919L));
		}
		Path big = CraftedXlsx.write(dir.resolve("big.xlsx"), w -> w.text(rows.toString()), w -> {
		});

		assertThat(read(big, small).reason()).isEqualTo("xlsx文件解压后超过 1 MB（上限），已拒绝");
	}

	@Test
	void oneHugeCellIsRefusedAtExcelsCellLimit() throws Exception {
		// 255 MiB of one character in one inline-string cell
		Path bomb = CraftedXlsx.write(dir.resolve("huge-cell.xlsx"),
				w -> w.text("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>").repeat("A", 255 * MiB).text("</t></is></c></row>"),
				w -> {
				});

		Refusal r = read(bomb, ReadLimits.DEFAULTS);

		assertThat(r.reason()).isEqualTo("第1行A列单元格内容超过 32767 个字符（Excel单元格的上限），已拒绝");
		r.withinBounds();
	}

	@Test
	void aHugeSharedStringIndexIsRefused() throws Exception {
		Path bad = CraftedXlsx.write(dir.resolve("index.xlsx"),
				w -> w.text("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>99999999</v></c></row>"),
				w -> w.text("<si><t>区划代码</t></si>"));

		Refusal r = read(bad, ReadLimits.DEFAULTS);

		assertThat(r.reason()).isEqualTo("第1行B列引用的共享字符串不存在（索引 99999999，共 1 项；文件已损坏或被改动）");
		r.withinBounds();
	}

	@Test
	void aNegativeSharedStringIndexIsRefused() throws Exception {
		Path bad = CraftedXlsx.write(dir.resolve("negative.xlsx"),
				w -> w.text("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>-1</v></c></row>"), w -> w.text("<si><t>x</t></si>"));

		assertThat(read(bad, ReadLimits.DEFAULTS).reason())
			.isEqualTo("第1行A列引用的共享字符串不存在（索引 -1，共 1 项；文件已损坏或被改动）");
	}

	@Test
	void aNumberOfThreeMillionDigitsIsRefusedBeforeItIsParsed() throws Exception {
		Path xlsx = CraftedXlsx.write(dir.resolve("digits.xlsx"),
				w -> w.text("<row r=\"1\"><c r=\"A1\"><v>").repeat("7", 3_000_000).text("</v></c></row>"), w -> {
				});
		Path csv = dir.resolve("digits.csv");
		Files.writeString(csv, "区划代码,家庭月收入\n410102001001," + "7".repeat(3_000_000) + "\n", StandardCharsets.UTF_8);

		Refusal inXlsx = read(xlsx, ReadLimits.DEFAULTS);
		Refusal inCsv = read(csv, ReadLimits.DEFAULTS);

		assertThat(inXlsx.reason()).isEqualTo("第1行A列单元格内容超过 32767 个字符（Excel单元格的上限），已拒绝");
		assertThat(inCsv.reason()).isEqualTo("第2行第2列的内容超过 32767 个字符（单元格内容的上限），已拒绝");
		inXlsx.withinBounds();
		inCsv.withinBounds();
	}

	@Test
	void aCellPastTheColumnLimitIsRefused() throws Exception {
		Path wide = CraftedXlsx.write(dir.resolve("wide.xlsx"),
				w -> w.text("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c><c r=\"XFD1\"><v>1</v></c></row>"),
				w -> {
				});
		Path wideCsv = dir.resolve("wide.csv");
		Files.writeString(wideCsv, "a" + ",".repeat(5000) + "\n");

		assertThat(read(wide, ReadLimits.DEFAULTS).reason()).isEqualTo("第1行XFD列超过 1024 列（上限），已拒绝");
		assertThat(read(wideCsv, ReadLimits.DEFAULTS).reason()).isEqualTo("第1行超过 1024 列（上限），已拒绝");
	}

	@Test
	void tooManySharedStringsAreRefused() throws Exception {
		ReadLimits few = new ReadLimits(DataSize.ofMegabytes(512), DataSize.ofGigabytes(1), 100, 10000, 256, 1048576, 1024,
				32767, 1000, 100000000L, 40);
		Path many = CraftedXlsx.write(dir.resolve("sst.xlsx"), w -> {
		}, w -> w.repeat("<si><t>甲</t></si>", 1001));

		assertThat(read(many, few).reason()).isEqualTo("共享字符串超过 1000 项（上限），已拒绝；可另存为CSV后上传");
	}

	@Test
	void aFileOverTheUploadSizeIsRefusedUnread() throws Exception {
		ReadLimits tiny = new ReadLimits(DataSize.ofKilobytes(1), DataSize.ofGigabytes(1), 100, 10000, 256, 1048576, 1024,
				32767, 4000000, 100000000L, 40);
		Path csv = dir.resolve("big.csv");
		Files.writeString(csv, "x\n".repeat(2000));

		assertThat(read(csv, tiny).reason()).isEqualTo("文件超过 0 MB（上限），已拒绝；请按区县或月份拆分后上传");
	}

	@Test
	void aWellFormedWorkbookStillReads() throws Exception {
		Path ok = CraftedXlsx.write(dir.resolve("ok.xlsx"), w -> w.text(CraftedXlsx.row(1, "区划代码", "姓名"))
			.text("<row r=\"3\"><c r=\"A3\" t=\"s\"><v>0</v></c><c r=\"C3\"><v>4.10203199001011E+17</v></c>"
					+ "<c r=\"D3\" t=\"inlineStr\"><is><r><t>张</t></r><r><t>三</t></r><rPh><t>ZHANG</t></rPh></is></c></row>"),
				w -> w.text("<si><t>410102001001</t></si>"));

		try (RowSource s = SpreadsheetFiles.open(ok, null, ReadLimits.DEFAULTS)) {
			RawRow header = s.next();
			RawRow row = s.next();
			assertThat(header.rowNo()).isEqualTo(1);
			assertThat(header.values()).containsExactly("区划代码", "姓名");
			assertThat(row.rowNo()).isEqualTo(3);
			assertThat(row.values()).containsExactly("410102001001", null, "4.10203199001011E+17", "张三");
			assertThat(row.isNumeric(2)).isTrue();
			assertThat(row.isNumeric(0)).isFalse();
			assertThat(s.next()).isNull();
		}
	}

	private static ReadLimits limits(DataSize decompressed, int ratio) {
		return new ReadLimits(DataSize.ofMegabytes(512), decompressed, ratio, 10000, 256, 1048576, 1024, 32767, 4000000,
				100000000L, 40);
	}

	/** How a file was refused: the reason, the time it took, the heap it needed above the start. */
	record Refusal(String reason, Duration took, long heap) {

		void withinBounds() {
			assertThat(took).as("time to refuse").isLessThan(TIME_BOUND);
			assertThat(heap).as("heap used while refusing, bytes").isLessThan(HEAP_BOUND);
		}
	}

	/** Opens and reads every row, as the importer does; the file must be refused. */
	static Refusal read(Path file, ReadLimits limits) throws Exception {
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(p -> p.getType() == MemoryType.HEAP)
			.toList();
		System.gc();
		long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		long start = System.nanoTime();
		try (RowSource s = SpreadsheetFiles.open(file, null, limits)) {
			while (s.next() != null) {
				// read on
			}
		}
		catch (FileRejectedException e) {
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
			return new Refusal(e.reason(), took, Math.max(0, peak - before));
		}
		return fail("%s was read whole; it should have been refused", file.getFileName());
	}
}
