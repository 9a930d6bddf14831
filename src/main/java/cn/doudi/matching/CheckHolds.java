package cn.doudi.matching;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.doudi.allowance.CheckHold;
import cn.doudi.allowance.HoldConditions;
import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Program;
import cn.doudi.matching.checks.Check;
import cn.doudi.matching.checks.CheckMonth;
import cn.doudi.matching.checks.CheckReader;
import cn.doudi.matching.roster.RosterLoader;

/**
 * The checks' HOLD conditions of a county month by month, as the rules take them ({@link HoldConditions}):
 * for each month, the HOLD checks (NAME_MISMATCH, DEATH_PROBABLE, EXCLUSIVE_PROGRAMS, ASSETS_DISQUALIFY,
 * SHARED_ACCOUNT) decide over today's records for that month, one finding per key as the ledger merges
 * them, less those a monitor dismissed for the same evidence ({@link FindingLedger.Decided}). For run M this
 * is exactly the open HOLD findings its check step left; for an earlier month m it is RULES.md "Arrears":
 * the HOLD conditions of CHECKS.md evaluated for m with today's records — a finding that closed because the
 * enrollment ended releases nothing. The rules raise their own holds (AGE_INELIGIBLE, DISABILITY_*,
 * LIVING_SUBSIDY_NOT_POOR, PAYEE_DECEASED).
 */
@Service
public class CheckHolds {

	/** The HOLD codes the checks raise. */
	public static final Set<FindingCode> CODES = java.util.Collections.unmodifiableSet(EnumSet.of(
			FindingCode.NAME_MISMATCH, FindingCode.DEATH_PROBABLE, FindingCode.EXCLUSIVE_PROGRAMS,
			FindingCode.ASSETS_DISQUALIFY, FindingCode.SHARED_ACCOUNT));

	private final List<Check<?>> checks;
	private final JdbcTemplate jdbc;
	private final RosterLoader loader;
	private final MatchedRecords matched;
	private final FindingLedger ledger;

	CheckHolds(List<Check<?>> checks, JdbcTemplate jdbc, RosterLoader loader, MatchedRecords matched,
			FindingLedger ledger) {
		this.checks = checks.stream().filter(c -> CODES.contains(c.code())).toList();
		this.jdbc = jdbc;
		this.loader = loader;
		this.matched = matched;
		this.ledger = ledger;
	}

	/**
	 * The county's HOLD conditions for each of the months, for run {@code runId} of {@code month}: for M
	 * itself, the open HOLD findings its check step ({@link CrossChecks#check}) linked to the run — exactly
	 * what evaluating the checks again would give (the same records, the same merge, the same decisions),
	 * read back instead of decided twice — and for the other months (the arrears window) the checks
	 * evaluated for those months. A run without a check step (no {@code check_run} row) has M evaluated too.
	 */
	public HoldConditions forRun(long runId, String county, YearMonth month, Collection<YearMonth> months) {
		if (!months.contains(month) || !checked(runId)) {
			return forMonths(county, months);
		}
		List<YearMonth> others = months.stream().filter(m -> !m.equals(month)).toList();
		Map<YearMonth, List<CheckHold>> holds = new TreeMap<>(forMonths(county, others).byMonth());
		holds.put(month, linkedHolds(runId, county));
		return new HoldConditions(holds);
	}

	private boolean checked(long runId) {
		return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from check_run where run_id = ?)",
				Boolean.class, runId));
	}

	/** The open HOLD findings of the checks linked to the run, as holds, in the ledger's key order. */
	private List<CheckHold> linkedHolds(long runId, String county) {
		List<RaisedFinding> linked = jdbc.query("""
				select f.code, f.id_number, f.household_id, f.programs, f.account_number
				from finding f join run_finding rf on rf.finding_id = f.id
				where rf.run_id = ? and f.county = ? and f.code = any(?) and f.status in ('OPEN', 'CONFIRMED')
				""", (rs, i) -> new RaisedFinding(FindingCode.valueOf(rs.getString(1)), county, rs.getString(2), "",
				rs.getString(3), programs(rs.getString(4)), rs.getString(5), "", ""), runId, county,
				CODES.stream().map(FindingCode::name).sorted().toArray(String[]::new));
		return linked.stream().sorted(java.util.Comparator.comparing(RaisedFinding::key)).map(CheckHolds::hold).toList();
	}

	private static Set<Program> programs(String text) {
		Set<Program> programs = EnumSet.noneOf(Program.class);
		for (String p : text == null ? new String[0] : text.split(";")) {
			if (!p.isBlank()) {
				programs.add(Program.valueOf(p));
			}
		}
		return programs;
	}

	/** The county's HOLD conditions for each of the months. */
	public HoldConditions forMonths(String county, Collection<YearMonth> months) {
		if (months.isEmpty()) {
			return HoldConditions.NONE;
		}
		CheckReader reader = new CheckReader(county, new TreeSet<>(months), jdbc, loader, matched);
		Map<YearMonth, List<RaisedFinding>> raised = new TreeMap<>();
		for (Check<?> check : checks) {
			decideEach(check, reader, raised);
		}
		FindingLedger.Decided decided = ledger.decided(county, CODES);
		Map<YearMonth, List<CheckHold>> holds = new TreeMap<>();
		for (YearMonth m : reader.months()) {
			List<CheckHold> month = new ArrayList<>();
			for (RaisedFinding f : FindingLedger.merged(county, CODES, raised.getOrDefault(m, List.of())).values()) {
				if (decided.open(f)) {
					month.add(hold(f));
				}
			}
			holds.put(m, month);
		}
		return new HoldConditions(holds);
	}

	private static <R> void decideEach(Check<R> check, CheckReader reader, Map<YearMonth, List<RaisedFinding>> raised) {
		R records = check.read(reader);
		for (YearMonth m : reader.months()) {
			raised.computeIfAbsent(m, k -> new ArrayList<>())
				.addAll(check.decide(records, new CheckMonth(reader.county(), m)));
		}
	}

	/** How a HOLD finding touches lines (CHECKS.md, last paragraph of the catalogue; {@link CheckHold}). */
	static CheckHold hold(RaisedFinding f) {
		Set<Program> programs = f.programs();
		return switch (f.code()) {
			case NAME_MISMATCH, DEATH_PROBABLE -> new CheckHold(f.code(), f.idNumber(), Set.of(), true, null, null);
			case SHARED_ACCOUNT -> new CheckHold(f.code(), f.idNumber(), Set.of(), false, f.accountNumber(), null);
			case EXCLUSIVE_PROGRAMS -> new CheckHold(f.code(), f.idNumber(), programs, false, null,
					f.householdId().isBlank() ? null : f.householdId());
			default -> new CheckHold(f.code(), f.idNumber(), programs, false, null, null);
		};
	}
}
