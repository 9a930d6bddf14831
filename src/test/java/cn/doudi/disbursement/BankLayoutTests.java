package cn.doudi.disbursement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.doudi.disbursement.batch.BankBatch;
import cn.doudi.disbursement.files.BatchAssembler;
import cn.doudi.disbursement.files.BatchAssembler.RunBatches;
import cn.doudi.disbursement.layout.BankLayout;
import cn.doudi.disbursement.layout.BankLayouts;
import cn.doudi.disbursement.layout.LayoutException;
import cn.doudi.disbursement.layout.LayoutParser;
import cn.doudi.disbursement.layout.LayoutSet;
import cn.doudi.disbursement.layout.LayoutWriter;
import cn.doudi.kernel.Program;
import cn.doudi.payroll.PaymentLineView;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.payroll.RunStatus;

/** Layouts as data (OUTPUTS.md "Bank disbursement layouts"): loading, checking, and the exact bytes written. */
class BankLayoutTests {

	static final PayrollRun RUN = new PayrollRun(7, "410102", YearMonth.of(2026, 10), 1, "410102-202610-01",
			RunStatus.APPROVED, LocalDate.of(2026, 10, 10), "fin1", "fin2");

	static final String A = "410102194003020019";
	static final String B = "410102194501010024";
	static final String C = "41010219500505003X";

	/** payments.csv order: an arrears line, a HELD line (not sent), a PSBC line between ICBC lines. */
	static List<PaymentLineView> lines() {
		return List.of(line(11, 1, Program.DIBAO_URBAN, "H1", A, "张三", "2026-10", "1380.00", "PAY", "ICBC", "6222020200000000011", false),
				line(12, 2, Program.DIBAO_URBAN, "H1", A, "张三", "2026-09", "690.00", "PAY", "ICBC", "6222020200000000011", true),
				line(13, 3, Program.ELDERLY, "H2", "410102194101010035", "李四", "2026-10", "100.00", "HELD", "ICBC", "6222020200000000013", false),
				line(14, 4, Program.ELDERLY, "H3", B, "王五", "2026-10", "100.00", "PAY", "PSBC", "6222020200000000014", false),
				line(15, 5, Program.TEKUN, "H4", C, "赵六", "2026-10", "1200.50", "PAY", "ICBC", "6222020200000000015", false));
	}

	static PaymentLineView line(long id, int seq, Program p, String household, String idNumber, String name, String month,
			String amount, String status, String bank, String account, boolean arrears) {
		return new PaymentLineView(id, 7, seq, "410102", "410102001001", p, "", household, idNumber, name,
				YearMonth.parse(month), new BigDecimal(amount), status, status.equals("HELD") ? "DECEASED" : "", bank,
				account, name, arrears, null);
	}

	static LayoutSet shipped() {
		return new BankLayouts(Path.of("jobs").toString()).load();
	}

	@Test
	void theShippedLayoutsLoad() {
		LayoutSet set = shipped();
		assertThat(set.defaultLayout().separator()).isEqualTo("|");
		assertThat(set.defaultLayout().encoding().name()).isEqualTo("GB18030");
		assertThat(set.defaultLayout().unmappable()).isEqualTo("?");
		assertThat(set.forBank("PSBC").encoding().name()).isEqualTo("GBK");
		assertThat(set.forBank("ICBC")).isSameAs(set.defaultLayout());
		assertThat(set.forBank("PSBC").fixed()).isTrue();
		assertThat(set.forBank("PSBC").amountInFen()).isTrue();
	}

	@Test
	void theDefaultLayoutWritesExactlyTheSpecifiedBytes() throws IOException {
		RunBatches final_ = BatchAssembler.assemble(RUN, lines(), false);
		RunBatches draft = BatchAssembler.assemble(RUN, lines(), true);
		BankLayout layout = shipped().forBank("ICBC");

		assertThat(final_.byBank()).containsOnlyKeys("ICBC", "PSBC");
		assertThat(bytes(layout, final_.byBank().get("ICBC"))).isEqualTo(golden("ICBC-410102-202610.txt"));
		assertThat(bytes(layout, draft.byBank().get("ICBC"))).isEqualTo(golden("DRAFT-ICBC-410102-202610.txt"));
		String text = new String(golden("ICBC-410102-202610.txt"), "GBK");
		assertThat(text).startsWith("H|410102-202610-01|20261010|3|3270.50\n").contains("|补发城市最低生活保障2026年9月\n");
	}

	@Test
	void theHeaderCountsAndSumsTheLinesInPaymentsOrder() {
		BankBatch icbc = BatchAssembler.assemble(RUN, lines(), false).byBank().get("ICBC");
		assertThat(icbc.lines()).extracting(l -> l.seq()).containsExactly(1, 2, 3);
		assertThat(icbc.lines()).extracting(l -> l.paymentLineId()).containsExactly(11L, 12L, 15L);
		assertThat(icbc.total()).isEqualByComparingTo("3270.50");
	}

	@Test
	void oneBanksBatchFromTheLinesOneAtATimeIsTheBatchOfTheWholeRun() {
		// as a bank return rebuilds it: the run's lines streamed, only the bank's kept
		for (boolean draft : new boolean[] { false, true }) {
			RunBatches whole = BatchAssembler.assemble(RUN, lines(), draft);
			for (String bank : List.of("ICBC", "PSBC")) {
				BatchAssembler.OneBank one = new BatchAssembler.OneBank(RUN, draft, bank);
				lines().forEach(one);
				assertThat(one.batch()).contains(whole.byBank().get(bank));
			}
		}
		BatchAssembler.OneBank none = new BatchAssembler.OneBank(RUN, false, "CCB");
		lines().forEach(none);
		assertThat(none.batch()).isEmpty();
		// a PAY line without a bank is refused as the whole run's assembly refuses it, whichever bank is asked for
		List<PaymentLineView> withoutBank = new java.util.ArrayList<>(lines());
		withoutBank.add(line(16, 6, Program.TEKUN, "H5", C, "赵六", "2026-10", "10.00", "PAY", "", "", false));
		BatchAssembler.OneBank icbc = new BatchAssembler.OneBank(RUN, false, "ICBC");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> withoutBank.forEach(icbc))
			.hasMessageContaining("没有有效的开户银行或账号");
	}

	@Test
	void aFixedWidthLayoutIsDataOnly() throws IOException {
		BankBatch psbc = BatchAssembler.assemble(RUN, lines(), false).byBank().get("PSBC");
		assertThat(bytes(shipped().forBank("PSBC"), psbc)).isEqualTo(golden("PSBC-410102-202610.dat"));
	}

	@Test
	void aNewBankLayoutNeedsOnlyAFile(@TempDir Path jobs) throws IOException {
		Path banks = Files.createDirectories(jobs.resolve("banks"));
		Files.copy(Path.of("jobs/banks/default.yml"), banks.resolve("default.yml"));
		Files.writeString(banks.resolve("CCB.yml"), """
				file-name: "建行代发-{county}-{month}.csv"
				encoding: UTF-8
				format: delimited
				separator: ","
				amount: fen
				header: [batch_no, count, total]
				detail: [seq, account, amount, name]
				""");
		LayoutSet set = new BankLayouts(jobs.toString()).load();
		BankLayout ccb = set.forBank("CCB");
		List<PaymentLineView> ccbLines = lines().stream()
			.map(l -> new PaymentLineView(l.id(), l.runId(), l.seq(), l.county(), l.regionCode(), l.program(), l.category(),
					l.householdId(), l.idNumber(), l.name(), l.payMonth(), l.amount(), l.status(), l.reason(), "CCB",
					l.accountNumber(), l.accountName(), l.arrears(), l.members()))
			.toList();
		BankBatch batch = BatchAssembler.assemble(RUN, ccbLines, false).byBank().get("CCB");

		assertThat(ccb.fileName("CCB", "410102", "202610", "2026-10")).isEqualTo("建行代发-410102-2026-10.csv");
		assertThat(new String(bytes(ccb, batch), StandardCharsets.UTF_8)).isEqualTo("""
				410102-202610-01,4,337050
				1,6222020200000000011,138000,张三
				2,6222020200000000011,69000,张三
				3,6222020200000000014,10000,王五
				4,6222020200000000015,120050,赵六
				""");
		assertThat(set.forBank("ICBC")).isSameAs(set.defaultLayout());
	}

	@Test
	void aBrokenLayoutIsNamedWithItsField() {
		assertThatThrownBy(() -> LayoutParser.parse("jobs/banks/PSBC.yml", """
				file-name: "P-{county}.dat"
				encoding: GBK
				format: fixed
				header: [{value: batch_no, width: 20}]
				detail:
				  - {value: seq, width: 6}
				  - {value: account, width: abc}
				  - {value: amount, width: 10}
				return: {status-width: 4}
				""")).isInstanceOf(LayoutException.class)
			.hasMessageContaining("jobs/banks/PSBC.yml")
			.hasMessageContaining("detail[1].width")
			.hasMessageContaining("abc");
		assertThatThrownBy(() -> LayoutParser.parse("x.yml", """
				file-name: "{bank}-{county}.txt"
				encoding: GBK
				format: delimited
				separator: "|"
				header: [batch_no]
				detail: [seq, account, amount, colour]
				""")).hasMessageContaining("x.yml").hasMessageContaining("detail[3].value").hasMessageContaining("colour");
		assertThatThrownBy(() -> LayoutParser.parse("y.yml", """
				file-name: "{bank}-{county}.txt"
				encoding: GBK
				fromat: delimited
				""")).hasMessageContaining("y.yml").hasMessageContaining("fromat");
		assertThatThrownBy(() -> LayoutParser.parse("z.yml", """
				file-name: "{bank}.txt"
				encoding: GBK
				format: delimited
				separator: "|"
				header: [batch_no]
				detail: [seq, account, amount]
				""")).hasMessageContaining("file-name").hasMessageContaining("{county}");
	}

	@Test
	void aLayoutFileForNoBankIsRefused(@TempDir Path jobs) throws IOException {
		Path banks = Files.createDirectories(jobs.resolve("banks"));
		Files.copy(Path.of("jobs/banks/default.yml"), banks.resolve("default.yml"));
		Files.copy(Path.of("jobs/banks/PSBC.yml"), banks.resolve("PSCB.yml"));
		assertThatThrownBy(() -> new BankLayouts(jobs.toString()).load()).hasMessageContaining("PSCB");
	}

	@Test
	void theJarCarriesTheLayoutsToo() {
		LayoutSet set = new BankLayouts("").load(); // ./jobs here; the jar copy is the same files
		assertThat(set.forBank("PSBC").name()).isEqualTo("邮储银行定长格式");
		assertThat(BankLayouts.class.getClassLoader().getResource("jobs/banks/default.yml")).isNotNull();
		assertThat(BankLayouts.class.getClassLoader().getResource("jobs/banks/PSBC.yml")).isNotNull();
	}

	/** The file's bytes; no value of these lines needs a substitute. */
	static byte[] bytes(BankLayout layout, BankBatch batch) {
		LayoutWriter.Rendered r = LayoutWriter.write(layout, batch);
		assertThat(r.substitutions()).isEmpty();
		return r.bytes();
	}

	private static byte[] golden(String name) throws IOException {
		try (var in = BankLayoutTests.class.getResourceAsStream("/disbursement/" + name)) {
			return in.readAllBytes();
		}
	}
}
