package cn.doudi.matching;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Program;

/**
 * The hook between the cross-agency checks and the payroll: the open HOLD findings of a county (status
 * OPEN or CONFIRMED — a dismissed finding no longer holds) as the lines they touch (CHECKS.md, last
 * paragraph of the catalogue). The rules raise their own holds (AGE_INELIGIBLE, DISABILITY_*,
 * LIVING_SUBSIDY_NOT_POOR, PAYEE_DECEASED); these are the others.
 */
@Service
public class OpenHolds {

	/** An open HOLD finding as it touches lines; see {@code allowance.CheckHold} for the semantics. */
	public record Hold(FindingCode code, String idNumber, Set<Program> programs, boolean everyLineOfPerson,
			String accountNumber, String householdId) {
	}

	private static final Set<FindingCode> FROM_CHECKS = EnumSet.of(FindingCode.NAME_MISMATCH,
			FindingCode.DEATH_PROBABLE, FindingCode.EXCLUSIVE_PROGRAMS, FindingCode.ASSETS_DISQUALIFY,
			FindingCode.SHARED_ACCOUNT);

	private final JdbcTemplate jdbc;

	OpenHolds(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<Hold> forCounty(String county) {
		return jdbc.query("""
				select code, id_number, programs, household_id, account_number from finding
				where county = ? and effect = 'HOLD' and status in ('OPEN', 'CONFIRMED')
				order by code, id_number, id
				""", (rs, i) -> toHold(FindingCode.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
				rs.getString(4), rs.getString(5)), county)
			.stream()
			.filter(h -> h != null)
			.toList();
	}

	private static Hold toHold(FindingCode code, String id, String programs, String household, String account) {
		if (!FROM_CHECKS.contains(code)) {
			return null;
		}
		Set<Program> touched = EnumSet.noneOf(Program.class);
		for (String p : programs.split(";")) {
			if (!p.isBlank()) {
				touched.add(Program.valueOf(p));
			}
		}
		return switch (code) {
			case NAME_MISMATCH, DEATH_PROBABLE -> new Hold(code, id, Set.of(), true, null, null);
			case SHARED_ACCOUNT -> new Hold(code, id, Set.of(), false, account, null);
			case EXCLUSIVE_PROGRAMS -> new Hold(code, id, touched, false, null,
					household == null || household.isBlank() ? null : household);
			default -> new Hold(code, id, touched, false, null, null);
		};
	}
}
