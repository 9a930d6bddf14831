package cn.doudi.cli;

import java.util.concurrent.Callable;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.doudi.ingest.Regions;
import cn.doudi.ingest.Source;
import cn.doudi.kernel.Terms;
import picocli.CommandLine.Command;

/**
 * {@code status}: which database this is and what it holds — per county the latest run and the open
 * findings, per source the latest committed upload (a quick look for finance and operators; changes
 * nothing, shows no personal data).
 */
@Command(name = "status", description = "显示所用的数据库及其中的数据概况。")
class StatusCommand implements Callable<Integer> {

	private final JdbcTemplate jdbc;
	private final Regions regions;

	StatusCommand(JdbcTemplate jdbc, Regions regions) {
		this.jdbc = jdbc;
		this.regions = regions;
	}

	@Override
	public Integer call() {
		String version = jdbc.queryForObject("show server_version", String.class);
		Integer imports = jdbc.queryForObject("select count(*) from import_batch where status = 'COMMITTED'", Integer.class);
		Integer runs = jdbc.queryForObject("select count(*) from payroll_run", Integer.class);
		System.out.printf("PostgreSQL %s；已导入 %d 次，发放批次 %d 个%n", version, imports, runs);
		CountyNames counties = new CountyNames(regions);
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
			System.out.printf("区县 %s：最近批次 %s %s %s；未结疑点 %d 个%n", counties.of(rs.getString(1)), rs.getString(2),
					rs.getString(3), Terms.status(rs.getString(4)), rs.getInt(5));
		});
		jdbc.query("""
				select distinct on (source) source, id, coalesce(to_char(finished_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'), '-'),
				       rows_accepted, imported_by
				from import_batch where status = 'COMMITTED' order by source, id desc
				""", rs -> {
			String source = Source.parse(rs.getString(1)).map(x -> x.title() + "（" + x.code() + "）").orElse(rs.getString(1));
			System.out.printf("来源 %s：最近导入 #%d，%s，%d 行，导入人 %s%n", source, rs.getLong(2),
					rs.getString(3), rs.getInt(4), rs.getString(5));
		});
		return 0;
	}
}
