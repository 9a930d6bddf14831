package cn.doudi.matching;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
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
				set status = case when f.confirmed then 'CONFIRMED' else 'OPEN' end,
				    closed_month = null
				where f.county = ? and f.code = any(?) and f.status = 'RESOLVED' and f.closed_month = ?
				  and f.id = (select max(g.id) from finding g where g.code = f.code and g.id_number = f.id_number
				                and g.county = f.county and g.status = 'RESOLVED' and g.closed_month = f.closed_month)
				  and not exists (select 1 from finding g where g.code = f.code and g.id_number = f.id_number
				                    and g.county = f.county and g.status in ('OPEN', 'CONFIRMED'))
				""", county, codeNames, month);
	}

	/**
	 * The open finding of the raised one's key, updated (name, household, programs, detail, last month), or a
	 * new OPEN one; returns its id. For findings another module raises outside the checks and the rules
	 * (OVERPAID: the payroll's overpayment records).
	 */
	@Transactional
	public long openOrUpdate(RaisedFinding f, YearMonth month, long runId) {
		return jdbc.queryForObject("""
				insert into finding (code, effect, county, id_number, name, household_id, programs, account_number, detail,
				                     evidence, status, first_month, last_month, first_run_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)
				on conflict (code, id_number, county) where status in ('OPEN', 'CONFIRMED')
				do update set name = excluded.name, programs = excluded.programs, detail = excluded.detail,
				              last_month = greatest(finding.last_month, excluded.last_month)
				returning id
				""", Long.class, f.code().name(), f.code().effect().name(), f.county(), f.idNumber(), f.name(),
				f.householdId(), f.programsText(), f.accountNumber(), f.detail(), f.evidence(), month.toString(),
				month.toString(), runId);
	}

	/** Closes the county's open findings of the code that are not among {@code keep}: RESOLVED in M. */
	@Transactional
	public void resolveOthers(String county, FindingCode code, Collection<Long> keep, YearMonth month) {
		jdbc.update("""
				update finding set status = 'RESOLVED', closed_month = ?
				where county = ? and code = ? and status in ('OPEN', 'CONFIRMED') and not (id = any(?))
				""", month.toString(), county, code.name(), keep.toArray(Long[]::new));
	}

	/**
	 * Links to the run (its findings.csv) every open finding of the county whose code is none of
	 * {@code reconciled} — those the run's own reconciliations did not link (OVERPAID). Idempotent per run.
	 */
	@Transactional
	public void linkOthers(long runId, String county, Set<FindingCode> reconciled) {
		String[] codes = reconciled.stream().map(FindingCode::name).sorted().toArray(String[]::new);
		jdbc.update("""
				delete from run_finding rf using finding f
				where rf.run_id = ? and f.id = rf.finding_id and f.code <> all(?)
				""", runId, codes);
		jdbc.update("""
				insert into run_finding (run_id, finding_id)
				select ?, id from finding
				where county = ? and status in ('OPEN', 'CONFIRMED') and code <> all(?)
				on conflict do nothing
				""", runId, county, codes);
	}

	private static final String RECORD_COLUMNS = """
			select id, code, effect, status, county, id_number, name, household_id, programs, account_number, detail,
			       first_month, last_month, closed_month from finding
			""";

	/** One finding as stored. */
	public java.util.Optional<FindingRecord> find(long id) {
		return jdbc.query(RECORD_COLUMNS + " where id = ?", FindingLedger::record, id).stream().findFirst();
	}

	/** Findings of a county (null: every county), a code (null: any), statuses (null: any), in findings.csv order. */
	public List<FindingRecord> list(String county, String code, List<String> statuses) {
		StringBuilder sql = new StringBuilder(RECORD_COLUMNS).append(" where true");
		List<Object> args = new ArrayList<>();
		if (county != null) {
			sql.append(" and county = ?");
			args.add(county);
		}
		if (code != null) {
			sql.append(" and code = ?");
			args.add(code);
		}
		if (statuses != null) {
			sql.append(" and status = any(?)");
			args.add(statuses.toArray(String[]::new));
		}
		sql.append(" order by county collate \"C\", code collate \"C\", id_number collate \"C\", id");
		return jdbc.query(sql.toString(), FindingLedger::record, args.toArray());
	}

	/** The open findings linked to these runs (their findings.csv), in findings.csv order. */
	public List<FindingRecord> openLinkedTo(Long[] runIds) {
		return jdbc.query("""
				select f.id, f.code, f.effect, f.status, f.county, f.id_number, f.name, f.household_id, f.programs,
				       f.account_number, f.detail, f.first_month, f.last_month, f.closed_month
				from finding f join run_finding rf on rf.finding_id = f.id
				where rf.run_id = any(?) and f.status in ('OPEN', 'CONFIRMED')
				order by f.county collate "C", f.code collate "C", f.id_number collate "C", f.id
				""", FindingLedger::record, (Object) runIds);
	}

	private static FindingRecord record(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new FindingRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5).trim(),
				rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
				rs.getString(10) == null ? "" : rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
				rs.getString(14) == null ? "" : rs.getString(14));
	}

	/** A monitor's decision on a finding (CHECKS.md "Review"), as its status. */
	public enum Decision {
		/** Stops holding; stays dismissed for the same evidence. */
		DISMISS,
		/** Stays open with its effect, and is CONFIRMED again if it reopens. */
		CONFIRM,
		/** OVERPAID: the recovery is recorded. */
		RECOVER
	}

	/** Records a monitor's decision in the finding's status (who, when and why are the review's). */
	@Transactional
	public void decide(long findingId, Decision decision) {
		switch (decision) {
			case DISMISS -> jdbc.update("update finding set status = 'DISMISSED', closed_month = last_month where id = ?",
					findingId);
			case RECOVER -> jdbc.update("update finding set status = 'RECOVERED', closed_month = last_month where id = ?",
					findingId);
			case CONFIRM -> jdbc.update("update finding set status = 'CONFIRMED', confirmed = true where id = ?", findingId);
		}
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
