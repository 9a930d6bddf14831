package cn.doudi.web;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import cn.doudi.payroll.MonthEnd;
import cn.doudi.security.Passwords;

/**
 * What the console's {@link WebIntegrationTest}s on the {@link WebFixture} share: the mock servlet client, the
 * database, the month-end and the passwords the fixture is made with, and {@link #fixture}.
 */
abstract class ConsoleTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MonthEnd monthEnd;

	@Autowired
	Passwords passwords;

	/** The fixture on emptied tables; with {@code computeRuns}, its draft runs of October computed. */
	WebFixture fixture(boolean computeRuns) {
		return new WebFixture(jdbc, monthEnd, passwords, computeRuns);
	}
}
