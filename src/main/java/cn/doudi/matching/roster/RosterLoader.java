package cn.doudi.matching.roster;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.doudi.kernel.Program;
import cn.doudi.matching.MatchedRecords;
import cn.doudi.matching.MatchedRecords.PersonRef;

/**
 * Loads whole households of the current roster, chosen by a sub-query that yields household IDs (unique
 * in the whole system), with each row's rule end (approved runs only, before M) and the death months of
 * their people (matched by ID and roster name). One query for the rows, one for the deaths.
 *
 * <p>The household IDs are fetched first and joined as {@code unnest(?::text[])}: the planner hashes that
 * and reads each current snapshot once. Nesting the household query inside the roster query made it
 * rescan each snapshot per household; {@code household_id = any(?)} is fine while the server plans the
 * statement for its actual array (a constant array is hashed), but pgjdbc prepares a statement run five
 * times on one connection and the server may then keep a generic plan, where {@code = any($2)} is a
 * linear search per row: with ten 100k-row counties and the 34k households of one county that plan ran
 * over 300 s (cancelled); the {@code unnest} join takes 2.5 s generic or custom, 30 ms on the demo. The
 * household queries of the callers follow the rules in {@code cn.doudi.matching.checks.CheckContext}.
 */
@Component
public class RosterLoader {

	private final JdbcTemplate jdbc;
	private final MatchedRecords matched;

	RosterLoader(JdbcTemplate jdbc, MatchedRecords matched) {
		this.jdbc = jdbc;
		this.matched = matched;
	}

	/**
	 * @param householdsQuery a SQL query returning household IDs, e.g. {@code select household_id from
	 *        current_beneficiary where county = ?}
	 */
	public ActiveRoster load(YearMonth month, String householdsQuery, Object... args) {
		// the households first, then their rows: nesting the household query inside the roster query made
		// the planner rescan each snapshot per household (seconds per call instead of milliseconds)
		String[] households = jdbc.queryForList(householdsQuery, String.class, args).stream().distinct().toArray(String[]::new);
		List<Row> rows = jdbc.query("""
				select b.county, b.region_code, b.household_id, b.id_number, b.name, b.relation, b.program, b.category,
				       b.start_month, b.end_month, coalesce(b.account_number, ''),
				       (select max(e.ended_month) from enrollment_end e join payroll_run r on r.id = e.run_id
				        where r.status = 'APPROVED' and e.county = b.county and e.program = b.program
				          and e.household_id = b.household_id and e.ended_month < ?
				          and e.id_number = case when b.program in ('DIBAO_URBAN', 'DIBAO_RURAL') then '' else b.id_number end)
				from current_beneficiary b
				join unnest(?::text[]) h(household_id) on h.household_id = b.household_id
				order by b.county, b.program, b.household_id, b.id_number, b.import_id, b.file_no, b.row_no
				""", ps -> {
			ps.setString(1, month.toString());
			ps.setArray(2, ps.getConnection().createArrayOf("text", households));
		}, (rs, i) -> new Row(rs.getString(1).trim(), rs.getString(2),
				rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), Program.valueOf(rs.getString(7)),
				rs.getString(8) == null ? "" : rs.getString(8), YearMonth.parse(rs.getString(9)),
				rs.getString(10) == null ? null : YearMonth.parse(rs.getString(10)), rs.getString(11),
				rs.getString(12) == null ? null : YearMonth.parse(rs.getString(12))));
		Map<String, PersonRef> people = new LinkedHashMap<>();
		rows.forEach(r -> people.putIfAbsent(r.idNumber() + '|' + r.name(), new PersonRef(r.idNumber(), r.name())));
		return new ActiveRoster(month, rows, matched.deathMonthsOf(new ArrayList<>(people.values())));
	}
}
