package cn.doudi.matching;

import static cn.doudi.kernel.FindingCode.ASSETS_DISQUALIFY;
import static cn.doudi.kernel.FindingCode.DEATH_PROBABLE;
import static cn.doudi.kernel.FindingCode.DECEASED;
import static cn.doudi.kernel.FindingCode.EXCLUSIVE_PROGRAMS;
import static cn.doudi.kernel.FindingCode.MARRIAGE_CHANGE;
import static cn.doudi.kernel.FindingCode.NAME_MISMATCH;
import static cn.doudi.kernel.FindingCode.POVERTY_NOT_COVERED;
import static cn.doudi.kernel.FindingCode.SEVERE_DISABILITY_NOT_COVERED;
import static cn.doudi.kernel.FindingCode.SHARED_ACCOUNT;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.doudi.allowance.ActiveRoster;
import cn.doudi.kernel.FindingCode;
import cn.doudi.matching.checks.Check;
import cn.doudi.matching.checks.CheckMonth;
import cn.doudi.matching.checks.CheckReader;
import cn.doudi.matching.roster.RosterCopy;
import cn.doudi.matching.roster.RosterLoader;

/**
 * The cross-agency checks of one county and month (CHECKS.md catalogue, every check that is not a rule
 * finding), evaluated with today's knowledge and kept in the {@code finding} table by the
 * {@link FindingLedger}: not raised twice while open, a dismissal kept for the same evidence, closed as
 * RESOLVED when the condition no longer holds; the live ones are linked to the run (its findings.csv).
 * Runs in the month-end job before the lines are computed; {@link CheckHolds} gives the rules the same HOLD
 * conditions, for M and every earlier month the arrears look back on. Re-running a month is idempotent.
 */
@Service
public class CrossChecks {

	private static final Logger log = LoggerFactory.getLogger(CrossChecks.class);

	/** The codes the checks own (the rules raise the others; OVERPAID comes from the payroll). */
	public static final Set<FindingCode> CODES = Collections.unmodifiableSet(EnumSet.of(DECEASED, DEATH_PROBABLE,
			NAME_MISMATCH, EXCLUSIVE_PROGRAMS, ASSETS_DISQUALIFY, SHARED_ACCOUNT, MARRIAGE_CHANGE, POVERTY_NOT_COVERED,
			SEVERE_DISABILITY_NOT_COVERED));

	private final List<Check<?>> checks;
	private final JdbcTemplate jdbc;
	private final RosterLoader loader;
	private final MatchedRecords matched;
	private final FindingLedger ledger;
	private final RosterCopy copy;

	CrossChecks(List<Check<?>> checks, JdbcTemplate jdbc, RosterLoader loader, MatchedRecords matched,
			FindingLedger ledger, RosterCopy copy) {
		this.checks = checks.stream().sorted(Comparator.comparing(Check::code)).toList();
		this.jdbc = jdbc;
		this.loader = loader;
		this.matched = matched;
		this.ledger = ledger;
		this.copy = copy;
	}

	/** Runs every check for the county and month and records the outcome for run {@code runId}. */
	@Transactional
	public CheckResult check(String county, YearMonth month, long runId) {
		return check(county, month, runId, roster -> {
		});
	}

	/**
	 * {@link #check(String, YearMonth, long)}, giving {@code roster} the county's own roster rows the checks read
	 * (when they were read from an unchanging database: {@link CountyRoster}), for the same run's load.
	 */
	@Transactional
	public CheckResult check(String county, YearMonth month, long runId, Consumer<CountyRoster> roster) {
		copy.refresh(); // the checks' keyed lookups probe it (the first county of a month-end builds it)
		withoutJit(jdbc);
		CheckReader reader = new CheckReader(county, new java.util.TreeSet<>(Set.of(month)), jdbc, loader, matched);
		CheckMonth checked = new CheckMonth(county, month);
		List<RaisedFinding> raised = new ArrayList<>();
		for (Check<?> check : checks) {
			raised.addAll(check.run(reader, checked));
		}
		FindingLedger.Outcome outcome = ledger.reconcile(runId, county, month, CODES, raised);
		int people = (int) reader.roster().in(month).enrollments().stream()
			.filter(e -> e.county().equals(county))
			.map(ActiveRoster.Enrollment::idNumber)
			.distinct()
			.count();
		jdbc.update("""
				insert into check_run (run_id, county, month, checked_people, opened, resolved) values (?, ?, ?, ?, ?, ?)
				on conflict (run_id) do update set checked_people = excluded.checked_people, opened = excluded.opened,
				                                   resolved = excluded.resolved
				""", runId, county, month.toString(), people, outcome.opened(), outcome.resolved());
		Map<FindingCode, Integer> open = new EnumMap<>(FindingCode.class);
		jdbc.query("""
				select f.code, count(*) from finding f join run_finding rf on rf.finding_id = f.id
				where rf.run_id = ? and f.code = any(?) group by f.code
				""", rs -> {
			open.put(FindingCode.valueOf(rs.getString(1)), rs.getInt(2));
		}, runId, CODES.stream().map(FindingCode::name).toArray(String[]::new));
		CheckCounts counts = countsFor(runId).orElseThrow();
		log.info("{} {}: checks opened {}, resolved {}, open {}; {} checked, {} held, {} certified silently, {} leads",
				county, month, outcome.opened(), outcome.resolved(), open, counts.checked(), counts.held(),
				counts.certifiedSilently(), counts.leads());
		reader.countyRoster().ifPresent(roster);
		return new CheckResult(counts, outcome.opened(), outcome.resolved(), Map.copyOf(open));
	}

	/**
	 * No JIT compilation for the rest of the transaction. The checks' keyed lookups join an array of a
	 * county's tens of thousands of keys, which the planner costs above {@code jit_above_cost}: PostgreSQL then
	 * compiles the query's expressions with LLVM before running it, which took longer than the query
	 * (NAME_MISMATCH at 40,000 households: 2.7 s with JIT, 0.6 s without, EXPLAIN ANALYZE on a loaded machine).
	 * The queries read at most a county's rows: nothing in them runs long enough to repay a compilation.
	 */
	static void withoutJit(JdbcTemplate jdbc) {
		jdbc.execute("set local jit = off");
	}

	/**
	 * The mismatch report's counts for a run: checked people (from the check step), held people (named by
	 * an open HOLD finding linked to the run — the rules' too, once the run is computed), certified
	 * silently (the difference) and leads. Empty when the run had no check step.
	 */
	public Optional<CheckCounts> countsFor(long runId) {
		return jdbc.query("""
				select c.county, c.month, c.checked_people,
				       (select count(distinct f.id_number) from finding f join run_finding rf on rf.finding_id = f.id
				        where rf.run_id = c.run_id and f.effect = 'HOLD' and f.status in ('OPEN', 'CONFIRMED')),
				       (select count(*) from finding f join run_finding rf on rf.finding_id = f.id
				        where rf.run_id = c.run_id and f.effect = 'LEAD' and f.status in ('OPEN', 'CONFIRMED'))
				from check_run c where c.run_id = ?
				""", (rs, i) -> {
			int checked = rs.getInt(3);
			int held = rs.getInt(4);
			return new CheckCounts(runId, rs.getString(1).trim(), YearMonth.parse(rs.getString(2)), checked, held,
					Math.max(0, checked - held), rs.getInt(5));
		}, runId).stream().findFirst();
	}
}
