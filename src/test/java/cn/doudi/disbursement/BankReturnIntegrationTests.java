package cn.doudi.disbursement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.support.Commands;
import cn.doudi.disbursement.BankReturnOutcome.Status;
import cn.doudi.payroll.MonthEnd;
import cn.doudi.payroll.PayrollRun;
import cn.doudi.payroll.PayrollRuns;
import cn.doudi.security.AccessDeniedException;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;

/** {@code bank-return}: marks lines PAID or FAILED, the whole file or nothing, once (OUTPUTS.md, INPUTS.md). */
@DoudiIntegrationTest
class BankReturnIntegrationTests {

	static final String COUNTY = DisbursementIntegrationTests.COUNTY;
	static final YearMonth OCT = DisbursementIntegrationTests.OCT;
	static final Charset GBK = Charset.forName("GBK");

	@Autowired
	PayrollRuns payroll;

	@Autowired
	MonthEnd monthEnd;

	@Autowired
	BankReturns returns;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ConfigurableApplicationContext context;

	@TempDir
	Path tmp;

	Path bank;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(jdbc);
		DisbursementIntegrationTests.givenThreeElders(jdbc);
		bank = tmp.resolve("out/bank");
	}

	PayrollRun approved() {
		PayrollRun run = monthEnd.one(COUNTY, OCT, OCT.atDay(10), tmp.resolve("out"), "fin1");
		payroll.release(COUNTY, OCT, "fin1");
		payroll.approve(COUNTY, OCT, "fin2");
		return run;
	}

	/** The ICBC return: the final file, each D line with {@code answers[i]} appended, then {@code edit}ed. */
	Path icbcReturn(String name, UnaryOperator<String> edit, String... answers) throws IOException {
		List<String> lines = Files.readAllLines(bank.resolve("ICBC-410102-202610.txt"), GBK);
		List<String> out = new ArrayList<>();
		out.add(lines.get(0));
		for (int i = 1; i < lines.size(); i++) {
			out.add(lines.get(i) + answers[i - 1]);
		}
		Path f = tmp.resolve(name);
		Files.write(f, edit.apply(String.join("\n", out) + "\n").getBytes(GBK));
		return f;
	}

	List<String> statuses() {
		return jdbc.queryForList("select coalesce(bank_status, '-') || ':' || coalesce(bank_failure_reason, '') "
				+ "from payment_line where status = 'PAY' and bank = 'ICBC' order by seq", String.class);
	}

	int count(String sql) {
		return jdbc.queryForObject(sql, Integer.class);
	}

	@Test
	void marksLinesPaidOrFailedAndASecondUploadChangesNothing() throws IOException {
		approved();
		Path f = icbcReturn("ICBC-410102-202610-回盘.txt", s -> s, "|成功|", "|失败|账户已销户");

		BankReturnOutcome o = returns.read(f, null, "fin1");

		assertThat(o.status()).as(o.problems().toString()).isEqualTo(Status.ACCEPTED);
		assertThat(o.paid()).isEqualTo(1);
		assertThat(o.failed()).isEqualTo(1);
		assertThat(statuses()).containsExactly("PAID:", "FAILED:账户已销户");
		assertThat(count("select count(*) from bank_return_line where payment_line_id is not null")).isEqualTo(2);
		assertThat(count("select count(*) from audit_event where action = 'BANK_RETURN'")).isEqualTo(1);

		BankReturnOutcome again = returns.read(f, null, "fin2");
		assertThat(again.status()).isEqualTo(Status.DUPLICATE);
		assertThat(again.importId()).isEqualTo(o.importId());
		assertThat(count("select count(*) from bank_return_line")).isEqualTo(2);
		assertThat(count("select count(*) from import_batch where source = 'bank-return'")).isEqualTo(1);
	}

	@Test
	void aRunTheBankHasAnsweredForCannotBeRevoked() throws IOException {
		approved();
		returns.read(icbcReturn("ICBC-410102-202610-回盘.txt", s -> s, "|成功|", "|成功|"), null, "fin1");

		assertThatThrownBy(() -> payroll.revoke(COUNTY, OCT, "fin1", "重算"))
			.isInstanceOf(cn.doudi.payroll.MonthEndRefusedException.class)
			.hasMessageContaining("银行已回盘（2 笔已处理）");
		assertThat(jdbc.queryForObject("select status from payroll_run where month = '2026-10'", String.class))
			.isEqualTo("APPROVED");
		assertThat(Files.exists(bank.resolve("ICBC-410102-202610.txt"))).isTrue();
	}

	@Test
	void aMismatchRejectsTheWholeFileNamingRowValueAndReason() throws IOException {
		approved();
		Path amount = icbcReturn("ICBC-a.txt", s -> s.replaceFirst("\\|100\\.00\\|", "|1000.00|"), "|成功|", "|成功|");
		Path account = icbcReturn("ICBC-b.txt", s -> s.replaceFirst("(D\\|2\\|\\d+)\\d", "$19"), "|成功|", "|成功|");
		Path seq = icbcReturn("ICBC-c.txt", s -> s.replace("D|2|", "D|9|"), "|成功|", "|成功|");
		Path status = icbcReturn("ICBC-d.txt", s -> s, "|成功|", "|也许|");

		assertThat(returns.read(amount, null, "fin1").problems()).singleElement().asString()
			.contains("第 2 行").contains("金额 1000.00").contains("100.00");
		assertThat(returns.read(account, null, "fin1").problems()).singleElement().asString()
			.contains("第 3 行").contains("账号").doesNotContainPattern("\\d{12}");
		assertThat(returns.read(seq, null, "fin1").problems()).singleElement().asString()
			.contains("第 3 行").contains("序号 9");
		assertThat(returns.read(status, null, "fin1").problems()).singleElement().asString().contains("也许");
		assertThat(statuses()).containsExactly("-:", "-:");
		assertThat(count("select count(*) from import_batch where source = 'bank-return'")).isZero();
		assertThat(count("select count(*) from bank_return_line")).isZero();
	}

	@Test
	void aLineOnceMarkedCannotChangeItsAnswer() throws IOException {
		approved();
		assertThat(returns.read(icbcReturn("ICBC-1.txt", s -> s, "|成功|", "|失败|账户冻结"), null, "fin1").status())
			.isEqualTo(Status.ACCEPTED);
		BankReturnOutcome later = returns.read(icbcReturn("ICBC-2.txt", s -> s, "|成功|", "|成功|"), null, "fin1");

		assertThat(later.status()).isEqualTo(Status.REJECTED);
		assertThat(later.problems()).singleElement().asString().contains("已由之前的回盘标记为 失败");
		assertThat(statuses()).containsExactly("PAID:", "FAILED:账户冻结");
	}

	@Test
	void refusesReturnsForRunsNotApprovedOrBatchesWithoutAFinalFile() throws IOException {
		PayrollRun run = monthEnd.one(COUNTY, OCT, OCT.atDay(10), tmp.resolve("out"), "fin1");
		String header = "H|410102-202610-01|20261010|2|200.00\n";
		List<String> d = Files.readAllLines(bank.resolve("DRAFT-ICBC-410102-202610.txt"), GBK);
		Path draftReturn = tmp.resolve("ICBC-draft.txt");
		Files.write(draftReturn, (d.get(0) + "\n" + d.get(1) + "|成功|\n").getBytes(GBK));
		Path notApproved = tmp.resolve("ICBC-x.txt");
		Files.write(notApproved, (header + d.get(1) + "|成功|\n").getBytes(GBK));
		Path unknown = tmp.resolve("ICBC-y.txt");
		Files.write(unknown, (header.replace("-01|", "-07|") + d.get(1) + "|成功|\n").getBytes(GBK));

		assertThat(returns.read(draftReturn, null, "fin1").problems()).singleElement().asString().contains("草稿");
		assertThat(returns.read(notApproved, null, "fin1").problems()).singleElement().asString().contains("未审批");
		assertThat(returns.read(unknown, null, "fin1").problems()).singleElement().asString()
			.contains("410102-202610-07").contains("不存在");
		payroll.release(COUNTY, OCT, "fin1");
		payroll.approve(COUNTY, OCT, "fin2");
		assertThat(returns.read(notApproved, "BOC", "fin1").problems()).singleElement().asString()
			.contains("没有 BOC 的正式代发文件");
		assertThatThrownBy(() -> returns.read(notApproved, null, "op")).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void readsAFixedWidthReturnInTheBanksOwnLayout() throws IOException {
		approved();
		byte[] sent = Files.readAllBytes(bank.resolve("PSBC-410102-202610.dat"));
		String text = new String(sent, GBK);
		String[] lines = text.split("\r\n");
		Path f = tmp.resolve("PSBC_回盘.dat");
		Files.write(f, (lines[0] + "\r\n" + lines[1] + "失败账号不存在\r\n" + lines[2] + "\r\n").getBytes(GBK));

		BankReturnOutcome o = returns.read(f, null, "fin1");

		assertThat(o.status()).as(o.problems().toString()).isEqualTo(Status.ACCEPTED);
		assertThat(jdbc.queryForList("select bank_status || ':' || bank_failure_reason from payment_line where bank = 'PSBC'",
				String.class)).containsExactly("FAILED:账号不存在");
	}

	@Test
	void theCommandExitsNonZeroWhenAFileIsRefused() throws IOException {
		approved();
		Path good = icbcReturn("ICBC-ok.txt", s -> s, "|成功|", "|成功|");
		Path bad = icbcReturn("ICBC-bad.txt", s -> s.replace("D|2|", "D|9|"), "|成功|", "|成功|");
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream original = System.err;
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		try {
			assertThat(Commands.run(context, "bank-return", good.toString(), "--user=fin1")).isZero();
			assertThat(Commands.run(context, "bank-return", bad.toString(), good.toString(), "--user=fin1")).isEqualTo(4);
		}
		finally {
			System.setErr(original);
		}
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("ICBC-bad.txt").contains("序号 9");
		assertThat(statuses()).containsExactly("PAID:", "PAID:");
	}
}
