package cn.doudi.payroll;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.doudi.database.AdvisoryLock;

/**
 * {@code /actuator/health/month-end}: the latest run of each county (its month, revision, status). DOWN
 * when a county's latest run FAILED (its files could not be written: nothing can be released until the
 * next month-end); OUT_OF_SERVICE when one is stuck — RUNNING while no process holds the county's lock
 * (its month-end was killed: the next command recovers it). The reason names the counties.
 */
@Component
class MonthEndHealthIndicator extends AbstractHealthIndicator {

	private final JdbcTemplate jdbc;

	MonthEndHealthIndicator(JdbcTemplate jdbc) {
		super("月结状态无法读取（数据库不可用？）");
		this.jdbc = jdbc;
	}

	@Override
	protected void doHealthCheck(Health.Builder b) {
		Map<String, Object> counties = new LinkedHashMap<>();
		List<String> failed = new ArrayList<>();
		List<String> stuck = new ArrayList<>();
		jdbc.query("""
				select distinct on (r.county) r.county, r.month, r.revision, r.batch_no, r.status, r.created_at,
				       exists (select 1 from pg_locks l
				               where l.locktype = 'advisory' and l.granted and l.objsubid = 2
				                 and l.classid = ?::bigint::oid and l.objid = r.county::int::bigint::oid
				                 and l.database = (select oid from pg_database where datname = current_database())) as locked
				from payroll_run r
				order by r.county, r.month desc, r.revision desc""", rs -> {
			String county = rs.getString("county").trim();
			String status = rs.getString("status");
			boolean locked = rs.getBoolean("locked");
			Map<String, Object> run = new LinkedHashMap<>();
			run.put("month", rs.getString("month"));
			run.put("revision", rs.getInt("revision"));
			run.put("batchNo", rs.getString("batch_no"));
			run.put("status", status);
			run.put("startedAt", rs.getTimestamp("created_at").toInstant().toString());
			if (RunStatus.FAILED.name().equals(status)) {
				failed.add(county + "（" + rs.getString("month") + "）");
			}
			else if (RunStatus.RUNNING.name().equals(status)) {
				run.put("inProgress", locked);
				if (!locked) {
					stuck.add(county + "（" + rs.getString("month") + "）");
				}
			}
			counties.put(county, run);
		}, AdvisoryLock.COUNTY_RUNS);
		if (!failed.isEmpty()) {
			b.down().withDetail("reason", "月结失败的区县：" + String.join("、", failed)
					+ (stuck.isEmpty() ? "" : "；月结中断的区县：" + String.join("、", stuck)));
		}
		else if (!stuck.isEmpty()) {
			b.status(Status.OUT_OF_SERVICE)
				.withDetail("reason", "月结中断（状态 RUNNING，无进程在处理）的区县：" + String.join("、", stuck));
		}
		else {
			b.up();
		}
		b.withDetail("counties", counties);
	}
}
