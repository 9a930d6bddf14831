package cn.doudi.matching.roster;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The copy of the current roster rows that {@link CurrentRoster}'s keyed lookups probe (V580): the rows of
 * every current {@code beneficiary}, {@code disability} and {@code poverty} snapshot in unlogged tables, each
 * indexed once on its keys after it is filled — instead of B-trees on the bulk tables, which every upload
 * maintained over all its rows and the history's (README "Import speed"). {@link #refresh()} rebuilds it when
 * a current snapshot is not in it (an import was made current since) or a bulk table was written since it was
 * built ({@code roster_changes}), so a month-end with no import meanwhile builds it once, at its first county,
 * and every later county finds it ready.
 *
 * <p>Only speed depends on it: a lookup reads the snapshots the copy does not hold from the bulk tables
 * ({@link CurrentRoster}). So a build that cannot run now is skipped, never waited for at length: when this
 * transaction already read the copy (a rebuild would wait for it to end), or when another transaction
 * holds the copy longer than {@link #LOCK_TIMEOUT} (the build takes the old copy's lock first, before the
 * work, and gives up; lookups that start while it builds wait for the new copy). Builds run one at a time, across
 * processes (an advisory lock; who waits for one re-checks after it), in a transaction of their own at
 * repeatable read: the rows copied and the snapshots named in {@code roster_cover} are those of one moment.
 */
@Component
public class RosterCopy {

	private static final Logger log = LoggerFactory.getLogger(RosterCopy.class);

	/** Advisory lock key of the builds (two ints: "roster copy"). */
	private static final String LOCK = "5808, 1";

	/** How long a build waits for the old copy's readers before giving up (before it has done any work). */
	static final String LOCK_TIMEOUT = "5s";

	private static final List<CurrentRoster.Table> TABLES = List.of(CurrentRoster.Table.values());

	/**
	 * The keys more than one county's current roster lists (V590, V601), built from the new beneficiary copy: table,
	 * its column, the copy's column.
	 */
	private static final List<String[]> SHARED = List.of(new String[] { CurrentRoster.SHARED_IDS, "id_number" },
			new String[] { CurrentRoster.SHARED_HOUSEHOLDS, "household_id" },
			new String[] { CurrentRoster.SHARED_ACCOUNTS, "account_number" });

	/** Every table the build replaces: the copies and the shared keys. */
	private static final List<String> REPLACED = java.util.stream.Stream.concat(TABLES.stream().map(t -> t.copy),
			SHARED.stream().map(s -> s[0])).toList();

	private final JdbcTemplate jdbc;
	private final TransactionTemplate own;
	private final TransactionTemplate build;

	RosterCopy(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.build = new TransactionTemplate(transactions);
		this.build.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.build.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/**
	 * Rebuilds the copy if a current snapshot is not in it and the build can run now; returns whether the
	 * copy holds every current snapshot afterwards. Costs one small query when it does already.
	 */
	public boolean refresh() {
		try {
			for (int attempt = 0; attempt < 3; attempt++) {
				State state = jdbc.queryForObject("""
						select exists (select 1 from snapshot u
						               where u.source in ('beneficiaries', 'disability', 'poverty') and %s)
						       or exists (select 1 from roster_cover c where c.changes <> (select last_value from roster_changes)),
						       exists (select 1 from pg_locks l where l.pid = pg_backend_pid()
						               and l.relation in ('roster_beneficiary'::regclass, 'roster_disability'::regclass,
						                                  'roster_poverty'::regclass))
						""".formatted(CurrentRoster.NOT_COVERED), (rs, i) -> new State(rs.getBoolean(1), rs.getBoolean(2)));
				if (!state.stale()) {
					return true;
				}
				if (state.readHere()) {
					return false;
				}
				if (Boolean.TRUE.equals(build.execute(status -> tryBuild()))) {
					analyze();
					return true;
				}
				// another process builds: wait for it to finish, then look again
				own.executeWithoutResult(status -> jdbc.queryForObject("select pg_advisory_xact_lock(" + LOCK + ") is null",
						Boolean.class));
			}
			return false;
		}
		catch (DataAccessException e) {
			log.warn("当前名册副本未能重建（键查找改读各县快照，结果不变，只是较慢）：{}", e.getMostSpecificCause().getMessage());
			return false;
		}
		catch (RuntimeException e) { // e.g. no connection for a transaction of its own: only speed depends on it
			log.warn("当前名册副本未能重建（键查找改读各县快照，结果不变，只是较慢）：{}", e.toString());
			return false;
		}
	}

	private record State(boolean stale, boolean readHere) {
	}

	/**
	 * The new copy's statistics, once the build has committed: an {@code ANALYZE} inside the build counted the
	 * rows it inserted as changed since the analysis (PostgreSQL adds a transaction's inserts to
	 * {@code n_mod_since_analyze} when it commits), so the next month-end's {@code TableStatistics.refresh}
	 * analyzed the copy again (2 s of the 40,000-household bench's second round, with {@code payment_line}). The
	 * lookups planned before it ends see the row counts ({@code CREATE INDEX} sets them) and are nested loops of
	 * index probes whatever the statistics ({@link CurrentRoster}). In a transaction of its own: the caller's
	 * would keep a lock on the copy to its end.
	 * <p>
	 * The build's own counts must be in the statistics before this analysis resets them: PostgreSQL 15 sends a
	 * backend's counts to the shared statistics at most once a second, so the build's connection, back in the pool,
	 * added its inserts after this analysis (the copy then counted its rows twice and as changed since, and was
	 * analyzed again at every next refresh); the build asks for its counts to be sent at its commit ({@link
	 * #FLUSH_STATISTICS}).
	 */
	private void analyze() {
		own.executeWithoutResult(status -> jdbc.execute("analyze " + String.join(", ", REPLACED)));
	}

	/**
	 * Sends this backend's statistics counts at its next idle moment, its commit, however recently it sent the last
	 * ({@code pg_stat_force_next_flush}, PostgreSQL 15 and later; nothing where the function does not exist).
	 */
	static final String FLUSH_STATISTICS = """
			do $$ begin
			  if to_regprocedure('pg_catalog.pg_stat_force_next_flush()') is not null then
			    perform pg_catalog.pg_stat_force_next_flush();
			  end if;
			end $$""";

	private static String next(String name) {
		return name + "_next";
	}

	/** Under the advisory lock (if free): the copy built afresh, swapped in, {@code roster_cover} rewritten. */
	private Boolean tryBuild() {
		if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(" + LOCK + ")", Boolean.class))) {
			return false;
		}
		long start = System.nanoTime();
		// the old copy's readers first, before the work: a transaction still holding it (another county's, that
		// read it) makes the build give up now rather than after building; the lookups that come meanwhile wait
		// for the new copy (one build) instead of reading the bulk tables
		jdbc.execute("set local lock_timeout = '" + LOCK_TIMEOUT + "'");
		jdbc.execute("lock table " + String.join(", ", REPLACED) + " in access exclusive mode");
		jdbc.execute("set local lock_timeout = 0");
		// read first: a write to a bulk table from now on bumps it past what the covers say (a rebuild next time)
		long changes = jdbc.queryForObject("select last_value from roster_changes", Long.class);
		long rows = 0;
		for (CurrentRoster.Table t : TABLES) {
			jdbc.execute("drop table if exists " + t.copy + "_next");
			rows += jdbc.update("""
					create unlogged table %1$s_next as
					select x.* from snapshot u cross join lateral (select x.* from %2$s x where %3$s offset 0) x
					where %4$s
					""".formatted(t.copy, t.table, t.rowsOfU, t.snapshots));
			for (String column : t.keys) {
				jdbc.execute("create index %s on %s_next (%s)".formatted(next(t.index(column)), t.copy, column));
			}
		}
		for (String[] shared : SHARED) {
			jdbc.execute("drop table if exists " + next(shared[0]));
			jdbc.execute("""
					create unlogged table %1$s as
					select %2$s from %3$s group by %2$s having count(distinct county) > 1
					""".formatted(next(shared[0]), shared[1], next(CurrentRoster.Table.BENEFICIARY.copy)));
		}
		for (String shared : SHARED.stream().map(s -> s[0]).toList()) {
			jdbc.execute("drop table " + shared);
			jdbc.execute("alter table %1$s_next rename to %1$s".formatted(shared));
		}
		for (CurrentRoster.Table t : TABLES) {
			jdbc.execute("drop table " + t.copy);
			jdbc.execute("alter table %1$s_next rename to %1$s".formatted(t.copy));
			for (String column : t.keys) {
				jdbc.execute("alter index %s rename to %s".formatted(next(t.index(column)), t.index(column)));
			}
		}
		jdbc.update("delete from roster_cover");
		int covered = jdbc.update("""
				insert into roster_cover (source, county, import_id, changes)
				select u.source, u.county, u.import_id, ? from snapshot u
				where u.source in ('beneficiaries', 'disability', 'poverty')
				""", changes);
		jdbc.execute(FLUSH_STATISTICS);
		log.info("当前名册副本已重建：{} 个快照，{} 行，用时 {} ms", covered, rows, (System.nanoTime() - start) / 1_000_000);
		return true;
	}
}
