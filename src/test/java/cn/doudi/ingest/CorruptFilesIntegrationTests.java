package cn.doudi.ingest;

import static cn.doudi.ingest.Fixtures.BENEFICIARY_HEADER;
import static cn.doudi.ingest.Fixtures.dibao;
import static cn.doudi.ingest.Fixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;

/** Damaged and wrong files end with one clear message, and nothing of the upload is imported. */
@DoudiIntegrationTest
class CorruptFilesIntegrationTests {

	@Autowired
	RosterImports imports;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path dir;

	Path valid;

	@BeforeEach
	void setUp() throws IOException {
		DatabaseCleaner.clean(jdbc);
		Fixtures.users(jdbc);
		valid = Fixtures.csv(dir, "valid.csv", BENEFICIARY_HEADER, dibao("H1", id("410102", "19500101", 1), "甲", "户主", "1"));
	}

	/** Imports the valid file together with the bad one (even accepting valid rows): nothing may be kept. */
	String rejection(Path bad) {
		ImportOutcome o = imports.importFiles(Source.BENEFICIARIES, List.of(valid, bad),
				ImportOptions.by("tester").acceptingValidRows());
		assertThat(o.status()).isEqualTo(ImportOutcome.Status.REJECTED);
		assertThat(jdbc.queryForObject("select count(*) from beneficiary", Integer.class)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from import_batch where status <> 'REJECTED'", Integer.class)).isZero();
		assertThat(o.errorReports()).singleElement()
			.satisfies(r -> assertThat(r.getFileName().toString()).isEqualTo(bad.getFileName() + ".errors.xlsx"));
		assertThat(o.problems()).singleElement().satisfies(p -> assertThat(p.file()).isEqualTo(bad.getFileName().toString()));
		return o.problems().get(0).reason();
	}

	@Test
	void aTruncatedWorkbook() throws Exception {
		Path whole = Fixtures.xlsx(dir, "whole.xlsx", false, Fixtures.rows(Fixtures.split(BENEFICIARY_HEADER),
				Fixtures.split(dibao("H2", id("410102", "19500101", 2), "乙", "户主", "1"))));
		byte[] bytes = Files.readAllBytes(whole);
		Path cut = Files.write(dir.resolve("cut.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));

		assertThat(rejection(cut)).contains("不是有效的xlsx工作簿").contains("已损坏");
	}

	@Test
	void aPdfRenamedToXlsx() throws Exception {
		Path pdf = Files.write(dir.resolve("roster.xlsx"), "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));

		assertThat(rejection(pdf)).contains("PDF");
	}

	@Test
	void anEmptyFile() throws Exception {
		assertThat(rejection(Files.write(dir.resolve("empty.csv"), new byte[0]))).isEqualTo("文件为空（0字节）");
	}

	@Test
	void binaryGarbage() throws Exception {
		byte[] noise = new byte[64 * 1024];
		new Random(7).nextBytes(noise);
		assertThat(rejection(Files.write(dir.resolve("noise.csv"), noise))).contains("二进制");
	}

	@Test
	void garbageWithoutZeroBytesIsNotTakenForText() throws Exception {
		byte[] noise = new byte[64 * 1024];
		new Random(11).nextBytes(noise);
		for (int i = 0; i < noise.length; i++) {
			noise[i] = (byte) (noise[i] == 0 ? 1 : noise[i]);
		}
		assertThat(rejection(Files.write(dir.resolve("noise2.csv"), noise))).containsAnyOf("编码", "表头", "CSV格式错误");
	}

	@Test
	void aTenMegabyteSingleLine() throws Exception {
		Path line = dir.resolve("line.csv");
		Files.writeString(line, "区划代码," + "甲".repeat(5 * 1024 * 1024 / 3) + ",x".repeat(5 * 1024 * 1024 / 2));
		assertThat(Files.size(line)).isGreaterThanOrEqualTo(10_000_000);

		// a cell longer than Excel's 32,767 characters refuses the file before the header is looked for
		assertThat(rejection(line)).contains("超过 32767 个字符");
	}

	@Test
	void aHeaderWithoutRows() throws Exception {
		assertThat(rejection(Fixtures.csv(dir, "header.csv", BENEFICIARY_HEADER))).isEqualTo("文件只有表头，没有数据行");
	}
}
