package cn.doudi.payroll.batch;

import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.doudi.allowance.RuleFinding;
import cn.doudi.kernel.FindingCode;
import cn.doudi.matching.CrossChecks;
import cn.doudi.matching.FindingLedger;
import cn.doudi.matching.RaisedFinding;

/**
 * Records the findings the rules raised in a run through the {@link FindingLedger} — the matching module
 * owns the findings (CHECKS.md "Findings persist across months": one per (code, person, county) while open,
 * a dismissal kept for the same evidence, RESOLVED when the rules no longer raise it for the county), linked
 * to the run. The check step links its own findings; the ledger links the county's other open findings
 * (OVERPAID) too. Idempotent per run.
 */
@Component
class RunFindingStore {

	static final Set<FindingCode> RULE_CODES = EnumSet.of(FindingCode.AGE_INELIGIBLE, FindingCode.DISABILITY_NOT_FOUND,
			FindingCode.DISABILITY_GRADE_INELIGIBLE, FindingCode.LIVING_SUBSIDY_NOT_POOR, FindingCode.PAYEE_DECEASED,
			FindingCode.INCOME_ABOVE_STANDARD);

	private final FindingLedger ledger;

	RunFindingStore(FindingLedger ledger) {
		this.ledger = ledger;
	}

	void replace(long runId, String county, YearMonth month, List<RuleFinding> findings) {
		Set<FindingCode> reconciled = EnumSet.copyOf(RULE_CODES);
		reconciled.addAll(CrossChecks.CODES);
		ledger.linkOthers(runId, county, reconciled);
		ledger.reconcile(runId, county, month, RULE_CODES, findings.stream().map(RunFindingStore::raised).toList());
	}

	/** Evidence of a rule finding: its household and programs (a dismissed INCOME_ABOVE_STANDARD stays dismissed while they stay). */
	private static RaisedFinding raised(RuleFinding f) {
		String programs = String.join(";", f.programs().stream().map(Enum::name).sorted().toList());
		return new RaisedFinding(f.code(), f.county(), f.idNumber(), f.name(), f.householdId(), f.programs(), null,
				f.detail(), "rule:" + (f.householdId() == null ? "" : f.householdId()) + '|' + programs);
	}
}
