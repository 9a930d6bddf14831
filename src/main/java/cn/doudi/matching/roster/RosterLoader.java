package cn.doudi.matching.roster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.stereotype.Component;

import cn.doudi.allowance.RosterRow;
import cn.doudi.kernel.Program;
import cn.doudi.matching.EnrollmentEnds;
import cn.doudi.matching.MatchedRecords;

/**
 * Loads whole households of the current roster, chosen by a sub-query that yields household IDs (unique
 * in the whole system), with the death months of their people (matched by ID and roster name) and their
 * rule ends (through {@link EnrollmentEnds}, the payroll's port). One query for the rows, one for the
 * deaths, one for the ends.
 *
 * <p>The household IDs are fetched first and joined as {@code unnest(?::text[])}: the planner hashes that
 * and reads each current snapshot once. Nesting the household query inside the roster query made it
 * rescan each snapshot per household; {@code household_id = any(?)} is fine while the server plans the
 * statement for its actual array (a constant array is hashed), but pgjdbc prepares a statement run five
 * times on one connection and the server may then keep a generic plan, where {@code = any($2)} is a
 * linear search per row: with ten 100k-row counties and the 34k households of one county that plan ran
 * over 300 s (cancelled); the {@code unnest} join took 2.5 s generic or custom, 30 ms on the demo. It
 * still read every county's snapshot once per call, so the households' rows are now looked up by key
 * ({@link CurrentRoster}: one index probe per household in the copy of the current rows, {@link RosterCopy},
 * brought up to date first). The household queries of the callers follow the
 * rules in {@code cn.doudi.matching.checks.CheckReader}.
 */
@Component
public class RosterLoader {

	private final JdbcTemplate jdbc;
	private final MatchedRecords matched;
	private final EnrollmentEnds ends;
	private final RosterCopy copy;

	RosterLoader(JdbcTemplate jdbc, MatchedRecords matched, EnrollmentEnds ends, RosterCopy copy) {
		this.jdbc = jdbc;
		this.matched = matched;
		this.ends = ends;
		this.copy = copy;
	}

	/**
	 * The rows of the households a query yields, their people's death records and their rule ends: one statement
	 * for the households and their rows (the household IDs never travel to Java and back: 49,000 of them for a
	 * 40,000-household county, two round trips and an array of 22,000 keys to bind), one for the deaths, one
	 * for the ends. The households are the distinct IDs of the rows found: every household the query yields has
	 * a current row (the query reads current rows), and the rows are those of one snapshot of the database.
	 *
	 * @param householdsQuery a SQL query returning household IDs, e.g. {@code select household_id from
	 *        current_beneficiary where county = ?}; its {@code ?} parameters are {@code args}
	 */
	public RosterRecords load(String householdsQuery, Object... args) {
		copy.refresh();
		List<RosterRow> rows = rows("""
				with households as materialized (select distinct h.household_id from (%s) h(household_id))
				""".formatted(householdsQuery), "select household_id from households", new ArgumentPreparedStatementSetter(args));
		List<String> households = rows.stream().map(RosterRow::householdId).distinct().toList();
		return records(rows, households);
	}

	/**
	 * Every household in which a person of {@code county}'s current roster has a row, in any county: exactly
	 * {@code load("select b.household_id from " + CurrentRoster.rowsOf("id_number", "select distinct c.id_number
	 * from current_beneficiary c where c.county = ?"), county)}, the same rows in the same order, read with
	 * fewer probes. The county's own rows come from its snapshot (one read, as the load's), and the copy
	 * ({@link RosterCopy}) is probed only for the keys another county also lists (V590: {@code
	 * roster_shared_id}, {@code roster_shared_household}, built with the copy): an ID of the county listed
	 * elsewhere finds the other counties' households holding its people; a household of the county or found so,
	 * listed elsewhere too, finds its rows there. A row of another county with one of the county's IDs has a
	 * shared ID; a row of another county in one of the county's households has a shared household ID; so
	 * nothing is missed, and the own rows are not read twice ({@code s.county <> ?}). When the copy does not
	 * hold exactly today's rows ({@link CurrentRoster#EXACT}: an upload made current since its build, or a
	 * write to a bulk table), every ID and household is probed, as {@code load} does. At 40,000 households
	 * that was 39,436 probes by ID and 22,555 by household (about 250,000 buffer reads) for the larger county.
	 */
	public RosterRecords loadPeopleOf(String county) {
		copy.refresh();
		String shared = """
				with exact as materialized (select %1$s as yes),
				own as materialized (select c.* from current_beneficiary c where c.county = ?),
				ids as materialized (
				  select distinct o.id_number from own o
				  where not (select yes from exact) or o.id_number in (select id_number from %2$s)),
				elsewhere as materialized (
				  select distinct b.household_id from %3$s
				  where not (select yes from exact) or s.county <> ?),
				households as materialized (
				  select household_id from own
				  union
				  select household_id from elsewhere),
				probed as materialized (
				  select h.household_id from households h
				  where not (select yes from exact) or h.household_id in (select household_id from elsewhere)
				    or h.household_id in (select household_id from %4$s))
				""".formatted(CurrentRoster.EXACT, CurrentRoster.SHARED_IDS,
				CurrentRoster.rowsOf("id_number", "select id_number from ids"), CurrentRoster.SHARED_HOUSEHOLDS);
		String sql = shared + """
				select county, region_code, household_id, id_number, name, relation, program, category, household_income,
				       start_month, end_month, bank, account_number, account_name
				from (
				  select o.county::text as county, o.region_code, o.household_id, o.id_number, o.name, o.relation, o.program,
				         o.category, o.household_income, o.start_month, o.end_month, o.bank, o.account_number, o.account_name,
				         o.import_id, o.file_no, o.row_no
				  from own o where (select yes from exact)
				  union all
				  select s.county, b.region_code, b.household_id, b.id_number, b.name, b.relation, b.program, b.category,
				         b.household_income, b.start_month, b.end_month, b.bank, b.account_number, b.account_name,
				         b.import_id, b.file_no, b.row_no
				  from """ + CurrentRoster.rowsOf("household_id", "select household_id from probed") + """
				  where not (select yes from exact) or s.county <> ?
				) r
				order by county::char(6), program, household_id, id_number, import_id, file_no, row_no
				""";
		List<RosterRow> rows = jdbc.query(sql, RosterLoader::row, county, county, county);
		return records(rows, rows.stream().map(RosterRow::householdId).distinct().toList());
	}

	/** The distinct household IDs a query yields, in its order. */
	public List<String> households(String householdsQuery, Object... args) {
		return jdbc.queryForList(householdsQuery, String.class, args).stream().distinct().toList();
	}

	/**
	 * The households' rows, their people's death records and their rule ends: three queries. The households
	 * are fetched first by the caller, then their rows: nesting the household query inside the roster query
	 * made the planner rescan each snapshot per household (seconds per call instead of milliseconds).
	 */
	public RosterRecords loadHouseholds(List<String> households) {
		copy.refresh();
		List<RosterRow> rows = rows("", "select unnest(?::text[])",
				ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", households.toArray())));
		return records(rows, households);
	}

	private RosterRecords records(List<RosterRow> rows, List<String> households) {
		List<String> ids = rows.stream().map(RosterRow::idNumber).distinct().toList();
		return new RosterRecords(rows, households.isEmpty() ? Map.of() : ends.ofHouseholds(households),
				Set.copyOf(households), matched.deathRecordsOf(ids));
	}

	/**
	 * The current rows of the households {@code keysQuery} yields (any county), in the order the checks read
	 * them. The {@code order by} is about half of the statement's server CPU at 40,000 households (an external
	 * merge of the larger county's 48,952 rows); neither a quicksort in memory ({@code work_mem} 64 MB: 8 % more
	 * CPU) nor integer keys alone made it cheaper: it is the copying of the rows, not the comparisons.
	 */
	private List<RosterRow> rows(String with, String keysQuery, PreparedStatementSetter args) {
		String sql = with + """
				select s.county, b.region_code, b.household_id, b.id_number, b.name, b.relation, b.program, b.category,
				       b.household_income, b.start_month, b.end_month, b.bank, b.account_number, b.account_name
				from """ + CurrentRoster.rowsOf("household_id", keysQuery) + """
				order by s.county::char(6), b.program, b.household_id, b.id_number, b.import_id, b.file_no, b.row_no
				""";
		return jdbc.query(sql, args, RosterLoader::row);
	}

	private static RosterRow row(ResultSet rs, int i) throws SQLException {
		return new RosterRow(rs.getString(1).trim(), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), Program.valueOf(rs.getString(7)), nonNull(rs.getString(8)), rs.getBigDecimal(9),
				YearMonth.parse(rs.getString(10)), rs.getString(11) == null ? null : YearMonth.parse(rs.getString(11)),
				nonNull(rs.getString(12)), nonNull(rs.getString(13)), nonNull(rs.getString(14)));
	}

	private static String nonNull(String s) {
		return s == null ? "" : s;
	}
}
