package cn.doudi.cli;

import java.util.concurrent.Callable;

import org.springframework.jdbc.core.JdbcTemplate;

import picocli.CommandLine.Command;

/** {@code status}: which database this is and what it holds (a quick look, changes nothing). */
@Command(name = "status", description = "Shows the database in use and what it holds.")
class StatusCommand implements Callable<Integer> {

	private final JdbcTemplate jdbc;

	StatusCommand(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Integer call() {
		String version = jdbc.queryForObject("show server_version", String.class);
		Integer imports = jdbc.queryForObject("select count(*) from import_batch where status = 'COMMITTED'", Integer.class);
		Integer runs = jdbc.queryForObject("select count(*) from payroll_run", Integer.class);
		System.out.printf("PostgreSQL %s; %d imports, %d payroll runs%n", version, imports, runs);
		return 0;
	}
}
