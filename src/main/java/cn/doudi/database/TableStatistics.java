package cn.doudi.database;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Keeps the planner's statistics fresh after bulk loads. A roster just imported has no statistics until
 * autovacuum gets to it, and the planner then estimates one row and picks nested loops: a county's
 * month-end that takes seconds takes minutes. {@link #refresh} analyzes the tables that changed a lot
 * since their last analysis (cheap: ANALYZE samples), and summarises the block ranges that imports
 * appended to the BRIN-indexed bulk tables since autovacuum last did (until then every lookup through
 * such an index reads those ranges too; summarising reads only the new ranges, once).
 */
@Service
public class TableStatistics {

	private static final Logger log = LoggerFactory.getLogger(TableStatistics.class);

	private final JdbcTemplate jdbc;

	TableStatistics(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void refresh() {
		List<String> stale = jdbc.queryForList("""
				select quote_ident(relname) from pg_stat_user_tables
				where schemaname = current_schema()
				  and (last_analyze is null and last_autoanalyze is null and n_live_tup + n_mod_since_analyze > 0
				       or n_mod_since_analyze > 1000 and n_mod_since_analyze > n_live_tup / 10)
				order by relname
				""", String.class);
		if (!stale.isEmpty()) {
			log.debug("analyzing {}", stale);
			jdbc.execute("analyze " + String.join(", ", stale));
		}
		List<Integer> summarised = jdbc.queryForList("""
				select brin_summarize_new_values(i.indexrelid) from pg_index i
				join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
				where a.amname = 'brin' and c.relnamespace = current_schema()::regnamespace
				order by c.relname
				""", Integer.class);
		log.debug("summarised {} new BRIN block ranges", summarised.stream().mapToInt(Integer::intValue).sum());
	}
}
