package cn.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.database.AdvisoryLock;
import cn.doudi.disbursement.BankReturnOutcome;
import cn.doudi.disbursement.BankReturns;
import cn.doudi.kernel.FailPoint;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;
import cn.doudi.support.TestData;

/**
 * Two clerks (threads, each on its own connections) at the same moment on one county: the first is held
 * at a named point inside its change (a latch at a {@link FailPoint}), the second is let go and seen
 * waiting for the county's lock in {@code pg_locks}, then the first goes on. Every race ends in one
 * effect, one audit event and a clean one-line refusal for the loser — never a database error, never a
 * file written twice. A bank return read while its run is revoked is refused whole. The last test takes the
 * lock away: the guarded update alone still lets one win.
 */
@DoudiIntegrationTest
class RunRacesIntegrationTests {

	static final String COUNTY = "410102";
	static final YearMonth SEP = YearMonth.of(2026, 9);
	static final YearMonth OCT = YearMonth.of(2026, 10);
	static final YearMonth NOV = YearMonth.of(2026, 11);

	@Autowired
	PayrollRuns payroll;

	@Autowired
	MonthEnd monthEnd;

	@Autowired
	RunStore store;

	@Autowired
	BankReturns bankReturns;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path out;

	final ExecutorService clerks = Executors.newFixedThreadPool(2);

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(jdbc);
		new TestData(jdbc).standard(COUNTY, "ELDERLY", "80-89", "2026-01", "100.00")
			.user("fin1", "FINANCE", COUNTY)
			.user("fin2", "FINANCE", COUNTY)
			.user("fin3", "FINANCE", null)
			.beneficiary("410102001001", "E1", TestData.id(COUNTY, "1940-03-02", 11), "张三", "户主", "ELDERLY", null, null,
					"2026-01", null)
			.beneficiary("410102001001", "E2", TestData.id(COUNTY, "1941-04-03", 12), "李四", "户主", "ELDERLY", null, null,
					"2026-01", null);
	}

	@AfterEach
	void tearDown() {
		FailPoint.hook(null);
		clerks.shutdownNow();
	}

	@Test
	void twoMonthEndsOfOneCountyAndMonth() throws Exception {
		Race race = race("month-end.after-job", () -> monthEnd.one(COUNTY, OCT, OCT.atDay(10), out.resolve("a"), "fin1"),
				() -> monthEnd.one(COUNTY, OCT, OCT.atDay(10), out.resolve("b"), "fin2"));

		PayrollRun run = (PayrollRun) race.first().value();
		assertThat(run.batchNo()).isEqualTo("410102-202610-01");
		assertThat(run.status()).isEqualTo(RunStatus.DRAFT);
		race.second().assertRefused("等待期间已被另一操作处理");
		assertThat(count("select count(*) from payroll_run")).isEqualTo(1);
		assertThat(count("select count(*) from audit_event where action = 'RUN'")).isEqualTo(1);
		assertThat(count("select count(*) from audit_event where action = 'RUN_REPLACED'")).isZero();
		assertThat(count("select count(*) from batch_job_instance where job_name = 'monthEndJob'")).isEqualTo(1);
		assertThat(count("select count(*) from payment_line")).isEqualTo(2);
		assertThat(out.resolve("a/payments.csv")).exists();
		assertThat(out.resolve("b")).doesNotExist();
	}

	@Test
	void twoReleases() throws Exception {
		monthEnd.one(COUNTY, OCT, OCT.atDay(10), out, "fin1");

		Race race = race("release.updated", () -> payroll.release(COUNTY, OCT, "fin1"),
				() -> payroll.release(COUNTY, OCT, "fin2"));

		assertThat(((PayrollRun) race.first().value()).releasedBy()).isEqualTo("fin1");
		race.second().assertRefused("只有草稿可以提交");
		assertThat(count("select count(*) from audit_event where action = 'RELEASE'")).isEqualTo(1);
		assertThat(jdbc.queryForObject("select status || ':' || released_by from payroll_run", String.class))
			.isEqualTo("RELEASED:fin1");
	}

	@Test
	void twoApproves() throws Exception {
		monthEnd.one(COUNTY, OCT, OCT.atDay(10), out, "fin1");
		payroll.release(COUNTY, OCT, "fin1");

		Race race = race("approve.staged", () -> payroll.approve(COUNTY, OCT, "fin2"),
				() -> payroll.approve(COUNTY, OCT, "fin3"));

		assertThat(((PayrollRun) race.first().value()).approvedBy()).isEqualTo("fin2");
		race.second().assertRefused("不能再审批");
		assertThat(race.reached()).as("final files staged once").isEqualTo(1);
		assertThat(count("select count(*) from audit_event where action = 'APPROVE'")).isEqualTo(1);
		assertThat(jdbc.queryForObject("select status || ':' || approved_by from payroll_run", String.class))
			.isEqualTo("APPROVED:fin2");
		assertThat(names(out.resolve("bank"))).containsExactly("410102-202610.pain.001.xml", "ICBC-410102-202610.txt",
				"MANIFEST.sha256");
		assertThat(count("select count(*) from bank_file where final")).isEqualTo(2);
		assertThat(out.resolve(".staging")).doesNotExist();
	}

	@Test
	void twoRevokes() throws Exception {
		PayrollRun oct = approvedOctober();

		Race race = race("revoke.set-aside", () -> payroll.revoke(COUNTY, OCT, "fin1", "标准录错"),
				() -> payroll.revoke(COUNTY, OCT, "fin2", "标准录错"));

		assertThat(((PayrollRun) race.first().value()).status()).isEqualTo(RunStatus.REVOKED);
		race.second().assertRefused("没有已审批的发放批次");
		assertThat(count("select count(*) from audit_event where action = 'REVOKE'")).isEqualTo(1);
		assertThat(names(out.resolve("bank"))).containsExactly("MANIFEST.sha256");
		assertThat(names(out.resolve("revoked").resolve(oct.batchNo()))).containsExactly("410102-202610.pain.001.xml",
				"ICBC-410102-202610.txt");
	}

	@Test
	void aRevokeOfMonthMHeldWhileTheMonthEndOfMPlusOneAsks() throws Exception {
		// September approved first: once October is revoked, September stays the county's first run month
		monthEnd.one(COUNTY, SEP, SEP.atDay(10), out.resolve("sep"), "fin1");
		payroll.release(COUNTY, SEP, "fin1");
		payroll.approve(COUNTY, SEP, "fin2");
		approvedOctober();

		Race race = race("revoke.set-aside", () -> payroll.revoke(COUNTY, OCT, "fin1", "标准录错"),
				() -> monthEnd.one(COUNTY, NOV, NOV.atDay(10), out.resolve("nov"), "fin2"));

		assertThat(((PayrollRun) race.first().value()).status()).isEqualTo(RunStatus.REVOKED);
		race.second().assertRefused("上月 2026-10 的发放批次尚未审批");
		assertThat(count("select count(*) from payroll_run where month = '2026-11'")).isZero();
		assertThat(count("select count(*) from audit_event where action = 'REVOKE'")).isEqualTo(1);
		assertThat(count("select count(*) from audit_event where action = 'RUN' and subject like '%-202611-%'")).isZero();
		assertThat(payroll.current(COUNTY, SEP).orElseThrow().status()).isEqualTo(RunStatus.APPROVED);
	}

	@Test
	void aMonthEndOfMPlusOneHeldWhileTheRevokeOfMonthMAsks() throws Exception {
		approvedOctober();

		Race race = race("month-end.after-job", () -> monthEnd.one(COUNTY, NOV, NOV.atDay(10), out.resolve("nov"), "fin2"),
				() -> payroll.revoke(COUNTY, OCT, "fin1", "标准录错"));

		// one after the other: November's draft is computed, then withdrawn with the revoked October it rests on
		PayrollRun nov = (PayrollRun) race.first().value();
		assertThat(nov.status()).isEqualTo(RunStatus.DRAFT);
		assertThat(((PayrollRun) race.second().value()).status()).isEqualTo(RunStatus.REVOKED);
		assertThat(jdbc.queryForList("select month || ':' || status from payroll_run order by month", String.class))
			.containsExactly("2026-10:REVOKED", "2026-11:REVOKED");
		assertThat(payroll.current(COUNTY, NOV)).isEmpty();
		assertThat(count("select count(*) from audit_event where action = 'RUN' and subject = '" + nov.batchNo() + "'"))
			.isEqualTo(1);
		assertThat(count("select count(*) from audit_event where action = 'REVOKE'")).isEqualTo(2);
	}

	@Test
	void aBankReturnReadWhileTheRunIsRevokedIsRefusedWhole() throws Exception {
		approvedOctober();
		Charset gb18030 = Charset.forName("GB18030");
		Path answer = out.resolve("ICBC-回盘.txt");
		Files.writeString(answer, Files.readString(out.resolve("bank/ICBC-410102-202610.txt"), gb18030)
			.replaceAll("(?m)^(D\\|.*)$", "$1|成功|"), gb18030);

		Race race = race("revoke.set-aside", () -> payroll.revoke(COUNTY, OCT, "fin1", "标准录错"),
				() -> bankReturns.read(answer, null, "fin2"), this::waitingForARowLock);

		assertThat(((PayrollRun) race.first().value()).status()).isEqualTo(RunStatus.REVOKED);
		BankReturnOutcome read = (BankReturnOutcome) race.second().value();
		assertThat(read.status()).isEqualTo(BankReturnOutcome.Status.REJECTED);
		assertThat(read.problems()).containsExactly("批次 410102-202610-01 已被撤销，不能回盘");
		assertThat(count("select count(*) from payment_line where bank_status is not null")).isZero();
		assertThat(count("select count(*) from audit_event where action = 'BANK_RETURN'")).isZero();
	}

	@Test
	void withoutTheLockTheGuardedUpdateStillLetsOnlyOneApproverWin() throws Exception {
		PayrollRun draft = monthEnd.one(COUNTY, OCT, OCT.atDay(10), out, "fin1");
		payroll.release(COUNTY, OCT, "fin1");
		Gate gate = new Gate("approve.staged");
		FailPoint.hook(gate);

		Future<Outcome> first = clerks.submit(() -> attempt(() -> payroll.approve(COUNTY, OCT, "fin2")));
		gate.awaitReached(first);
		// the second approver's update, straight to the table: it waits for the first one's row lock
		Future<Outcome> second = clerks.submit(() -> attempt(() -> store.approved(draft.id(), "fin3")));
		waitUntil(() -> waitingForARowLock() || second.isDone());
		gate.open();

		assertThat(first.get(60, TimeUnit.SECONDS).value()).isInstanceOf(PayrollRun.class);
		assertThat(second.get(60, TimeUnit.SECONDS).value()).as("the guarded update changed nothing").isEqualTo(false);
		assertThat(jdbc.queryForObject("select approved_by from payroll_run", String.class)).isEqualTo("fin2");
	}

	PayrollRun approvedOctober() {
		PayrollRun oct = monthEnd.one(COUNTY, OCT, OCT.atDay(10), out, "fin1");
		payroll.release(COUNTY, OCT, "fin1");
		payroll.approve(COUNTY, OCT, "fin2");
		return oct;
	}

	/** The first clerk runs until {@code point} and is held there; the second runs until it waits for the county's lock. */
	Race race(String point, Supplier<?> first, Supplier<?> second) throws Exception {
		return race(point, first, second, this::waitingForTheCountyLock);
	}

	Race race(String point, Supplier<?> first, Supplier<?> second, BooleanSupplier secondWaits) throws Exception {
		Gate gate = new Gate(point);
		FailPoint.hook(gate);
		Future<Outcome> a = clerks.submit(() -> attempt(first));
		gate.awaitReached(a);
		Future<Outcome> b = clerks.submit(() -> attempt(second));
		waitUntil(() -> secondWaits.getAsBoolean() || b.isDone());
		assertThat(b.isDone()).as("the second clerk waits for the first").isFalse();
		gate.open();
		Outcome oa = a.get(60, TimeUnit.SECONDS);
		Outcome ob = b.get(60, TimeUnit.SECONDS);
		assertThat(oa.refusal()).as("the first clerk's change").isNull();
		return new Race(oa, ob, gate.reached.get());
	}

	boolean waitingForARowLock() {
		return count("select count(*) from pg_locks where locktype = 'transactionid' and not granted") > 0;
	}

	boolean waitingForTheCountyLock() {
		return count("select count(*) from pg_locks where locktype = 'advisory' and not granted and classid::bigint = "
				+ AdvisoryLock.COUNTY_RUNS + " and objid::bigint = " + Integer.parseInt(COUNTY)) > 0;
	}

	int count(String sql) {
		return jdbc.queryForObject(sql, Integer.class);
	}

	static Outcome attempt(Supplier<?> action) {
		try {
			return new Outcome(action.get(), null);
		}
		catch (RuntimeException e) {
			return new Outcome(null, e);
		}
	}

	static void waitUntil(BooleanSupplier condition) throws InterruptedException {
		long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("timed out").isLessThan(end);
			Thread.sleep(20);
		}
	}

	static List<String> names(Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

	record Outcome(Object value, RuntimeException refusal) {

		/** A clean refusal: the one-line Chinese reason of the façade, not a database error. */
		void assertRefused(String words) {
			assertThat(refusal).as("the second clerk is refused").isInstanceOf(MonthEndRefusedException.class);
			assertThat(refusal.getMessage()).contains(words).doesNotContain("\n").doesNotContainIgnoringCase("sql");
		}
	}

	record Race(Outcome first, Outcome second, int reached) {
	}

	/** Holds the first thread that reaches {@code point} until {@link #open}; counts every thread that reaches it. */
	static final class Gate implements Consumer<String> {

		final String point;
		final AtomicInteger reached = new AtomicInteger();
		final CountDownLatch held = new CountDownLatch(1);
		final CountDownLatch release = new CountDownLatch(1);

		Gate(String point) {
			this.point = point;
		}

		@Override
		public void accept(String name) {
			if (name.equals(point) && reached.incrementAndGet() == 1) {
				held.countDown();
				try {
					release.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		}

		void awaitReached(Future<Outcome> first) throws Exception {
			waitUntil(() -> held.getCount() == 0 || first.isDone());
			if (held.getCount() > 0) {
				throw new AssertionError(point + " not reached: " + first.get(), first.get().refusal());
			}
		}

		void open() {
			release.countDown();
		}
	}
}
