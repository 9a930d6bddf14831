package cn.doudi.cli;

import java.util.concurrent.Callable;

import org.springframework.jdbc.core.JdbcTemplate;

import picocli.CommandLine.Command;

/**
 * {@code status}: which database this is and what it holds — per county the latest run and the open
 * findings, per source the latest committed upload (a quick look for finance and operators; changes
 * nothing, shows no personal data).
 */
@Command(name = "status", description = "显示所用的数据库及其中的数据概况。")
class StatusCommand implements Callable<Integer> {

	/** The runs' statuses as a person reads them (the console's words), the code beside. */
	static final java.util.Map<String, String> STATUSES = java.util.Map.of("RUNNING", "计算中", "FAILED", "失败", "DRAFT", "草稿",
			"RELEASED", "已提交待审批", "APPROVED", "已审批", "REPLACED", "已被重算替换", "REVOKED", "已撤销");

	private final JdbcTemplate jdbc;

	StatusCommand(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Integer call() {
		String version = jdbc.queryForObject("show server_version", String.class);
		Integer imports = jdbc.queryForObject("select count(*) from import_batch where status = 'COMMITTED'", Integer.class);
		Integer runs = jdbc.queryForObject("select count(*) from payroll_run", Integer.class);
		System.out.printf("PostgreSQL %s；已导入 %d 次，发放批次 %d 个%n", version, imports, runs);
		jdbc.query("""
				select r.county, r.month, r.batch_no, r.status,
				       (select count(*) from finding f where f.county = r.county and f.status in ('OPEN', 'CONFIRMED')) as open
				from payroll_run r
				where r.status not in ('REPLACED')
				  and (r.month, r.revision) = (select x.month, x.revision from payroll_run x
				                               where x.county = r.county and x.status not in ('REPLACED')
				                               order by x.month desc, x.revision desc limit 1)
				order by r.county
				""", rs -> {
			System.out.printf("区县 %s：最近批次 %s %s %s；未结疑点 %d 个%n", rs.getString(1), rs.getString(2),
					rs.getString(3), STATUSES.getOrDefault(rs.getString(4), "") + "（" + rs.getString(4) + "）", rs.getInt(5));
		});
		jdbc.query("""
				select distinct on (source) source, id, coalesce(to_char(finished_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), '-'),
				       rows_accepted, imported_by
				from import_batch where status = 'COMMITTED' order by source, id desc
				""", rs -> {
			System.out.printf("来源 %s：最近导入 #%d，%s，%d 行，导入人 %s%n", rs.getString(1), rs.getLong(2),
					rs.getString(3), rs.getInt(4), rs.getString(5));
		});
		return 0;
	}
}
