package cn.doudi.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.disbursement.files.BankFolder;
import cn.doudi.disbursement.files.Manifest;
import cn.doudi.kernel.FailPoint;
import cn.doudi.security.Passwords;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;
import cn.doudi.support.TestData;

/**
 * {@code kill -9} at the steps of a run's life: a child JVM runs the real command line on the test database
 * and halts ({@link Runtime#halt}, no shutdown hook, no finally) at a named {@link FailPoint}; then the run's
 * status, the files on disk and the manifest are checked, and the next command puts things right. What
 * survives each kill is what the README's crash-recovery section says.
 */
@DoudiIntegrationTest
class KilledRunIntegrationTests {

	static final String COUNTY = "410102";
	static final YearMonth OCT = YearMonth.of(2026, 10);
	static final String BATCH = "410102-202610-01";
	static final String DRAFT_ICBC = "DRAFT-ICBC-410102-202610.txt";
	static final String DRAFT_PAIN = "DRAFT-410102-202610.pain.001.xml";
	static final String ICBC = "ICBC-410102-202610.txt";
	static final String PAIN = "410102-202610.pain.001.xml";

	@Autowired
	PayrollRuns payroll;

	@Autowired
	MonthEnd monthEnd;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Passwords passwords;

	/** The children prove their user with its password (DOUDI_PASSWORD): the test's OS account maps to nobody. */
	static final String PASSWORD = "Ping-an-2026";

	@Value("${doudi.db.url}")
	String dbUrl;

	@Value("${doudi.db.user}")
	String dbUser;

	@Value("${doudi.db.password}")
	String dbPassword;

	@TempDir
	Path tmp;

	Path out;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(jdbc);
		new TestData(jdbc).standard(COUNTY, "ELDERLY", "80-89", "2026-01", "100.00")
			.user("fin1", "FINANCE", COUNTY)
			.user("fin2", "FINANCE", COUNTY)
			.beneficiary("410102001001", "E1", TestData.id(COUNTY, "1940-03-02", 11), "张三", "户主", "ELDERLY", null, null,
					"2026-01", null)
			.beneficiary("410102001001", "E2", TestData.id(COUNTY, "1941-04-03", 12), "李四", "户主", "ELDERLY", null, null,
					"2026-01", null);
		passwords.set("fin1", "fin1", PASSWORD);
		passwords.set("fin2", "fin2", PASSWORD);
		out = tmp.resolve("2026-10");
	}

	@AfterEach
	void tearDown() {
		FailPoint.hook(null);
	}

	@Test
	void aMonthEndKilledAfterItsJobLeavesNothingReleasableAndIsResumedWithTheSameBatchNumber() throws Exception {
		halted("month-end.after-job", "month-end", "--month=2026-10", "--county=" + COUNTY, "--out=" + out, "--user=fin1");

		assertThat(status()).isEqualTo("RUNNING");
		assertThat(out.resolve("payments.csv")).doesNotExist();
		assertThatThrownBy(() -> payroll.release(COUNTY, OCT, "fin1")).isInstanceOf(MonthEndRefusedException.class)
			.hasMessageContaining("尚未完成月结");

		PayrollRun resumed = monthEnd.one(COUNTY, OCT, OCT.atDay(10), out, "fin1");

		assertThat(resumed.batchNo()).isEqualTo(BATCH);
		assertThat(resumed.status()).isEqualTo(RunStatus.DRAFT);
		assertThat(count("select count(*) from payroll_run")).isEqualTo(1);
		assertThat(count("select count(*) from batch_job_instance where job_name = 'monthEndJob'")).isEqualTo(1);
		assertThat(count("select count(*) from payment_line")).isEqualTo(2);
		assertThat(names(out.resolve("bank"))).containsExactly(DRAFT_PAIN, DRAFT_ICBC, Manifest.NAME);
		assertThat(Files.readString(out.resolve("bank").resolve(DRAFT_ICBC), StandardCharsets.ISO_8859_1))
			.contains(BATCH + "|");
		assertManifestLists(out.resolve("bank"), DRAFT_PAIN, DRAFT_ICBC);
	}

	@Test
	void aMonthEndKilledWhileWritingItsFilesIsResumedWithTheSameBytes() throws Exception {
		// halted in the county's partition, between its bank files and its notices
		halted("month-end.writing-files", "month-end", "--month=2026-10", "--county=" + COUNTY, "--out=" + out,
				"--user=fin1");

		assertThat(status()).isEqualTo("RUNNING");
		assertThat(out.resolve("payments.csv")).doesNotExist();
		// the bank files are placed, the manifest (written by the month-end after every county's files) is not
		assertThat(names(out.resolve("bank"))).containsExactly(DRAFT_PAIN, DRAFT_ICBC);
		Map<String, byte[]> written = new LinkedHashMap<>();
		for (String name : List.of(DRAFT_PAIN, DRAFT_ICBC)) {
			written.put(name, Files.readAllBytes(out.resolve("bank").resolve(name)));
		}
		assertThatThrownBy(() -> payroll.release(COUNTY, OCT, "fin1")).isInstanceOf(MonthEndRefusedException.class);

		PayrollRun resumed = monthEnd.one(COUNTY, OCT, OCT.atDay(10), out, "fin1");

		assertThat(resumed.batchNo()).isEqualTo(BATCH);
		assertThat(resumed.status()).isEqualTo(RunStatus.DRAFT);
		written.forEach((name, bytes) -> assertThat(readAllBytes(out.resolve("bank").resolve(name))).as(name)
			.isEqualTo(bytes));
		assertThat(out.resolve("payments.csv")).exists();
		assertManifestLists(out.resolve("bank"), DRAFT_PAIN, DRAFT_ICBC);
	}

	@Test
	void anApproveKilledBeforeItsCommitLeavesTheDraftsOfAReleasedRun() throws Exception {
		released();

		halted("approve.staged", "approve", "--month=2026-10", "--county=" + COUNTY, "--user=fin2");

		assertThat(status()).isEqualTo("RELEASED");
		assertThat(count("select count(*) from audit_event where action = 'APPROVE'")).isZero();
		assertThat(count("select count(*) from bank_file where final")).isZero();
		assertManifestLists(out.resolve("bank"), DRAFT_PAIN, DRAFT_ICBC);
		assertThat(names(out.resolve(".staging").resolve(BATCH).resolve("bank"))).contains(ICBC, PAIN);

		payroll.recoverAtStart(); // what the next command does first

		assertThat(out.resolve(".staging")).doesNotExist();
		assertManifestLists(out.resolve("bank"), DRAFT_PAIN, DRAFT_ICBC);
		payroll.approve(COUNTY, OCT, "fin2");
		assertManifestLists(out.resolve("bank"), PAIN, ICBC);
	}

	@Test
	void anApproveKilledAfterItsCommitIsCompletedByTheNextCommand() throws Exception {
		released();

		halted("approve.placing", "approve", "--month=2026-10", "--county=" + COUNTY, "--user=fin2");

		// committed: the run is final; one final file was moved in, the other still staged, the drafts still there
		assertThat(status()).isEqualTo("APPROVED");
		assertThat(count("select count(*) from audit_event where action = 'APPROVE'")).isEqualTo(1);
		assertThat(names(out.resolve("bank"))).containsExactly(PAIN, DRAFT_PAIN, DRAFT_ICBC, Manifest.NAME);
		assertThat(names(out.resolve(".staging").resolve(BATCH).resolve("bank"))).contains(ICBC);

		// any next command (here: status, in a process of its own) puts the finals in place first
		assertThat(child(null, "status")).isZero();

		assertThat(out.resolve(".staging")).doesNotExist();
		assertManifestLists(out.resolve("bank"), PAIN, ICBC);
		assertThat(Files.readString(out.resolve("bank").resolve(ICBC), StandardCharsets.ISO_8859_1))
			.startsWith("H|" + BATCH + "|");
		assertThat(count("select count(*) from audit_event where action = 'APPROVE'")).isEqualTo(1);
	}

	@Test
	void aRevokeThatNeverCommitsPutsTheFinalsBack() throws Exception {
		released();
		payroll.approve(COUNTY, OCT, "fin2");
		byte[] icbc = Files.readAllBytes(out.resolve("bank").resolve(ICBC));
		// the revoke fails after it has moved the finals out of bank/, before its commit (as a kill there would)
		FailPoint.hook(point -> {
			if (point.equals("revoke.set-aside")) {
				assertThat(out.resolve("revoked").resolve(BATCH).resolve(ICBC)).exists();
				throw new IllegalStateException("simulated failure before the revoke's commit");
			}
		});

		assertThatThrownBy(() -> payroll.revoke(COUNTY, OCT, "fin1", "标准录错")).hasMessageContaining("simulated");

		assertThat(status()).isEqualTo("APPROVED");
		assertThat(count("select count(*) from audit_event where action = 'REVOKE'")).isZero();
		assertManifestLists(out.resolve("bank"), PAIN, ICBC);
		assertThat(Files.readAllBytes(out.resolve("bank").resolve(ICBC))).isEqualTo(icbc);
		assertThat(out.resolve("revoked")).doesNotExist();
	}

	void released() {
		monthEnd.one(COUNTY, OCT, OCT.atDay(10), out, "fin1");
		payroll.release(COUNTY, OCT, "fin1");
	}

	String status() {
		return jdbc.queryForObject("select status from payroll_run where batch_no = ?", String.class, BATCH);
	}

	int count(String sql) {
		return jdbc.queryForObject(sql, Integer.class);
	}

	/** Runs the command in a child JVM that halts at {@code point}, and checks that it did. */
	void halted(String point, String... command) throws Exception {
		assertThat(child(point, command)).as("the child halted at " + point + ": " + log()).isEqualTo(FailPoint.HALTED);
		assertThat(log()).contains("halted at " + point);
		awaitHaltedBackendsGone();
	}

	/**
	 * A halted child's server process ends when PostgreSQL notices the closed socket, a moment after the child's
	 * exit; until then it still holds the county's advisory lock, and a recovery run meanwhile rightly leaves the
	 * county to the next command. The tests go on once no other session of this database holds an advisory lock.
	 */
	void awaitHaltedBackendsGone() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (count("""
				select count(*) from pg_locks where locktype = 'advisory' and granted and pid <> pg_backend_pid()
				  and database = (select oid from pg_database where datname = current_database())""") > 0) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("a halted child's county lock is still held 30 s after it ended");
			}
			Thread.sleep(20);
		}
	}

	int child(String haltAt, String... command) throws Exception {
		List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
		if (haltAt != null) {
			cmd.add("-D" + FailPoint.HALT_AT + "=" + haltAt);
		}
		cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "cn.doudi.DoudiApplication", "--db-url=" + dbUrl,
				"--db-user=" + dbUser, "--home=" + tmp.resolve("home")));
		if (!dbPassword.isEmpty()) {
			cmd.add("--db-password=" + dbPassword);
		}
		cmd.addAll(List.of(command));
		ProcessBuilder builder = new ProcessBuilder(cmd);
		if (Stream.of(command).anyMatch(a -> a.startsWith("--user="))) {
			builder.environment().put("DOUDI_PASSWORD", PASSWORD);
		}
		Process child = builder.redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
		if (!child.waitFor(180, TimeUnit.SECONDS)) {
			child.destroyForcibly();
			throw new AssertionError("the child did not end: " + log());
		}
		return child.exitValue();
	}

	String log() throws IOException {
		Path log = tmp.resolve("child.log");
		return Files.exists(log) ? Files.readString(log) : "";
	}

	/** The folder holds exactly {@code files} and the manifest, which names each with its SHA-256. */
	static void assertManifestLists(Path bank, String... files) throws IOException {
		List<String> expected = Stream.of(files).sorted().toList();
		assertThat(names(bank).stream().filter(n -> !n.equals(Manifest.NAME)).toList()).isEqualTo(expected);
		List<String> lines = Files.readAllLines(bank.resolve(Manifest.NAME));
		assertThat(lines.stream().map(l -> l.split("  ")[1]).toList()).isEqualTo(expected);
		for (String line : lines) {
			String[] parts = line.split("  ");
			assertThat(parts[0]).as(parts[1]).isEqualTo(BankFolder.sha256(bank.resolve(parts[1])));
		}
	}

	static List<String> names(Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

	static byte[] readAllBytes(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
