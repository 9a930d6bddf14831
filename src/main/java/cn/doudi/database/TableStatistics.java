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
 * <p>
 * A month-end refreshes too, before its counties start ({@link #refreshExcept}), but not the tables it writes
 * and reads back only by run through their indexes ({@code payment_line}): they grew by more than a tenth at every
 * month-end of a young database, and their {@code ANALYZE} ran before any county could start (0.5–1.3 s of every
 * round of the 40,000-household bench) for plans that do not depend on it. Their statistics follow at the next
 * import's refresh; a month-end still analyzes them when they have none at all.
 */
@Service
public class TableStatistics {

	private static final Logger log = LoggerFactory.getLogger(TableStatistics.class);

	private final JdbcTemplate jdbc;

	TableStatistics(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Analyzes the tables with no statistics, or changed by more than a tenth since their last analysis. */
	public void refresh() {
		refreshExcept(List.of());
	}

	/**
	 * As {@link #refresh}, except that the tables {@code analyzedOnlyWithout} (names) are analyzed only when they
	 * have no statistics at all.
	 */
	public void refreshExcept(List<String> analyzedOnlyWithout) {
		List<String> stale = jdbc.queryForList("""
				select quote_ident(relname) from pg_stat_user_tables
				where schemaname = current_schema()
				  and (last_analyze is null and last_autoanalyze is null and n_live_tup + n_mod_since_analyze > 0
				       or n_mod_since_analyze > 1000 and n_mod_since_analyze > n_live_tup / 10
				          and relname::text <> all (?::text[]))
				order by relname
				""", String.class, (Object) analyzedOnlyWithout.toArray(String[]::new));
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
