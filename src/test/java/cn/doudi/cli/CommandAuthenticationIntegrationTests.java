package cn.doudi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.payroll.MonthEnd;
import cn.doudi.security.Passwords;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;
import cn.doudi.support.TestData;

/**
 * The command line proves who runs it (OUTPUTS.md "Command line"): a shell whose OS account is mapped to
 * FINANCE user fin1 cannot act as fin2 by naming it — maker–checker holds — nor reset another user's
 * password; fin2's own password (DOUDI_PASSWORD) proves fin2; wrong passwords lock as at the console.
 */
@DoudiIntegrationTest
class CommandAuthenticationIntegrationTests {

	static final String A = "410102";
	static final String PASSWORD = "Ping-an-2026";

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MonthEnd monthEnd;

	@Autowired
	Passwords passwords;

	@TempDir
	Path out;

	final ByteArrayOutputStream err = new ByteArrayOutputStream();
	final ByteArrayOutputStream shown = new ByteArrayOutputStream();
	PrintStream originalErr;
	PrintStream originalOut;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(jdbc);
		TestData data = new TestData(jdbc);
		data.standard(A, "ELDERLY", "80-89", "2026-01", "100.00")
			.beneficiary(A + "001001", "E1", TestData.id(A, "1940-03-02", 11), "张三", "户主", "ELDERLY", null, null, "2026-01", null)
			.user("fin1", "FINANCE", A)
			.user("fin2", "FINANCE", A)
			.user("admin", "ADMIN", null)
			.user("mon", "MONITOR", A);
		// TestData maps each user to an OS account of its own name: the shells here are 'fin1', 'admin', …
		passwords.set("fin2", "fin2", PASSWORD);
		passwords.set("mon", "mon", PASSWORD);
		monthEnd.one(A, YearMonth.of(2026, 10), LocalDate.of(2026, 10, 10), out, "fin1");
		originalErr = System.err;
		originalOut = System.out;
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		System.setOut(new PrintStream(shown, true, StandardCharsets.UTF_8));
	}

	@AfterEach
	void restore() {
		System.setErr(originalErr);
		System.setOut(originalOut);
	}

	int run(String osAccount, Map<String, String> env, String... args) {
		err.reset();
		return DoudiCli.execute(context, Caller.of(osAccount, env), args);
	}

	String error() {
		return err.toString(StandardCharsets.UTF_8);
	}

	String runStatus() {
		return jdbc.queryForObject("select status from payroll_run where county = ? and month = '2026-10'", String.class, A);
	}

	@Test
	void aBorrowedUserIsRefusedSoMakerCheckerHoldsOnTheCommandLine() {
		assertThat(run("fin1", Map.of(), "release", "--month=2026-10", "--county=" + A)).isZero();

		// fin1's shell names fin2: proves nothing
		assertThat(run("fin1", Map.of(), "approve", "--month=2026-10", "--county=" + A, "--user=fin2")).isNotZero();
		assertThat(error().strip()).doesNotContain("\n")
			.startsWith("doudi: 不能证明你是用户 fin2：操作系统账户 fin1 对应的是用户 fin1")
			.contains("DOUDI_PASSWORD");
		// nor does $USER or -Duser.name: the OS account is the caller's, not a property
		assertThat(runStatus()).isEqualTo("RELEASED");

		// with a wrong password for fin2: refused too
		assertThat(run("fin1", Map.of("DOUDI_PASSWORD", "Guess-2026"), "approve", "--month=2026-10", "--county=" + A,
				"--user=fin2")).isNotZero();
		assertThat(error()).contains("用户 fin2 的密码不对");
		assertThat(runStatus()).isEqualTo("RELEASED");

		// fin2's own password proves fin2 (the second person, from any shell)
		assertThat(run("fin1", Map.of("DOUDI_PASSWORD", PASSWORD), "approve", "--month=2026-10", "--county=" + A,
				"--user=fin2")).isZero();
		assertThat(runStatus()).isEqualTo("APPROVED");
		assertThat(jdbc.queryForObject("select approved_by from payroll_run where county = ? and month = '2026-10'",
				String.class, A)).isEqualTo("fin2");
	}

	@Test
	void withoutUserTheMappedUserActs() {
		assertThat(run("fin1", Map.of(), "release", "--month=2026-10", "--county=" + A)).isZero();
		assertThat(jdbc.queryForObject("select released_by from payroll_run where county = ? and month = '2026-10'",
				String.class, A)).isEqualTo("fin1");
		// an unmapped shell is the user of its own name, which then needs its password
		assertThat(run("stranger", Map.of(), "findings", "list")).isNotZero();
		assertThat(error()).contains("不能证明你是用户 stranger", "没有对应任何用户");
	}

	@Test
	void aPasswordCannotBeResetFromABorrowedUser() {
		System.setIn(new java.io.ByteArrayInputStream("New-pass-2026\n".getBytes(StandardCharsets.UTF_8)));
		assertThat(run("fin1", Map.of(), "users", "password", "--name=mon", "--user=admin")).isNotZero();
		assertThat(error()).contains("不能证明你是用户 admin");
		assertThat(passwords.authenticate("mon", PASSWORD)).isPresent();
		// the admin's own shell may
		assertThat(run("admin", Map.of("DOUDI_NEW_PASSWORD", "New-pass-2026"), "users", "password", "--name=mon")).isZero();
		assertThat(passwords.authenticate("mon", "New-pass-2026")).isPresent();
	}

	@Test
	void wrongPasswordsOnTheCommandLineLockTheUser() {
		for (int i = 0; i < 5; i++) {
			run("fin1", Map.of("DOUDI_PASSWORD", "Wrong-2026-" + i), "findings", "list", "--user=mon");
		}
		assertThat(run("fin1", Map.of("DOUDI_PASSWORD", PASSWORD), "findings", "list", "--user=mon")).isNotZero();
		assertThat(error()).contains("被暂时锁定", "分钟后再试");
		assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'LOGIN_LOCKED' and actor = 'mon'",
				Integer.class)).isOne();
		assertThat(jdbc.queryForList("select distinct detail from audit_event where action = 'LOGIN_FAILED'", String.class))
			.allMatch(d -> d.endsWith("from os:fin1"));
	}

	@Test
	void logLinesGoToStandardErrorNeverIntoACommandsAnswer() throws InterruptedException {
		// a background thread's warning (Quartz's cluster check-in on a busy machine did this) while a command
		// prints a token: standard output holds the answer alone
		Thread background = new Thread(() -> org.slf4j.LoggerFactory.getLogger("org.quartz.impl.jdbcjobstore.JobStoreSupport")
			.warn("This scheduler instance is still active but was recovered by another instance in the cluster."));
		background.start();
		background.join();
		assertThat(shown.toString(StandardCharsets.UTF_8)).isEmpty();
		assertThat(error()).contains("recovered by another instance");
	}

	@Test
	void aTokenProvesItsUserUntilRevoked() {
		assertThat(run("fin1", Map.of("DOUDI_TOKEN", "abc"), "findings", "list")).isNotZero();
		assertThat(error()).contains("DOUDI_TOKEN 无效");

		// only an ADMIN creates tokens; the token is printed once, then listed by its prefix only
		assertThat(run("fin1", Map.of(), "users", "token", "--name=mon")).isNotZero();
		assertThat(run("admin", Map.of(), "users", "token", "--name=mon", "--label=省平台")).isZero();
		String token = shown.toString(StandardCharsets.UTF_8).strip();
		assertThat(token).startsWith("doudi_").hasSize(49);
		assertThat(jdbc.queryForObject("select count(*) from api_token where token_hash = ? or prefix = ? or label = ?",
				Integer.class, token, token, token)).isZero();
		shown.reset();
		assertThat(run("admin", Map.of(), "users", "token", "--name=mon", "--list")).isZero();
		assertThat(shown.toString(StandardCharsets.UTF_8)).contains("省平台", token.substring(0, 12) + "…", "有效")
			.doesNotContain(token);

		// a shell of fin1 with mon's token acts as mon, and only as mon
		assertThat(run("fin1", Map.of("DOUDI_TOKEN", token), "findings", "list")).as(() -> error()).isZero();
		assertThat(run("fin1", Map.of("DOUDI_TOKEN", token), "findings", "list", "--user=fin2")).isNotZero();
		assertThat(error()).contains("属于用户 mon");

		long id = jdbc.queryForObject("select id from api_token", Long.class);
		assertThat(run("admin", Map.of(), "users", "token", "--name=mon", "--revoke=" + id)).isZero();
		err.reset();
		assertThat(run("fin1", Map.of("DOUDI_TOKEN", token), "findings", "list")).isNotZero();
		assertThat(error()).contains("已吊销");
		assertThat(jdbc.queryForList("select action from audit_event where action like 'TOKEN_%' order by id", String.class))
			.containsExactly("TOKEN_CREATE", "TOKEN_REVOKE");
	}

	@Test
	void usersListAndDisable() {
		assertThat(run("admin", Map.of(), "users", "list")).isZero();
		String list = shown.toString(StandardCharsets.UTF_8);
		assertThat(list).contains("fin2\t财务人员\t410102\t启用\tfin2\t已设", "admin\t系统管理员\t全市\t", "共 4 个用户")
			.doesNotContain("$2", "FINANCE");
		shown.reset();
		assertThat(run("admin", Map.of(), "users", "list", "--codes")).isZero();
		assertThat(shown.toString(StandardCharsets.UTF_8)).startsWith("name\trole\tcounty\tactive\t")
			.contains("fin2\tFINANCE\t410102\ttrue\tfin2\ttrue");

		assertThat(run("fin1", Map.of(), "users", "list")).isNotZero();
		assertThat(error()).contains("无权查看用户列表");

		assertThat(run("admin", Map.of(), "users", "disable", "--name=fin2")).isZero();
		assertThat(passwords.authenticate("fin2", PASSWORD)).isEmpty();
		assertThat(run("fin1", Map.of("DOUDI_PASSWORD", PASSWORD), "findings", "list", "--user=fin2")).isNotZero();
		assertThat(jdbc.queryForObject("select disabled_by from app_user where name = 'fin2'", String.class)).isEqualTo("admin");
		assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'USER_DISABLE'", Integer.class)).isOne();
		// the last city-wide admin stays
		assertThat(run("admin", Map.of(), "users", "disable", "--name=admin")).isEqualTo(2);
		assertThat(error()).contains("不能停用最后一个全市系统管理员");
	}

	@Test
	void theBootstrapAdminIsMappedToTheAccountThatCreatedIt() {
		jdbc.update("delete from app_user");
		assertThat(run("alice", Map.of(), "users", "add", "--name=boss", "--role=ADMIN")).isZero();
		assertThat(jdbc.queryForObject("select os_account from app_user where name = 'boss'", String.class)).isEqualTo("alice");
		assertThat(run("alice", Map.of(), "users", "add", "--name=f1", "--role=FINANCE", "--os-account=bob")).isZero();
		// one user per OS account
		assertThat(run("alice", Map.of(), "users", "add", "--name=f2", "--role=FINANCE", "--os-account=bob")).isEqualTo(2);
		assertThat(error()).contains("操作系统账户 bob 已对应用户 f1");
		assertThat(run("bob", Map.of(), "findings", "list")).isZero(); // f1, city-wide FINANCE, proved by bob
		assertThat(error()).doesNotContain("不能证明");
	}

	@Test
	void theProcessAccountIsTheKernels() throws Exception {
		Process id = new ProcessBuilder("id", "-un").start();
		String expected = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(Caller.processAccount()).isEqualTo(expected);
	}
}
