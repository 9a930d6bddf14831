package cn.doudi.matching;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.doudi.kernel.FindingCode;

/**
 * Keeps the findings of some codes of one county in step with what a run raised (CHECKS.md, first
 * paragraphs), and links the live ones to the run (its findings.csv):
 * <ul>
 * <li>a raised finding whose (code, person, county) is open (OPEN or CONFIRMED) updates it — it is never
 * raised twice;</li>
 * <li>else, when a DISMISSED finding of that key has the same evidence, it stays dismissed;</li>
 * <li>else a new OPEN finding;</li>
 * <li>an open finding not raised again is closed: RESOLVED in M.</li>
 * </ul>
 * Idempotent per run and month: a re-run of M first undoes what a run of M closed (a finding RESOLVED
 * in M is open again, CONFIRMED when a monitor had confirmed it) and drops the run's links, so a draft
 * re-run ends in the same state as a single run.
 */
@Service
public class FindingLedger {

	/** What a reconciliation did. {@code live}: the open findings now linked to the run. */
	public record Outcome(int opened, int resolved, List<Long> live) {
	}

	private final JdbcTemplate jdbc;

	FindingLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public Outcome reconcile(long runId, String county, YearMonth month, Set<FindingCode> codes,
			List<RaisedFinding> raised) {
		String m = month.toString();
		String[] codeNames = codes.stream().map(FindingCode::name).sorted().toArray(String[]::new);
		jdbc.update("""
				delete from run_finding rf using finding f
				where rf.run_id = ? and f.id = rf.finding_id and f.county = ? and f.code = any(?)
				""", runId, county, codeNames);
		reopenClosedIn(county, m, codeNames);
		Map<String, Long> live = new HashMap<>();
		Set<String> dismissed = new HashSet<>();
		readDecided(county, codeNames, live, dismissed);
		List<Long> linked = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		int opened = 0;
		for (RaisedFinding f : merged(county, codes, raised).values()) {
			Long id = live.remove(f.key());
			if (id != null) {
				updates.add(new Object[] { f.name(), f.householdId(), f.programsText(), f.accountNumber(), f.detail(),
						f.evidence(), m, id });
				linked.add(id);
			}
			else if (!dismissed.contains(dismissedKey(f))) {
				linked.add(insert(f, m, runId));
				opened++;
			}
		}
		jdbc.batchUpdate("""
				update finding set name = ?, household_id = ?, programs = ?, account_number = ?, detail = ?, evidence = ?,
				                   last_month = greatest(last_month, ?)
				where id = ?
				""", updates);
		jdbc.update("update finding set status = 'RESOLVED', closed_month = ? where id = any(?)", m,
				live.values().toArray(Long[]::new));
		jdbc.batchUpdate("insert into run_finding (run_id, finding_id) values (?, ?) on conflict do nothing",
				linked.stream().map(id -> new Object[] { runId, id }).toList());
		return new Outcome(opened, live.size(), List.copyOf(linked));
	}

	/**
	 * The monitors' decisions as they bear on raised findings of the county: a raised finding holds (is
	 * open) unless no finding of its key is open and a monitor dismissed one with the same evidence
	 * (CHECKS.md: "a finding that a monitor dismissed stays dismissed for the same evidence").
	 */
	public record Decided(Set<String> openKeys, Set<String> dismissed) {

		/** Whether the raised finding is open (or would be, were the month run now). */
		public boolean open(RaisedFinding f) {
			return openKeys.contains(f.key()) || !dismissed.contains(dismissedKey(f));
		}
	}

	/** Today's decisions on the county's findings of these codes. */
	public Decided decided(String county, Set<FindingCode> codes) {
		Map<String, Long> live = new HashMap<>();
		Set<String> dismissed = new HashSet<>();
		readDecided(county, codes.stream().map(FindingCode::name).sorted().toArray(String[]::new), live, dismissed);
		return new Decided(Set.copyOf(live.keySet()), Set.copyOf(dismissed));
	}

	private void readDecided(String county, String[] codeNames, Map<String, Long> live, Set<String> dismissed) {
		jdbc.query("""
				select id, code, id_number, status, evidence from finding
				where county = ? and code = any(?) and status in ('OPEN', 'CONFIRMED', 'DISMISSED')
				""", rs -> {
			String key = rs.getString(2) + '|' + rs.getString(3) + '|' + county;
			if ("DISMISSED".equals(rs.getString(4))) {
				dismissed.add(key + '|' + rs.getString(5));
			}
			else {
				live.put(key, rs.getLong(1));
			}
		}, county, codeNames);
	}

	private static String dismissedKey(RaisedFinding f) {
		return f.key() + '|' + f.evidence();
	}

	private void reopenClosedIn(String county, String month, String[] codeNames) {
		jdbc.update("""
				update finding f
				set status = case when exists (select 1 from finding_decision d where d.finding_id = f.id and d.decision = 'CONFIRM')
				                  then 'CONFIRMED' else 'OPEN' end,
				    closed_month = null
				where f.county = ? and f.code = any(?) and f.status = 'RESOLVED' and f.closed_month = ?
				  and f.id = (select max(g.id) from finding g where g.code = f.code and g.id_number = f.id_number
				                and g.county = f.county and g.status = 'RESOLVED' and g.closed_month = f.closed_month)
				  and not exists (select 1 from finding g where g.code = f.code and g.id_number = f.id_number
				                    and g.county = f.county and g.status in ('OPEN', 'CONFIRMED'))
				""", county, codeNames, month);
	}

	private long insert(RaisedFinding f, String month, long runId) {
		return jdbc.queryForObject("""
				insert into finding (code, effect, county, id_number, name, household_id, programs, account_number, detail,
				                     evidence, status, first_month, last_month, first_run_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)
				returning id
				""", Long.class, f.code().name(), f.code().effect().name(), f.county(), f.idNumber(), f.name(),
				f.householdId(), f.programsText(), f.accountNumber(), f.detail(), f.evidence(), month, month, runId);
	}

	/** One raising per key (merged), only of this county and these codes, in key order. */
	static Map<String, RaisedFinding> merged(String county, Set<FindingCode> codes, List<RaisedFinding> raised) {
		Map<String, RaisedFinding> byKey = new LinkedHashMap<>();
		raised.stream()
			.filter(f -> county.equals(f.county()) && codes.contains(f.code()))
			.sorted(java.util.Comparator.comparing(RaisedFinding::key))
			.forEach(f -> byKey.merge(f.key(), f, RaisedFinding::merge));
		return byKey;
	}
}
