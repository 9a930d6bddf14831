package cn.doudi.payroll.batch;

import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.doudi.allowance.RuleFinding;
import cn.doudi.kernel.FindingCode;
import cn.doudi.matching.CrossChecks;
import cn.doudi.matching.FindingLedger;
import cn.doudi.matching.RaisedFinding;

/**
 * Records the findings the rules raised in a run through the {@link FindingLedger} (CHECKS.md "Findings
 * persist across months": one per (code, person, county) while open, a dismissal kept for the same
 * evidence, RESOLVED when the rules no longer raise it for the county), linked to the run. The check
 * step links its own findings; the other open findings of the county (OVERPAID) are linked here.
 * Idempotent per run.
 */
@Component
class RunFindingStore {

	static final Set<FindingCode> RULE_CODES = EnumSet.of(FindingCode.AGE_INELIGIBLE, FindingCode.DISABILITY_NOT_FOUND,
			FindingCode.DISABILITY_GRADE_INELIGIBLE, FindingCode.LIVING_SUBSIDY_NOT_POOR, FindingCode.PAYEE_DECEASED,
			FindingCode.INCOME_ABOVE_STANDARD);

	private final JdbcTemplate jdbc;
	private final FindingLedger ledger;

	RunFindingStore(JdbcTemplate jdbc, FindingLedger ledger) {
		this.jdbc = jdbc;
		this.ledger = ledger;
	}

	void replace(long runId, String county, YearMonth month, List<RuleFinding> findings) {
		String[] ruleCodes = RULE_CODES.stream().map(Enum::name).toArray(String[]::new);
		String[] checkCodes = CrossChecks.CODES.stream().map(Enum::name).toArray(String[]::new);
		// the open findings of the county that neither the rules nor the checks own (OVERPAID …) are listed too
		jdbc.update("""
				delete from run_finding rf using finding f
				where rf.run_id = ? and f.id = rf.finding_id and f.code <> all(?) and f.code <> all(?)
				""", runId, ruleCodes, checkCodes);
		jdbc.update("""
				insert into run_finding (run_id, finding_id)
				select ?, id from finding
				where county = ? and status in ('OPEN', 'CONFIRMED') and code <> all(?) and code <> all(?)
				on conflict do nothing
				""", runId, county, ruleCodes, checkCodes);
		ledger.reconcile(runId, county, month, RULE_CODES, findings.stream().map(RunFindingStore::raised).toList());
	}

	/** Evidence of a rule finding: its household and programs (a dismissed INCOME_ABOVE_STANDARD stays dismissed while they stay). */
	private static RaisedFinding raised(RuleFinding f) {
		String programs = String.join(";", f.programs().stream().map(Enum::name).sorted().toList());
		return new RaisedFinding(f.code(), f.county(), f.idNumber(), f.name(), f.householdId(),
				f.programs(), null, f.detail(), "rule:" + (f.householdId() == null ? "" : f.householdId()) + '|' + programs);
	}
}
