package cn.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.kernel.FailPoint;
import cn.doudi.security.Passwords;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;
import cn.doudi.support.TestData;

/**
 * Month-end partitioned by county (README "Across machines"): a city of two counties, 中原区 (410102) and
 * 中牟县 (410122), computed by this process's threads and by {@code doudi worker} processes over the machine's
 * RabbitMQ (127.0.0.1:5672, a queue of each test's own), the manager being a real {@code month-end
 * --workers=remote} in a child JVM. Whatever computes the counties — one thread, four, two workers, a worker
 * killed in the middle of a county — the month's files are the same bytes, and no payment line is stored twice.
 */
@DoudiIntegrationTest
class PartitionedMonthEndIntegrationTests {

	static final YearMonth OCT = YearMonth.of(2026, 10);
	static final String ZY = "410102";
	static final String ZM = "410122";
	static final String PASSWORD = "Ping-an-2026";

	@Autowired
	MonthEnd monthEnd;

	@Autowired
	PayrollRuns payroll;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Passwords passwords;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Value("${doudi.db.url}")
	String dbUrl;

	@Value("${doudi.db.user}")
	String dbUser;

	@Value("${doudi.db.password}")
	String dbPassword;

	@TempDir
	Path tmp;

	/** Each test's own queue: tests running at once never share one. */
	final String queue = "doudi.test." + UUID.randomUUID();

	final List<Process> children = new ArrayList<>();

	@BeforeEach
	void setUp() {
		seed();
	}

	@AfterEach
	void tearDown() throws Exception {
		for (Process child : children) {
			child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		// the test's queue goes with it (the broker is the machine's, shared by every run)
		org.springframework.amqp.rabbit.connection.CachingConnectionFactory broker =
				new org.springframework.amqp.rabbit.connection.CachingConnectionFactory("127.0.0.1", 5672);
		try {
			new org.springframework.amqp.rabbit.core.RabbitAdmin(broker).deleteQueue(queue);
		}
		finally {
			broker.destroy();
		}
	}

	/** Two counties with names, a few households each: lines of several programs, one household held. */
	void seed() {
		DatabaseCleaner.clean(jdbc);
		TestData data = new TestData(jdbc);
		for (String c : List.of(ZY, ZM)) {
			data.standard(c, "ELDERLY", "80-89", "2026-01", "100.00")
				.standard(c, "DIBAO_URBAN", "标准", "2026-01", "790.00");
		}
		data.user("fin1", "FINANCE", null).user("fin2", "FINANCE", null);
		for (int i = 1; i <= 6; i++) {
			data.beneficiary(ZY + "001001", "ZY-E" + i, TestData.id(ZY, "1940-03-0" + i, 10 + i), "张" + "一二三四五六".charAt(i - 1),
					"户主", "ELDERLY", null, null, "2026-01", null);
			data.beneficiary(ZM + "001001", "ZM-E" + i, TestData.id(ZM, "1941-04-0" + i, 20 + i), "李" + "一二三四五六".charAt(i - 1),
					"户主", "ELDERLY", null, null, "2026-01", null);
		}
		data.beneficiary(ZY + "001002", "ZY-D1", TestData.id(ZY, "1970-01-01", 31), "王五", "户主", "DIBAO_URBAN", null, "0",
				"2026-01", null);
		data.beneficiary(ZM + "001002", "ZM-D1", TestData.id(ZM, "1972-01-01", 41), "赵六", "户主", "DIBAO_URBAN", null, "0",
				"2026-01", null);
		long regions = jdbc.queryForObject("""
				insert into import_batch (source, content_hash, file_names, status, imported_by, started_at, finished_at)
				values ('regions', md5('regions-partitioned'), 'regions.csv', 'COMMITTED', 'op1', now(), now()) returning id""",
				Long.class);
		jdbc.update("insert into region (import_id, code, name) values (?, ?, '中原区'), (?, ?, '中牟县')", regions, ZY, regions,
				ZM);
		passwords.set("fin1", "fin1", PASSWORD);
		passwords.set("fin2", "fin2", PASSWORD);
	}

	@Test
	void withoutRemoteWorkersNothingListensOnOrSendsToABroker() {
		assertThat(context.getBeansOfType(org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer.class))
			.isEmpty();
		assertThat(context.getBeansOfType(org.springframework.integration.dsl.IntegrationFlow.class)).isEmpty();
		assertThat(context.getBeanNamesForType(org.springframework.amqp.core.Queue.class)).isEmpty();
	}

	@Test
	void oneThreadAndFourThreadsWriteTheSameBytes() throws Exception {
		Path one = tmp.resolve("one");
		MonthEnd.Report first = monthEnd.run(OCT, List.of(), null, one, "fin1", silent(), 1);
		assertThat(first.runs()).extracting(PayrollRun::county).containsExactly(ZY, ZM);
		assertNoDuplicateLines();

		seed();
		Path four = tmp.resolve("four");
		MonthEnd.Report second = monthEnd.run(OCT, List.of(), null, four, "fin1", silent(), 4);

		assertThat(second.runs()).extracting(PayrollRun::status).containsOnly(RunStatus.DRAFT);
		assertSameFiles(one, four);
		assertThat(count("select count(*) from payment_line")).isEqualTo(14);
	}

	@Test
	void oneThreadRendersTheNoticesOnOneRendererToo() {
		java.util.Set<String> before = renderers();
		monthEnd.run(OCT, List.of(), null, tmp.resolve("one"), "fin1", silent(), 1);

		// --threads=1 bounds the whole partition: its villages' notices on one renderer (named notices-<width>-<n>),
		// not on a pool as wide as the cores
		java.util.Set<String> made = renderers();
		made.removeAll(before);
		assertThat(made).allMatch(name -> name.startsWith("notices-1-"));
		assertThat(renderers()).filteredOn(name -> name.startsWith("notices-1-")).containsExactly("notices-1-1");

		seed();
		monthEnd.run(OCT, List.of(), null, tmp.resolve("two"), "fin1", silent(), 2);
		assertThat(renderers()).filteredOn(name -> name.startsWith("notices-2-")).isNotEmpty()
			.allMatch(name -> name.equals("notices-2-1") || name.equals("notices-2-2"));
	}

	/** The names of this JVM's notice renderers alive now. */
	static java.util.Set<String> renderers() {
		return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
			.filter(name -> name.startsWith("notices-"))
			.collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
	}

	@Test
	void aCountyRefusedByRunsInOrderDoesNotFailTheOthers() {
		monthEnd.run(YearMonth.of(2026, 9), List.of(ZM), null, tmp.resolve("sep"), "fin1", silent(), 2);

		MonthEnd.Report report = monthEnd.run(OCT, List.of(), null, tmp.resolve("oct"), "fin1", silent(), 2);

		assertThat(report.runs()).extracting(PayrollRun::county).containsExactly(ZY);
		assertThat(report.refused()).containsOnlyKeys(ZM);
		assertThat(report.refused().get(ZM)).contains("上月 2026-09 的发放批次尚未审批");
		assertThat(tmp.resolve("oct").resolve("payments.csv")).exists();
		// nothing of the refused county is held: its September draft can be released at once
		payroll.release(ZM, YearMonth.of(2026, 9), "fin1");
	}

	@Test
	void twoWorkersOverRabbitMqWriteTheBytesOfTheInProcessRun() throws Exception {
		Path inProcess = tmp.resolve("in-process");
		monthEnd.run(OCT, List.of(), null, inProcess, "fin1", silent(), 2);
		seed();
		Path remote = tmp.resolve("remote");
		Process w1 = worker("w1", null);
		Process w2 = worker("w2", null);
		awaitReady("w1", w1);
		awaitReady("w2", w2);

		Process manager = child("manager", List.of(), "month-end", "--month=2026-10", "--out=" + remote, "--user=fin1",
				"--workers=remote");

		assertThat(exit(manager)).as(log("manager")).isZero();
		assertSameFiles(inProcess, remote);
		assertNoDuplicateLines();
		String workers = log("w1") + log("w2");
		assertThat(workers).contains("区县 410102 2026-10 月结分区开始", "区县 410122 2026-10 月结分区开始");
		assertThat(log("manager")).doesNotContain("月结分区开始"); // the manager computed no county itself
	}

	@Test
	void aWorkerKilledMidPartitionLeavesItToAnotherAndTheBytesAreTheSame() throws Exception {
		Path inProcess = tmp.resolve("in-process");
		monthEnd.run(OCT, List.of(), null, inProcess, "fin1", silent(), 2);
		seed();
		Path remote = tmp.resolve("remote");
		// the first worker dies (kill -9) once it has stored the first progress of a county's lines
		Process doomed = worker("doomed", "-D" + FailPoint.HALT_AT + "=month-end.progress");
		awaitReady("doomed", doomed);

		// the heartbeat's watch is set beyond the survivor's start-up: here the broker hands the partition over
		Process manager = child("manager", List.of("-Ddoudi.workers.heartbeat-timeout=10m"), "month-end",
				"--month=2026-10", "--out=" + remote, "--user=fin1", "--workers=remote");
		assertThat(exit(doomed)).as(log("doomed")).isEqualTo(FailPoint.HALTED);
		Process survivor = worker("survivor", null);

		assertThat(exit(manager)).as(log("manager") + log("survivor")).isZero();
		assertThat(log("survivor")).contains("月结分区开始");
		assertSameFiles(inProcess, remote);
		assertNoDuplicateLines();
		assertThat(jdbc.queryForList("select status from payroll_run order by county", String.class))
			.containsExactly("DRAFT", "DRAFT");
		// no county left locked: both can be released now
		payroll.release(ZY, OCT, "fin1");
		payroll.release(ZM, OCT, "fin1");
	}

	@Test
	void aWorkerKilledWithNoOtherWorkerIsSeenByItsStoppedHeartbeatAndTheRestartCompletesTheCounty() throws Exception {
		Path inProcess = tmp.resolve("in-process");
		monthEnd.run(OCT, List.of(ZM), null, inProcess, "fin1", silent(), 1);
		seed();
		Path remote = tmp.resolve("remote");
		// the only worker dies (kill -9) in the middle of 中牟县's lines, beating every half second until then
		Process doomed = child("doomed", List.of("-D" + FailPoint.HALT_AT + "=month-end.progress",
				"-Ddoudi.workers.heartbeat=500ms"), "worker", "--threads=1");
		awaitReady("doomed", doomed);

		// the timeout is an hour: only the heartbeat's watch can end this month-end while the test waits
		Process manager = child("manager", List.of("-Ddoudi.workers.timeout=1h", "-Ddoudi.workers.heartbeat=500ms",
				"-Ddoudi.workers.heartbeat-timeout=5s"), "month-end", "--month=2026-10", "--county=" + ZM,
				"--out=" + remote, "--user=fin1", "--workers=remote");
		assertThat(exit(doomed)).as(log("doomed")).isEqualTo(FailPoint.HALTED);

		assertThat(exit(manager)).as(log("manager")).isEqualTo(1);
		assertThat(log("manager")).contains("区县 中牟县（410122） 2026-10 的月结分区失败（执行它的工作进程已失联：5 秒没有心跳"
				+ "（doudi.workers.heartbeat-timeout）");
		assertThat(jdbc.queryForList("select status from payroll_run where county = ?", String.class, ZM))
			.containsExactly("FAILED");

		// a worker again, and the same month-end: the county's run resumes (same revision), every line once
		Process worker = worker("worker", null);
		awaitReady("worker", worker);
		Process again = child("again", List.of(), "month-end", "--month=2026-10", "--county=" + ZM, "--out=" + remote,
				"--user=fin1", "--workers=remote");

		assertThat(exit(again)).as(log("again") + log("worker")).isZero();
		assertSameFiles(inProcess, remote);
		assertNoDuplicateLines();
		assertThat(jdbc.queryForList("select revision || ' ' || status from payroll_run where county = ?", String.class,
				ZM)).containsExactly("1 DRAFT");
		payroll.release(ZM, OCT, "fin1");
	}

	@Test
	void aManagerKilledWhileItsWorkersRunIsResumedByTheNextMonthEndWithTheSameBytes() throws Exception {
		Path inProcess = tmp.resolve("in-process");
		monthEnd.run(OCT, List.of(), null, inProcess, "fin1", silent(), 2);
		seed();
		Path remote = tmp.resolve("remote");
		Process w1 = worker("w1", null);
		Process w2 = worker("w2", null);
		awaitReady("w1", w1);
		awaitReady("w2", w2);

		// kill -9 of the manager as soon as a worker has started a county
		Process manager = child("manager", List.of(), "month-end", "--month=2026-10", "--out=" + remote, "--user=fin1",
				"--workers=remote");
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
		while (!(log("w1") + log("w2")).contains("月结分区开始")) {
			assertThat(manager.isAlive()).as(log("manager")).isTrue();
			assertThat(System.nanoTime()).as("a worker starts a county").isLessThan(until);
			Thread.sleep(50);
		}
		manager.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
		assertThat(jdbc.queryForList("select distinct status from payroll_run", String.class)).containsExactly("RUNNING");

		Process again = child("again", List.of(), "month-end", "--month=2026-10", "--out=" + remote, "--user=fin1",
				"--workers=remote");

		assertThat(exit(again)).as(log("again") + log("w1") + log("w2")).isZero();
		assertSameFiles(inProcess, remote);
		assertNoDuplicateLines();
		assertThat(jdbc.queryForList("select county || ' ' || revision || ' ' || status from payroll_run order by county",
				String.class)).containsExactly(ZY + " 1 DRAFT", ZM + " 1 DRAFT");
		payroll.release(ZY, OCT, "fin1");
		payroll.release(ZM, OCT, "fin1");
	}

	@Test
	void aWorkerThatNeverAnswersTimesOutNamingItsCountyAndTheOtherCountyIsDrafted() throws Exception {
		Path remote = tmp.resolve("remote");
		// one worker, two consumers: 中牟县's partition hangs for good, 中原区's completes
		Process worker = child("worker", List.of("-D" + FailPoint.HANG_AT + "=partition.started." + ZM), "worker",
				"--threads=2");
		awaitReady("worker", worker);

		Process manager = child("manager", List.of("-Ddoudi.workers.timeout=20s"), "month-end", "--month=2026-10",
				"--out=" + remote, "--user=fin1", "--workers=remote");

		assertThat(exit(manager)).as(log("manager")).isEqualTo(1);
		assertThat(log("manager")).contains("区县 中牟县（410122） 2026-10 的月结分区在 20 秒内没有工作进程完成");
		assertThat(jdbc.queryForList("select county || ' ' || status from payroll_run order by county", String.class))
			.containsExactly(ZY + " DRAFT", ZM + " FAILED");
		assertThat(Files.readString(remote.resolve("payments.csv"))).contains(ZY).doesNotContain(ZM + "001");
		payroll.release(ZY, OCT, "fin1");
	}

	// --- helpers

	static MonthEnd.Listener silent() {
		return new MonthEnd.Listener() {
			@Override
			public void computed(PayrollRun run) {
			}

			@Override
			public void refused(String county, String reason) {
			}
		};
	}

	Process worker(String name, String property) throws IOException {
		return child(name, property == null ? List.of() : List.of(property), "worker", "--threads=1");
	}

	/** The real command line in a child JVM on the test database and this test's queue. */
	Process child(String name, List<String> properties, String... command) throws IOException {
		List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Ddoudi.workers.queue=" + queue,
				"-Ddoudi.workers.poll-interval=200ms"));
		cmd.addAll(properties);
		cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "cn.doudi.DoudiApplication", "--db-url=" + dbUrl,
				"--db-user=" + dbUser, "--home=" + tmp.resolve("home-" + name)));
		if (!dbPassword.isEmpty()) {
			cmd.add("--db-password=" + dbPassword);
		}
		cmd.addAll(List.of(command));
		ProcessBuilder builder = new ProcessBuilder(cmd);
		builder.environment().put("DOUDI_PASSWORD", PASSWORD);
		Process child = builder.redirectErrorStream(true).redirectOutput(tmp.resolve(name + ".log").toFile()).start();
		children.add(child);
		return child;
	}

	void awaitReady(String name, Process worker) throws Exception {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
		while (!log(name).contains("月结工作进程已就绪")) {
			assertThat(worker.isAlive()).as(log(name)).isTrue();
			assertThat(System.nanoTime()).as("worker " + name + " ready").isLessThan(until);
			Thread.sleep(200);
		}
	}

	int exit(Process p) throws Exception {
		if (!p.waitFor(300, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new AssertionError("a child did not end");
		}
		return p.exitValue();
	}

	String log(String name) {
		try {
			Path log = tmp.resolve(name + ".log");
			return Files.exists(log) ? Files.readString(log) : "";
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	int count(String sql) {
		return jdbc.queryForObject(sql, Integer.class);
	}

	/** Every run's lines: as many as distinct payment keys (none stored twice). */
	void assertNoDuplicateLines() {
		assertThat(jdbc.queryForList("""
				select run_id from payment_line group by run_id having count(*) <> count(distinct payment_key)
				""", Long.class)).isEmpty();
		assertThat(count("select count(*) from payment_line")).isPositive();
	}

	/** The two folders hold the same files, byte for byte. */
	static void assertSameFiles(Path expected, Path actual) throws IOException {
		Map<String, byte[]> want = files(expected);
		Map<String, byte[]> got = files(actual);
		assertThat(got.keySet()).isEqualTo(want.keySet());
		want.forEach((name, bytes) -> assertThat(got.get(name)).as(name).isEqualTo(bytes));
		assertThat(want).containsKeys("payments.csv", "summary.xlsx");
	}

	static Map<String, byte[]> files(Path folder) throws IOException {
		Map<String, byte[]> files = new TreeMap<>();
		try (Stream<Path> walk = Files.walk(folder)) {
			for (Path p : walk.filter(Files::isRegularFile).toList()) {
				files.put(folder.relativize(p).toString(), Files.readAllBytes(p));
			}
		}
		return files;
	}
}
