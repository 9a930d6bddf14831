package cn.doudi.payroll.batch;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.doudi.allowance.EnrollmentEnded;
import cn.doudi.kernel.PaymentKey;
import cn.doudi.kernel.Program;
import cn.doudi.matching.EnrollmentEnds;

/**
 * The {@code enrollment_end} table: the enrollments a run ended by rule (GRADUAL_EXIT_END, AGED_OUT), each
 * row the run's own (a draft re-run writes its own rows; the replaced draft's never count). Only approved
 * runs' ends count — for the rules ({@link cn.doudi.allowance.RunHistory#ruleEnds}) and, through the
 * {@link EnrollmentEnds} port, for the checks.
 */
@Component
class EnrollmentEndStore implements EnrollmentEnds {

	private final JdbcTemplate jdbc;

	EnrollmentEndStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces the run's ends (idempotent: a restarted step writes them once). */
	void replace(long runId, List<EnrollmentEnded> ends) {
		jdbc.update("delete from enrollment_end where run_id = ?", runId);
		List<Object[]> rows = new ArrayList<>();
		for (EnrollmentEnded e : ends) {
			rows.add(new Object[] { e.county(), e.program().name(), e.householdId(),
					e.idNumber() == null ? "" : e.idNumber(), e.endedMonth().toString(), e.reason().name(), runId });
		}
		jdbc.batchUpdate("""
				insert into enrollment_end (county, program, household_id, id_number, ended_month, reason, run_id)
				values (?, ?, ?, ?, ?, ?, ?)
				""", rows);
	}

	/** Every enrollment of the county ended by rule in an approved run, with the months it ended. */
	Map<PaymentKey, SortedSet<YearMonth>> ofCounty(String county) {
		return ofHouseholds(county, null).getOrDefault(county, Map.of());
	}

	@Override
	public Map<String, Map<PaymentKey, SortedSet<YearMonth>>> ofHouseholds(Collection<String> householdIds) {
		return ofHouseholds(null, householdIds);
	}

	private Map<String, Map<PaymentKey, SortedSet<YearMonth>>> ofHouseholds(String county,
			Collection<String> householdIds) {
		Map<String, Map<PaymentKey, SortedSet<YearMonth>>> result = new TreeMap<>();
		String sql = """
				select e.county, e.program, e.household_id, e.id_number, e.ended_month
				from enrollment_end e join payroll_run r on r.id = e.run_id %s
				where r.status = 'APPROVED' %s
				""".formatted(householdIds == null ? "" : "join unnest(?::text[]) h(household_id) on h.household_id = e.household_id",
				county == null ? "" : "and e.county = ?");
		jdbc.query(sql, ps -> {
			ps.setObject(1, householdIds == null ? county
					: ps.getConnection().createArrayOf("text", householdIds.toArray()));
		}, rs -> {
			Program program = Program.valueOf(rs.getString(2));
			result.computeIfAbsent(rs.getString(1).trim(), k -> new TreeMap<>())
				.computeIfAbsent(PaymentKey.of(program, rs.getString(3), rs.getString(4)), k -> new TreeSet<>())
				.add(YearMonth.parse(rs.getString(5)));
		});
		return result;
	}
}
