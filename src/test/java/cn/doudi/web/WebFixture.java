package cn.doudi.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.payroll.MonthEnd;
import cn.doudi.security.Passwords;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.TestData;

/**
 * Two counties (A = 410102, B = 410122), each with one ELDERLY person, a draft run for 2026-10 and one
 * open NAME_MISMATCH finding; users of every role in A, a FINANCE and a MONITOR in B, city-wide FINANCE
 * and AUDITOR. Every user's password is {@value #PASSWORD}.
 */
final class WebFixture {

	static final String A = "410102";
	static final String B = "410122";
	static final YearMonth OCTOBER = YearMonth.of(2026, 10);
	static final String PASSWORD = "Ping-an-2026";

	final long runA;
	final long runB;
	final long findingA;
	final long findingB;
	final TestData data;

	WebFixture(JdbcTemplate jdbc, MonthEnd monthEnd, Passwords passwords, boolean computeRuns) {
		DatabaseCleaner.clean(jdbc);
		data = new TestData(jdbc);
		for (String county : new String[] { A, B }) {
			data.standard(county, "ELDERLY", "80-89", "2026-01", "100.00")
				.beneficiary(county + "001001", "E" + county, TestData.id(county, "1940-03-02", 11), "张三", "户主",
						"ELDERLY", null, null, "2026-01", null);
		}
		data.user("fin1", "FINANCE", A)
			.user("fin2", "FINANCE", A)
			.user("finB", "FINANCE", B)
			.user("finCity", "FINANCE", null)
			.user("mon", "MONITOR", A)
			.user("monB", "MONITOR", B)
			.user("op", "OPERATOR", A)
			.user("audA", "AUDITOR", A)
			.user("aud", "AUDITOR", null)
			.user("admin", "ADMIN", null);
		for (String u : new String[] { "fin1", "fin2", "finB", "finCity", "mon", "monB", "op", "audA", "aud", "admin" }) {
			passwords.set(u, u, PASSWORD);
		}
		if (computeRuns) {
			Path out = temporaryFolder();
			runA = monthEnd.one(A, OCTOBER, LocalDate.of(2026, 10, 10), out.resolve(A), "fin1").id();
			runB = monthEnd.one(B, OCTOBER, LocalDate.of(2026, 10, 10), out.resolve(B), "finB").id();
		}
		else {
			runA = -1;
			runB = -1;
		}
		findingA = finding(jdbc, A);
		findingB = finding(jdbc, B);
	}

	private static Path temporaryFolder() {
		try {
			return Files.createTempDirectory("doudi-web-fixture");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static long finding(JdbcTemplate jdbc, String county) {
		return jdbc.queryForObject("""
				insert into finding (code, effect, county, id_number, name, programs, detail, status, first_month, last_month)
				values ('NAME_MISMATCH', 'HOLD', ?, ?, '张三', 'ELDERLY', '民政与公安姓名不一致', 'OPEN', '2026-10', '2026-10')
				returning id
				""", Long.class, county, TestData.id(county, "1940-03-02", 11));
	}
}
