package cn.doudi.payroll.batch;

import java.time.YearMonth;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.doudi.allowance.RuleFinding;
import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Program;

/**
 * Records the findings the rules raised in a run: one finding per (code, person, county) while it is
 * open (CHECKS.md "Findings persist across months"), linked to the run that saw it. Idempotent per run.
 */
@Component
class RunFindingStore {

	private final JdbcTemplate jdbc;

	RunFindingStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void replace(long runId, String county, YearMonth month, List<RuleFinding> findings) {
		jdbc.update("delete from run_finding where run_id = ?", runId);
		// the cross-agency findings that are open in the county hold (or inform) in this run too
		jdbc.update("""
				insert into run_finding (run_id, finding_id)
				select ?, id from finding
				where county = ? and status in ('OPEN', 'CONFIRMED')
				  and code not in ('AGE_INELIGIBLE', 'DISABILITY_NOT_FOUND', 'DISABILITY_GRADE_INELIGIBLE',
				                   'LIVING_SUBSIDY_NOT_POOR', 'PAYEE_DECEASED', 'INCOME_ABOVE_STANDARD')
				""", runId, county);
		for (RuleFinding f : findings) {
			FindingCode code = FindingCode.valueOf(f.code());
			String programs = String.join(";", f.programs().stream().map(Program::name).sorted().toList());
			Long id = jdbc.queryForObject("""
					insert into finding (code, effect, county, id_number, name, household_id, programs, detail, evidence,
					                     status, first_month, last_month, first_run_id)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)
					on conflict (code, id_number, county) where status in ('OPEN', 'CONFIRMED')
					do update set name = excluded.name, household_id = excluded.household_id,
					              programs = excluded.programs, detail = excluded.detail,
					              last_month = greatest(finding.last_month, excluded.last_month)
					returning id
					""", Long.class, code.name(), code.effect().name(), f.county(), f.idNumber(), f.name(),
					f.householdId() == null ? "" : f.householdId(), programs, f.detail(), "", month.toString(),
					month.toString(), runId);
			jdbc.update("insert into run_finding (run_id, finding_id) values (?, ?) on conflict do nothing", runId, id);
		}
	}
}
