package cn.doudi.disbursement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.disbursement.files.BankFolder;
import cn.doudi.disbursement.pain.Pain001Schema;
import cn.doudi.payroll.MonthEnd;
import cn.doudi.payroll.MonthEndFiles;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.payroll.PayrollRuns;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;
import cn.doudi.support.TestData;

/** Month-end writes draft bank files; approval writes the finals in their place (OUTPUTS.md). */
@DoudiIntegrationTest
class DisbursementIntegrationTests {

	static final String COUNTY = "410102";
	static final YearMonth OCT = YearMonth.of(2026, 10);
	static final Charset GBK = Charset.forName("GBK");

	@Autowired
	PayrollRuns payroll;

	@Autowired
	MonthEnd monthEnd;

	@Autowired
	MonthEndFiles files;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	cn.doudi.payroll.RunReader reader;

	@Autowired
	cn.doudi.disbursement.layout.BankLayouts layouts;

	@Autowired
	cn.doudi.disbursement.pain.Payer payer;

	@TempDir
	Path tmp;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(jdbc);
		givenThreeElders(jdbc);
	}

	/** Three ELDERLY lines of 100.00 (two ICBC, one PSBC); users fin1 (county) and fin2 (city). */
	static void givenThreeElders(JdbcTemplate jdbc) {
		TestData data = new TestData(jdbc).standard(COUNTY, "ELDERLY", "80-89", "2026-01", "100.00")
			.user("fin1", "FINANCE", COUNTY)
			.user("fin2", "FINANCE", null)
			.user("op", "OPERATOR", COUNTY);
		for (int i = 1; i <= 3; i++) {
			data.beneficiary("410102001001", "H" + i, TestData.id(COUNTY, "1940-03-0" + i, 10 + i), "老人" + i, "户主",
					"ELDERLY", null, null, "2026-01", null);
		}
		jdbc.update("update beneficiary set bank = 'PSBC' where household_id = 'H2'");
	}

	PayrollRun draft(Path out) {
		return monthEnd.one(COUNTY, OCT, OCT.atDay(10), out, "fin1");
	}

	@Test
	void monthEndWritesDraftsWithAManifest() throws IOException {
		Path out = tmp.resolve("2026-10");
		PayrollRun run = draft(out);
		Path bank = out.resolve("bank");

		assertThat(names(bank)).containsExactly("DRAFT-410102-202610.pain.001.xml", "DRAFT-ICBC-410102-202610.txt",
				"DRAFT-PSBC-410102-202610.dat", "MANIFEST.sha256");
		String icbc = Files.readString(bank.resolve("DRAFT-ICBC-410102-202610.txt"), GBK);
		assertThat(icbc).startsWith("H|草稿410102-202610-01|20261010|2|200.00\nD|1|")
			.contains("|高龄津贴2026年10月\nD|2|")
			.endsWith("|高龄津贴2026年10月\n");
		Pain001Schema.validate("draft", Files.readAllBytes(bank.resolve("DRAFT-410102-202610.pain.001.xml")));
		assertManifestMatches(bank);
		assertThat(jdbc.queryForObject("select count(*) from bank_file where run_id = ? and not final", Integer.class,
				run.id())).isEqualTo(3);
		assertThat(jdbc.queryForObject("select total from bank_file where file_name = 'bank/DRAFT-410102-202610.pain.001.xml'",
				java.math.BigDecimal.class)).isEqualByComparingTo("300.00");
	}

	@Test
	void theSameRunWritesTheSameBytes() throws IOException {
		PayrollRun run = draft(tmp.resolve("a"));
		files.write(List.of(run), tmp.resolve("b"));
		for (String name : names(tmp.resolve("a/bank"))) {
			assertThat(Files.readAllBytes(tmp.resolve("b/bank").resolve(name))).as(name)
				.isEqualTo(Files.readAllBytes(tmp.resolve("a/bank").resolve(name)));
		}
	}

	/**
	 * Month-end writes the files as the lines are read; they are byte for byte what the in-memory writers make
	 * of the run's lines taken whole (the form {@code BankLayoutTests} and {@code Pain001Tests} check).
	 */
	@Test
	void theStreamedFilesAreTheInMemoryWritersBytes() throws IOException {
		Path out = tmp.resolve("2026-10");
		PayrollRun run = draft(out);
		var set = layouts.load();
		var batches = cn.doudi.disbursement.files.BatchAssembler.assemble(run, reader.lines(run.id()), true);

		assertThat(batches.byBank().keySet()).containsExactly("ICBC", "PSBC");
		for (var batch : batches.byBank().values()) {
			var layout = set.forBank(batch.bank());
			String name = "DRAFT-" + cn.doudi.disbursement.files.BankFileWriter.fileName(layout, batch.bank(), COUNTY, OCT);
			assertThat(Files.readAllBytes(out.resolve("bank").resolve(name))).as(name)
				.isEqualTo(cn.doudi.disbursement.layout.LayoutWriter.write(layout, batch).bytes());
		}
		assertThat(Files.readAllBytes(out.resolve("bank/DRAFT-410102-202610.pain.001.xml")))
			.isEqualTo(cn.doudi.disbursement.pain.Pain001Writer.write(
					cn.doudi.disbursement.files.BatchAssembler.county(batches, true), batches.transfers(), payer));
	}

	/**
	 * The files are written as the lines are read: H1 (ICBC), H2 (PSBC), then H3 (ICBC) without an account. When
	 * H3 comes, three files are half written under temporary names; they are removed, and the drafts in place
	 * stay as they were (a new folder gets no bank/ at all).
	 */
	@Test
	void aLineThatCannotBePaidLeavesTheBankFolderAsItWas() throws IOException {
		Path out = tmp.resolve("2026-10");
		PayrollRun run = draft(out);
		Path bank = out.resolve("bank");
		List<String> before = names(bank);
		java.util.Map<String, byte[]> bytes = new java.util.HashMap<>();
		for (String name : before) {
			bytes.put(name, Files.readAllBytes(bank.resolve(name)));
		}
		jdbc.update("update payment_line set account_number = '' where run_id = ? and household_id = 'H3'", run.id());

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> files.write(List.of(run), out))
			.hasMessageContaining("没有有效的开户银行或账号，不能生成代发文件");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> files.write(List.of(run), tmp.resolve("new")))
			.hasMessageContaining("没有有效的开户银行或账号，不能生成代发文件");

		try (Stream<Path> all = Files.list(bank)) {
			assertThat(all.map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(before);
		}
		for (String name : before) {
			assertThat(Files.readAllBytes(bank.resolve(name))).as(name).isEqualTo(bytes.get(name));
		}
		assertThat(tmp.resolve("new/bank")).doesNotExist();
	}

	@Test
	void approvalWritesTheFinalsAndRemovesTheDrafts() throws IOException {
		Path out = tmp.resolve("2026-10");
		PayrollRun run = draft(out);
		payroll.release(COUNTY, OCT, "fin1");
		payroll.approve(COUNTY, OCT, "fin2");
		Path bank = out.resolve("bank");

		assertThat(names(bank)).containsExactly("410102-202610.pain.001.xml", "ICBC-410102-202610.txt",
				"MANIFEST.sha256", "PSBC-410102-202610.dat");
		for (String name : names(bank)) {
			byte[] bytes = Files.readAllBytes(bank.resolve(name));
			assertThat(new String(bytes, name.endsWith(".xml") || name.startsWith("MANIFEST") ? StandardCharsets.UTF_8 : GBK))
				.as(name)
				.doesNotContain("草稿")
				.doesNotContain("DRAFT");
		}
		assertThat(Files.readString(bank.resolve("ICBC-410102-202610.txt"), GBK))
			.startsWith("H|410102-202610-01|20261010|2|200.00\n");
		Pain001Schema.validate("final", Files.readAllBytes(bank.resolve("410102-202610.pain.001.xml")));
		assertManifestMatches(bank);
		assertThat(jdbc.queryForList("select file_name from bank_file where run_id = ? and final order by file_name",
				String.class, run.id())).containsExactly("bank/410102-202610.pain.001.xml", "bank/ICBC-410102-202610.txt",
						"bank/PSBC-410102-202610.dat");
	}

	@Test
	void aReRunOfTheMonthReplacesTheDraftsAndDropsABankThatNoLongerHasLines() throws IOException {
		Path out = tmp.resolve("2026-10");
		draft(out);
		jdbc.update("update beneficiary set bank = 'ICBC' where household_id = 'H2'");
		PayrollRun second = draft(out);

		assertThat(names(out.resolve("bank"))).containsExactly("DRAFT-410102-202610.pain.001.xml",
				"DRAFT-ICBC-410102-202610.txt", "MANIFEST.sha256");
		assertThat(Files.readString(out.resolve("bank/DRAFT-ICBC-410102-202610.txt"), GBK))
			.startsWith("H|草稿" + second.batchNo() + "|20261010|3|300.00\n");
		assertManifestMatches(out.resolve("bank"));
	}

	@Test
	void aRevokeMovesTheFinalsOutOfTheBankFolderAndTheReRunWritesNewDrafts() throws IOException {
		Path out = tmp.resolve("2026-10");
		PayrollRun run = draft(out);
		payroll.release(COUNTY, OCT, "fin1");
		payroll.approve(COUNTY, OCT, "fin2");
		byte[] icbc = Files.readAllBytes(out.resolve("bank/ICBC-410102-202610.txt"));

		payroll.revoke(COUNTY, OCT, "fin1", "标准录入错误");

		assertThat(names(out.resolve("bank"))).containsExactly("MANIFEST.sha256");
		assertThat(Files.readString(out.resolve("bank/MANIFEST.sha256"))).isEmpty();
		Path aside = out.resolve("revoked").resolve(run.batchNo());
		assertThat(names(aside)).containsExactly("410102-202610.pain.001.xml", "ICBC-410102-202610.txt",
				"PSBC-410102-202610.dat");
		assertThat(Files.readAllBytes(aside.resolve("ICBC-410102-202610.txt"))).isEqualTo(icbc);

		PayrollRun again = draft(out);
		assertThat(again.batchNo()).isEqualTo("410102-202610-02");
		assertThat(names(out.resolve("bank"))).containsExactly("DRAFT-410102-202610.pain.001.xml",
				"DRAFT-ICBC-410102-202610.txt", "DRAFT-PSBC-410102-202610.dat", "MANIFEST.sha256");
		assertManifestMatches(out.resolve("bank"));
		assertThat(names(aside)).hasSize(3);
	}

	static void assertManifestMatches(Path bank) throws IOException {
		List<String> lines = Files.readAllLines(bank.resolve("MANIFEST.sha256"));
		List<String> files = names(bank).stream().filter(n -> !n.equals("MANIFEST.sha256")).toList();
		assertThat(lines).hasSize(files.size());
		for (int i = 0; i < files.size(); i++) {
			String[] parts = lines.get(i).split("  ");
			assertThat(parts[1]).isEqualTo(files.get(i));
			assertThat(parts[0]).as(files.get(i)).isEqualTo(BankFolder.sha256(bank.resolve(files.get(i))));
			assertThat(parts[2]).matches("lines=\\d+");
			assertThat(parts[3]).matches("total=\\d+\\.\\d{2}");
		}
	}

	static List<String> names(Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}
}
