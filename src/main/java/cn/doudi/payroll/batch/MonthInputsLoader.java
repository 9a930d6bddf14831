package cn.doudi.payroll.batch;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.doudi.allowance.Certificate;
import cn.doudi.allowance.CheckHold;
import cn.doudi.allowance.ComputedLine;
import cn.doudi.allowance.MonthRules;
import cn.doudi.allowance.OverpaymentRule;
import cn.doudi.allowance.Cpi;
import cn.doudi.allowance.DibaoPhase;
import cn.doudi.allowance.EconomicResult;
import cn.doudi.allowance.MonthInputs;
import cn.doudi.allowance.PreviousDibaoLine;
import cn.doudi.allowance.RosterRow;
import cn.doudi.allowance.Standards;
import cn.doudi.allowance.TempAssistCase;
import cn.doudi.kernel.Program;
import cn.doudi.matching.MatchedRecords;
import cn.doudi.matching.OpenHolds;

/**
 * Loads everything the rules need for one county and month from the current snapshots (the
 * {@code current_*} views) and the run history. Every query is set-based; nothing is loaded per row.
 *
 * <p>A set of keys is joined as a {@code (select distinct …)} subquery, never {@code in (select …)} with a
 * {@code current_beneficiary} on the outer side (why: {@code cn.doudi.matching.checks.CheckContext}).
 * {@code householdsSharingPeople} as {@code o.id_number in (…)} took 21 s on the demo database (a
 * nested loop re-reading the other county's snapshot per ID of this county) and timed out (&gt;120 s) with
 * ten 100k-row counties; as a join it is one hash join: 30 ms on the demo, 2.2 s with 1M current rows.
 */
@Component
class MonthInputsLoader {

	private final JdbcTemplate jdbc;
	private final MatchedRecords matched;
	private final OpenHolds openHolds;

	MonthInputsLoader(JdbcTemplate jdbc, MatchedRecords matched, OpenHolds openHolds) {
		this.jdbc = jdbc;
		this.matched = matched;
		this.openHolds = openHolds;
	}

	/**
	 * The county's inputs for the month. People also on another county's roster bring that county's lines
	 * for them (computed from that county's own inputs), so that the price subsidy's qualifying line is
	 * chosen the same whether the county runs alone or city-wide (RULES.md "Enrollment").
	 */
	MonthInputs load(String county, YearMonth month) {
		List<ComputedLine> other = new ArrayList<>();
		Map<String, List<String>> households = householdsSharingPeople(county);
		for (Map.Entry<String, List<String>> e : households.entrySet()) {
			MonthInputs theirs = load(e.getKey(), month, e.getValue()).withoutOtherCounties();
			other.addAll(new MonthRules().compute(theirs).lines());
		}
		return load(county, month, null).withOtherCountyLines(other);
	}

	private MonthInputs load(String county, YearMonth month, List<String> onlyHouseholds) {
		Map<String, List<Certificate>> certificates = new HashMap<>();
		matched.certificates(county).forEach((id, list) -> certificates.put(id, list.stream()
			.map(c -> new Certificate(c.idNumber(), c.certificateNo(), c.type(), c.grade()))
			.toList()));
		List<TempAssistCase> cases = tempAssist(county, month);
		return new MonthInputs(county, month, roster(county, onlyHouseholds), deathMonths(county, cases),
				certificates, economic(county), previousDibao(county, month.minusMonths(1)),
				endedEnrollments(county, month), cases, holds(county), standards(county), cpi(month));
	}

	/**
	 * Death months (RULES.md "Who is alive") of the county's roster persons and of the people its
	 * TEMP_ASSIST cases name: a case need not be for someone on the roster (INPUTS.md), and no case is paid
	 * for a person dead for its month — each matched by ID and the name its own record gives.
	 */
	private Map<String, YearMonth> deathMonths(String county, List<TempAssistCase> cases) {
		Map<String, YearMonth> deaths = new HashMap<>(matched.deathMonths(county));
		matched.deathMonthsOf(cases.stream().map(c -> new MatchedRecords.PersonRef(c.idNumber(), c.name())).toList())
			.forEach((id, m) -> deaths.merge(id, m, (a, b) -> a.isBefore(b) ? a : b));
		return deaths;
	}

	/** Open HOLD findings of the cross-agency checks (the hook the checks plug into). */
	private List<CheckHold> holds(String county) {
		return openHolds.forCounty(county)
			.stream()
			.map(h -> new CheckHold(h.code(), h.idNumber(), h.programs(), h.everyLineOfPerson(), h.accountNumber(),
					h.householdId()))
			.toList();
	}

	/** Other counties' households that hold someone on this county's roster, by county. */
	private Map<String, List<String>> householdsSharingPeople(String county) {
		Map<String, List<String>> result = new java.util.TreeMap<>();
		jdbc.query("""
				select distinct o.county, o.household_id
				from current_beneficiary o
				join (select distinct c.id_number from current_beneficiary c where c.county = ?) c
				  on c.id_number = o.id_number
				where o.county <> ?
				order by o.county, o.household_id
				""", rs -> {
			result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
		}, county, county);
		return result;
	}

	private List<RosterRow> roster(String county, List<String> onlyHouseholds) {
		String sql = """
				select county, region_code, household_id, id_number, name, relation, program, category,
				       household_income, start_month, end_month, bank, account_number, account_name
				from current_beneficiary where county = ? %s
				order by program, household_id, id_number, import_id, file_no, row_no
				""".formatted(onlyHouseholds == null ? "" : "and household_id = any(?)");
		if (onlyHouseholds == null) {
			return jdbc.query(sql, this::rosterRow, county);
		}
		return jdbc.query(sql, ps -> {
			ps.setString(1, county);
			ps.setArray(2, ps.getConnection().createArrayOf("text", onlyHouseholds.toArray()));
		}, this::rosterRow);
	}

	/** The current-month lines of the county's approved run for {@code previous} (stops compare against them). */
	List<StopRules.PreviousLine> previousLines(String county, YearMonth previous) {
		return jdbc.query("""
				select l.county, l.program, l.household_id, l.id_number, l.name, l.member_ids, l.payment_key
				from payment_line l join payroll_run r on r.id = l.run_id
				where r.county = ? and r.month = ? and r.status = 'APPROVED' and l.pay_month = r.month and not l.arrears
				order by l.payment_key collate "C"
				""", (rs, i) -> new StopRules.PreviousLine(rs.getString(1), Program.valueOf(rs.getString(2)),
				rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6) == null ? List.of() : List.of(rs.getString(6).split(";")), rs.getString(7)),
				county, previous.toString());
	}

	/** The last month with a paid PAY line (approved run, not failed at the bank), per payment key. */
	Map<String, YearMonth> lastPaidMonths(String county) {
		Map<String, YearMonth> result = new HashMap<>();
		jdbc.query("""
				select l.payment_key, max(l.pay_month)
				from payment_line l join payroll_run r on r.id = l.run_id
				where r.county = ? and r.status = 'APPROVED' and l.status = 'PAY' and l.bank_status is distinct from 'FAILED'
				group by l.payment_key
				""", rs -> {
			result.put(rs.getString(1), YearMonth.parse(rs.getString(2)));
		}, county);
		return result;
	}

	/** {@code paymentKey#YYYY-MM} of every paid PAY line of the county (approved run, not failed at the bank). */
	java.util.Set<String> paidKeys(String county) {
		java.util.Set<String> result = new java.util.HashSet<>();
		jdbc.query("""
				select l.payment_key || '#' || l.pay_month
				from payment_line l join payroll_run r on r.id = l.run_id
				where r.county = ? and r.status = 'APPROVED' and l.status = 'PAY' and l.bank_status is distinct from 'FAILED'
				""", rs -> {
			result.add(rs.getString(1));
		}, county);
		return result;
	}

	/** The county's first run month: its earliest run that was not revoked (RULES.md "Runs in order"). */
	YearMonth firstRunMonth(String county, YearMonth fallback) {
		String m = jdbc.queryForObject("select min(month) from payroll_run where county = ? and status not in ('REVOKED', 'REPLACED')",
				String.class, county);
		return m == null ? fallback : YearMonth.parse(m);
	}

	/**
	 * Paid PAY lines of the county on which someone with a death record (by ID) is the payee or a covered member.
	 * The line's people are unnested and hash-joined to the deaths: an {@code exists (… d.id_number = l.id_number
	 * or d.id_number = any(…))} can only be a nested loop over every paid line × every death (0.9 s for the
	 * demo's 16k lines and 187 deaths, against 41 ms for the join; paid lines accumulate month after month).
	 */
	List<OverpaymentRule.PaidLine> paidLinesTouchingDeaths(String county) {
		return jdbc.query("""
				select distinct l.id, l.county, l.program, l.household_id, l.id_number, l.name, l.pay_month, l.amount,
				       l.payment_key, l.member_ids
				from payment_line l join payroll_run r on r.id = l.run_id
				cross join lateral unnest(string_to_array(l.member_ids, ';') || l.id_number::text) p(id_number)
				join current_death d on d.id_valid and d.id_number = p.id_number
				where r.county = ? and r.status = 'APPROVED' and l.status = 'PAY' and l.bank_status is distinct from 'FAILED'
				order by l.id
				""", (rs, i) -> new OverpaymentRule.PaidLine(rs.getLong(1), rs.getString(2), Program.valueOf(rs.getString(3)),
				rs.getString(4), rs.getString(5), rs.getString(6), YearMonth.parse(rs.getString(7)), rs.getBigDecimal(8),
				rs.getString(9), rs.getString(10) == null ? List.of() : List.of(rs.getString(10).split(";"))), county);
	}

	/**
	 * Death months of the people on paid lines, each matched by ID and a name our roster ever gave them
	 * (the person may have been removed from the roster since).
	 */
	Map<String, YearMonth> deathMonthsOfPaid(List<OverpaymentRule.PaidLine> lines) {
		java.util.Set<String> ids = new java.util.TreeSet<>();
		lines.forEach(l -> {
			ids.add(l.idNumber());
			ids.addAll(l.memberIds());
		});
		if (ids.isEmpty()) {
			return Map.of();
		}
		List<MatchedRecords.PersonRef> people = jdbc.query(
				"select distinct id_number, name from beneficiary where id_number = any(?) order by 1, 2",
				ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", ids.toArray())),
				(rs, i) -> new MatchedRecords.PersonRef(rs.getString(1), rs.getString(2)));
		List<MatchedRecords.PersonRef> all = new ArrayList<>(people);
		lines.forEach(l -> all.add(new MatchedRecords.PersonRef(l.idNumber(), l.name())));
		return matched.deathMonthsOf(all);
	}

	/** Death months of the people a previous line named (members and payees), matched by ID and name. */
	Map<String, YearMonth> deathMonthsOf(List<StopRules.PreviousLine> lines, MonthInputs inputs) {
		Map<String, String> names = new HashMap<>();
		inputs.roster().forEach(r -> names.putIfAbsent(r.idNumber(), r.name()));
		List<MatchedRecords.PersonRef> people = new ArrayList<>();
		for (StopRules.PreviousLine l : lines) {
			people.add(new MatchedRecords.PersonRef(l.idNumber(), l.name()));
			for (String member : l.memberIds()) {
				if (names.containsKey(member)) {
					people.add(new MatchedRecords.PersonRef(member, names.get(member)));
				}
			}
		}
		Map<String, YearMonth> result = new HashMap<>(matched.deathMonthsOf(people));
		inputs.deathMonths().forEach((id, m) -> result.merge(id, m, (a, b) -> a.isBefore(b) ? a : b));
		return result;
	}

	private RosterRow rosterRow(ResultSet rs, int i) throws SQLException {
		String end = rs.getString("end_month");
		return new RosterRow(rs.getString("county"), rs.getString("region_code"), rs.getString("household_id"),
				rs.getString("id_number"), rs.getString("name"), rs.getString("relation"),
				Program.valueOf(rs.getString("program")), nullToEmpty(rs.getString("category")),
				rs.getBigDecimal("household_income"), YearMonth.parse(rs.getString("start_month")),
				end == null ? null : YearMonth.parse(end), nullToEmpty(rs.getString("bank")),
				nullToEmpty(rs.getString("account_number")), nullToEmpty(rs.getString("account_name")));
	}

	private Map<String, List<EconomicResult>> economic(String county) {
		Map<String, List<EconomicResult>> result = new HashMap<>();
		jdbc.query("""
				select household_id, check_month, household_income, vehicles, properties, business_registered, public_employee
				from current_economic
				where household_id in (select household_id from current_beneficiary where county = ?)
				order by household_id, check_month, id
				""", rs -> {
			EconomicResult e = new EconomicResult(rs.getString(1), YearMonth.parse(rs.getString(2)),
					rs.getBigDecimal(3), rs.getInt(4), rs.getInt(5), rs.getBoolean(6), rs.getBoolean(7));
			result.computeIfAbsent(e.householdId(), k -> new ArrayList<>()).add(e);
		}, county);
		return result;
	}

	/** The current-month DIBAO lines that the approved run of {@code previous} produced. */
	private Map<String, PreviousDibaoLine> previousDibao(String county, YearMonth previous) {
		Map<String, PreviousDibaoLine> result = new HashMap<>();
		jdbc.query("""
				select l.program, l.household_id, l.dibao_phase, l.amount, l.regular_amount, l.exit_month_no
				from payment_line l join payroll_run r on r.id = l.run_id
				where r.county = ? and r.month = ? and r.status = 'APPROVED'
				  and l.program in ('DIBAO_URBAN', 'DIBAO_RURAL') and l.pay_month = r.month and not l.arrears
				""", rs -> {
			PreviousDibaoLine p = new PreviousDibaoLine(rs.getString(2), Program.valueOf(rs.getString(1)),
					DibaoPhase.valueOf(rs.getString(3)), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getInt(6));
			result.put(p.program().name() + '|' + p.householdId(), p);
		}, county, previous.toString());
		return result;
	}

	private Map<String, YearMonth> endedEnrollments(String county, YearMonth month) {
		Map<String, YearMonth> result = new HashMap<>();
		jdbc.query("""
				select e.program, e.household_id, e.id_number, max(e.ended_month)
				from enrollment_end e join payroll_run r on r.id = e.run_id
				where e.county = ? and e.ended_month < ? and r.status = 'APPROVED'
				group by e.program, e.household_id, e.id_number
				""", rs -> {
			result.put(MonthInputs.enrollmentKey(rs.getString(1), rs.getString(2), rs.getString(3)),
					YearMonth.parse(rs.getString(4)));
		}, county, month.toString());
		return result;
	}

	private List<TempAssistCase> tempAssist(String county, YearMonth month) {
		return jdbc.query("""
				select county, region_code, household_id, id_number, name, case_no, approval_month, amount,
				       bank, account_number, account_name
				from current_temp_assist where county = ? and approval_month = ?
				order by case_no
				""", (rs, i) -> new TempAssistCase(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6), YearMonth.parse(rs.getString(7)), rs.getBigDecimal(8),
				rs.getString(9), rs.getString(10), rs.getString(11)), county, month.toString());
	}

	private Standards standards(String county) {
		return new Standards(jdbc.query("""
				select county, program, category, effective_month, value from current_standard where county = ?
				""", (rs, i) -> new Standards.Row(rs.getString(1), rs.getString(2), rs.getString(3),
				YearMonth.parse(rs.getString(4)), rs.getBigDecimal(5)), county));
	}

	private Optional<Cpi> cpi(YearMonth month) {
		return jdbc.query("select cpi, food_cpi from current_cpi where month = ? order by id desc limit 1",
				(rs, i) -> new Cpi(rs.getBigDecimal(1), rs.getBigDecimal(2)), month.toString()).stream().findFirst();
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}

	static BigDecimal orZero(BigDecimal v) {
		return v == null ? BigDecimal.ZERO : v;
	}
}
