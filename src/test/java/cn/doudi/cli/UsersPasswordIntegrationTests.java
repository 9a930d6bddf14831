package cn.doudi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.security.Passwords;
import cn.doudi.support.Commands;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.DoudiIntegrationTest;
import cn.doudi.support.TestData;

/** {@code users password --name=U}: from standard input, by U itself or an ADMIN of U's county; only a BCrypt hash is kept. */
@DoudiIntegrationTest
class UsersPasswordIntegrationTests {

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Passwords passwords;

	InputStream originalIn;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(jdbc);
		new TestData(jdbc).user("admin", "ADMIN", null).user("adminB", "ADMIN", "410122").user("mon", "MONITOR", "410102");
		originalIn = System.in;
	}

	@AfterEach
	void restore() {
		System.setIn(originalIn);
	}

	int run(String stdin, String... args) {
		System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
		return Commands.run(context, args);
	}

	@Test
	void anAdminOrTheUserSetsAPasswordFromStandardInput() {
		assertThat(run("密码-Long-enough\n", "users", "password", "--name=mon", "--user=admin")).isZero();
		String hash = jdbc.queryForObject("select password_hash from app_user where name = 'mon'", String.class);
		assertThat(hash).startsWith("$2").doesNotContain("密码");
		assertThat(passwords.authenticate("mon", "密码-Long-enough")).isPresent();
		assertThat(passwords.authenticate("mon", "wrong-password")).isEmpty();

		assertThat(run("My-own-passw0rd\n", "users", "password", "--name=mon", "--user=mon")).isZero();
		assertThat(passwords.authenticate("mon", "My-own-passw0rd")).isPresent();
	}

	@Test
	void anotherCountysAdminOrATooShortPasswordIsRefused() {
		assertThat(run("long-enough-1\n", "users", "password", "--name=mon", "--user=adminB")).isNotZero();
		assertThat(run("short\n", "users", "password", "--name=mon", "--user=admin")).isEqualTo(2);
		assertThat(jdbc.queryForObject("select password_hash from app_user where name = 'mon'", String.class)).isNull();
		// users add keeps working as OUTPUTS.md specifies
		assertThat(run("", "users", "add", "--name=op", "--role=OPERATOR", "--county=410102", "--user=admin")).isZero();
	}
}
