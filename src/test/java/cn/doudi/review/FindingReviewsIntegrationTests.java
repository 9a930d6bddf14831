package cn.doudi.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.kernel.FindingCode;
import cn.doudi.matching.CheckData;
import cn.doudi.matching.FindingLedger;
import cn.doudi.matching.RaisedFinding;
import cn.doudi.security.AccessDeniedException;
import cn.doudi.support.Commands;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;

/** The monitor's review: decisions with who/when/why, refusals, privacy of lists, the CLI. */
@DoudiIntegrationTest
class FindingReviewsIntegrationTests {

	static final String ZY = CheckData.ZY;
	static final String PERSON = CheckData.id(ZY, "1940-03-02", 11);

	@Autowired
	FindingReviews reviews;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FindingLedger ledger;

	@Autowired
	ConfigurableApplicationContext context;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(jdbc);
		new CheckData(jdbc).user("mon", "MONITOR", ZY)
			.user("mon2", "MONITOR", "410122")
			.user("fin", "FINANCE", ZY)
			.user("aud", "AUDITOR", null);
	}

	long finding(String code, String effect) {
		return jdbc.queryForObject("""
				insert into finding (code, effect, county, id_number, name, programs, detail, status, first_month, last_month)
				values (?, ?, ?, ?, '杨桂英', 'ELDERLY', '说明', 'OPEN', '2026-10', '2026-11') returning id
				""", Long.class, code, effect, ZY, PERSON);
	}

	@Test
	void aDismissalKeepsWhoWhenWhyAndStopsHoldingForTheSameEvidence() {
		long id = finding("NAME_MISMATCH", "HOLD");
		RaisedFinding again = new RaisedFinding(FindingCode.NAME_MISMATCH, ZY, PERSON, "杨桂英", "", Set.of(), null, "", "");
		assertThat(ledger.decided(ZY, Set.of(FindingCode.NAME_MISMATCH)).open(again)).isTrue();

		FindingView v = reviews.dismiss("mon", id, "经核实为同一人，公安录入错误");

		assertThat(v.status()).isEqualTo("DISMISSED");
		assertThat(v.closedMonth()).isEqualTo("2026-11");
		assertThat(jdbc.queryForObject("select decision || ':' || decided_by || ':' || note from finding_decision",
				String.class)).isEqualTo("DISMISS:mon:经核实为同一人，公安录入错误");
		assertThat(jdbc.queryForObject("select action || ':' || subject from audit_event", String.class))
			.isEqualTo("DISMISS:finding " + id);
		// nothing listens for the decision: the next run reads it (the same evidence raised again no longer holds)
		assertThat(ledger.decided(ZY, Set.of(FindingCode.NAME_MISMATCH)).open(again)).isFalse();
	}

	@Test
	void refusals() {
		long rule = finding("AGE_INELIGIBLE", "HOLD");
		long review = finding("SHARED_ACCOUNT", "HOLD");

		assertThatThrownBy(() -> reviews.dismiss("mon", rule, "年龄")).isInstanceOf(ReviewRefusedException.class)
			.hasMessageContaining("不能撤销");
		assertThatThrownBy(() -> reviews.dismiss("mon", review, " ")).isInstanceOf(ReviewRefusedException.class);
		assertThatThrownBy(() -> reviews.dismiss("fin", review, "x")).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> reviews.dismiss("mon2", review, "x")).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> reviews.recover("mon", review, BigDecimal.TEN, "x"))
			.isInstanceOf(ReviewRefusedException.class);
		reviews.dismiss("mon", review, "集体户");
		assertThatThrownBy(() -> reviews.confirm("mon", review, "x")).isInstanceOf(ReviewRefusedException.class)
			.hasMessageContaining("已关闭");
		assertThat(jdbc.queryForObject("select count(*) from finding_decision", Integer.class)).isEqualTo(1);
	}

	@Test
	void aConfirmedFindingStaysOpen() {
		long id = finding("ASSETS_DISQUALIFY", "HOLD");

		assertThat(reviews.confirm("mon", id, "车辆属实").status()).isEqualTo("CONFIRMED");
		assertThat(reviews.list("mon", new FindingQuery(null, null, "OPEN"))).hasSize(1);
	}

	@Test
	void aRecoveryClosesTheOverpaymentAndItsRecords() {
		long id = finding("OVERPAID", "INFO");
		overpaid200(id);

		reviews.recover("mon", id, new BigDecimal("200.00"), "家属已退回");

		assertThat(jdbc.queryForObject("select status from finding", String.class)).isEqualTo("RECOVERED");
		assertThat(jdbc.queryForObject("select status from overpayment", String.class)).isEqualTo("RECOVERED");
		assertThat(jdbc.queryForObject("select amount from finding_decision", BigDecimal.class)).isEqualByComparingTo("200");
		assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'RECOVER_SHORT'", Integer.class))
			.isZero();
	}

	@Test
	void aRecoveryBelowWhatWasOwedStillClosesAsCheckSaysAndIsAuditedAsShort() {
		long id = finding("OVERPAID", "INFO");
		overpaid200(id);

		reviews.recover("mon", id, new BigDecimal("80.00"), "家属先退回一部分");

		assertThat(jdbc.queryForObject("select status from finding", String.class)).isEqualTo("RECOVERED");
		assertThat(jdbc.queryForObject("select detail from audit_event where action = 'RECOVER_SHORT'", String.class))
			.isEqualTo("owed=200.00 recovered=80.00 short=120.00");
	}

	@Test
	void listsMaskIdsAndShowGivesThemWholeToTheMonitorOnly() {
		long id = finding("NAME_MISMATCH", "HOLD");

		assertThat(reviews.list("mon", new FindingQuery(null, null, null))).singleElement()
			.satisfies(f -> assertThat(f.idNumber()).isEqualTo("410102********" + PERSON.substring(14)));
		assertThat(reviews.show("mon", id).idNumber()).isEqualTo(PERSON);
		assertThat(reviews.show("fin", id).idNumber()).doesNotContain(PERSON);
		assertThat(reviews.list("aud", new FindingQuery(ZY, "NAME_MISMATCH", null))).hasSize(1);
		assertThatThrownBy(() -> reviews.show("mon2", id)).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void theFindingsCommand() {
		long id = finding("NAME_MISMATCH", "HOLD");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrintStream original = System.out;
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		int list;
		int dismiss;
		int again;
		try {
			list = Commands.run(context, "findings", "list", "--user=mon");
			dismiss = Commands.run(context, "findings", "dismiss", String.valueOf(id), "--note=同一人", "--user=mon");
			again = Commands.run(context, "findings", "dismiss", String.valueOf(id), "--note=同一人", "--user=mon");
			Commands.run(context, "findings", "show", String.valueOf(id), "--user=mon");
		}
		finally {
			System.setOut(original);
		}
		String printed = out.toString(StandardCharsets.UTF_8);
		assertThat(list).isZero();
		assertThat(dismiss).isZero();
		assertThat(again).isNotZero();
		assertThat(printed).contains("410102********", "已由 mon 排除", "同一人", "姓名不一致", "排除：同一人");
	}

	@Test
	void theFindingsListSaysInWordsWhatTheCodesMeanAndGivesTheCodesToAMachine() {
		// given: a held name mismatch in 410102, which the regions roster names 中原区
		finding("NAME_MISMATCH", "HOLD");
		long regions = jdbc.queryForObject("""
				insert into import_batch (source, content_hash, file_names, status, imported_by, started_at, finished_at)
				values ('regions', md5('regions'), 'regions.csv', 'COMMITTED', 'op1', now(), now()) returning id""", Long.class);
		jdbc.update("insert into region (import_id, code, name) values (?, '410102', '中原区')", regions);

		// when: the list as a person reads it, then as a script reads it
		String words = printed("findings", "list", "--user=mon");
		String codes = printed("findings", "list", "--user=mon", "--codes");

		// then: words, the county's name with its code beside, the finding's code beside its name (for --code=)
		assertThat(words.lines().findFirst()).hasValue("编号\t区县\t疑点\t处理方式\t状态\t身份证号\t姓名\t户编号\t保障项目\t最近月份\t说明");
		assertThat(words).contains("\t中原区（410102）\t身份证号相同姓名不一致（NAME_MISMATCH）\t暂停发放待核实\t待处理\t410102********")
			.doesNotContain("\tHOLD\t", "\tOPEN\t").endsWith("共 1 条疑点\n");
		assertThat(codes.lines().findFirst()).hasValue("id\tcounty\tcode\teffect\tstatus\tid_number\tname\thousehold_id\tprograms\tlast_month\tdetail");
		assertThat(codes).contains("\t410102\tNAME_MISMATCH\tHOLD\tOPEN\t410102********").doesNotContain("中原区", "待处理");
	}

	@Test
	void theCommandLineConfirmsAndDismissesAndSaysWhoDidWhat() {
		long kept = finding("ASSETS_DISQUALIFY", "HOLD");
		long dropped = finding("NAME_MISMATCH", "HOLD");

		String confirmed = printed("findings", "confirm", String.valueOf(kept), "--note=车辆属实", "--user=mon");
		String dismissed = printed("findings", "dismiss", String.valueOf(dropped), "--note=同名不同人", "--user=mon");

		assertThat(confirmed).isEqualTo("疑点 " + kept + " 家庭经济状况核对不符 已由 mon 确认\n");
		assertThat(dismissed).isEqualTo("疑点 " + dropped + " 身份证号相同姓名不一致 已由 mon 排除\n");
		assertThat(jdbc.queryForList("select status from finding order by id", String.class))
			.containsExactly("CONFIRMED", "DISMISSED");
	}

	private String printed(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrintStream original = System.out;
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		try {
			assertThat(Commands.run(context, args)).isZero();
		}
		finally {
			System.setOut(original);
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	/** An approved November line of 200.00 paid to 杨桂英 and the open overpayment of it that finding {@code id} records. */
	private void overpaid200(long id) {
		long run = jdbc.queryForObject("""
				insert into payroll_run (county, month, revision, batch_no, status, pay_date, created_by, created_at)
				values (?, '2026-11', 1, 'b', 'APPROVED', date '2026-11-10', 't', now()) returning id
				""", Long.class, ZY);
		long line = jdbc.queryForObject("""
				insert into payment_line (run_id, county, region_code, program, household_id, id_number, name, pay_month,
				  amount, status, payment_key)
				values (?, ?, '410102001001', 'ELDERLY', 'E1', ?, '杨桂英', '2026-11', 200.00, 'PAY', 'k') returning id
				""", Long.class, run, ZY, PERSON);
		jdbc.update("""
				insert into overpayment (finding_id, line_id, county, program, household_id, id_number, name, pay_month,
				  paid, due, overpaid, status)
				values (?, ?, ?, 'ELDERLY', 'E1', ?, '杨桂英', '2026-11', 200.00, 0.00, 200.00, 'OPEN')
				""", id, line, ZY, PERSON);
	}
}
