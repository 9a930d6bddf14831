package cn.doudi.payroll.batch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.doudi.allowance.ArrearsRule;
import cn.doudi.allowance.Certificate;
import cn.doudi.allowance.CountyRecords;
import cn.doudi.allowance.Cpi;
import cn.doudi.allowance.EconomicResult;
import cn.doudi.allowance.HoldConditions;
import cn.doudi.allowance.MonthRules;
import cn.doudi.allowance.Neighbour;
import cn.doudi.allowance.RosterRow;
import cn.doudi.allowance.RunHistory;
import cn.doudi.allowance.SettleInputs;
import cn.doudi.allowance.Standards;
import cn.doudi.allowance.TempAssistCase;
import cn.doudi.kernel.Program;
import cn.doudi.matching.CheckHolds;
import cn.doudi.matching.CountyRoster;
import cn.doudi.matching.MatchedRecords;

/**
 * Loads, as values, everything {@link MonthRules#settle} needs for one county and month: the county's
 * records from the current snapshots (the {@code current_*} views), the checks' HOLD conditions for each
 * month the rules are applied to (for M, the findings the run's check step linked: {@link CheckHolds#forRun}),
 * the run history ({@link RunHistoryLoader}), and the neighbouring
 * counties' records for the price subsidy. It never applies a rule itself. Every query is set-based;
 * nothing is loaded per row.
 *
 * <p>A set of keys is joined as a {@code (select distinct …)} subquery, never {@code in (select …)} with a
 * {@code current_beneficiary} on the outer side (why: {@code cn.doudi.matching.checks.CheckReader}).
 * The neighbours' households (people of this county on another county's roster) are matching's keyed lookup
 * ({@link MatchedRecords#householdsSharingPeople}): an index probe per ID of the county, not a read of every
 * county's roster per county (1.8 s per county at 150 counties before; README "Province speed").
 * <p>
 * The county's own roster rows are those its check step read, when the same run's check step ran in this process
 * and nothing they came from changed since ({@link CheckedRosters}, {@link MatchedRecords#isCurrent}), and so are
 * the certificates and death months of its people the check step matched; otherwise they are read ({@link #roster},
 * {@link MatchedRecords#certificates}, {@link MatchedRecords#deathMonths}): the same records either way.
 */
@Component
class MonthInputsLoader {

	/** What settle takes: the inputs and the run history. */
	record Loaded(SettleInputs inputs, RunHistory history) {
	}

	private final JdbcTemplate jdbc;
	private final MatchedRecords matched;
	private final CheckHolds checkHolds;
	private final RunHistoryLoader histories;
	private final CheckedRosters checked;

	MonthInputsLoader(JdbcTemplate jdbc, MatchedRecords matched, CheckHolds checkHolds, RunHistoryLoader histories,
			CheckedRosters checked) {
		this.jdbc = jdbc;
		this.matched = matched;
		this.checkHolds = checkHolds;
		this.histories = histories;
		this.checked = checked;
	}

	/**
	 * The county's inputs and history for run {@code month}. People also on another county's roster bring
	 * that county's records for them, in the months whose price subsidy reads them, so that the qualifying
	 * line is chosen the same whether the county runs alone or city-wide (RULES.md "Enrollment").
	 */
	Loaded load(long runId, String county, YearMonth month) {
		Standards standards = standards(county);
		RunHistoryLoader.Start start = histories.start(county);
		SortedSet<YearMonth> months = MonthRules.monthsApplied(month, county, standards, start.firstRunMonth(),
				start.paidLinesOfTheDead(), start.deathMonthsOfPaid());
		Optional<CountyRoster> held = checked.take(runId, county).filter(matched::isCurrent);
		List<RosterRow> roster = held.map(CountyRoster::rows).orElseGet(() -> roster(county, null));
		CountyRecords records = records(county, months, standards, roster, held);
		Map<String, String> names = new HashMap<>();
		records.roster().forEach(r -> names.putIfAbsent(r.idNumber(), r.name()));
		SortedSet<YearMonth> window = ArrearsRule.window(month, county, standards, start.firstRunMonth());
		RunHistory history = histories.load(county, month, months, window.isEmpty() ? month : window.first(), start,
				names);
		List<YearMonth> subsidyMonths = months.stream().filter(m -> MonthRules.needsNeighbours(records.cpi(m))).toList();
		List<Neighbour> neighbours = new ArrayList<>();
		if (!subsidyMonths.isEmpty()) {
			matched.householdsSharingPeople(county).forEach((other, households) -> {
				SortedSet<YearMonth> theirs = new java.util.TreeSet<>(subsidyMonths);
				neighbours.add(new Neighbour(records(other, theirs, standards(other), roster(other, households),
						Optional.empty()),
						holds(other, theirs),
						histories.forNeighbour(other, theirs)));
			});
		}
		return new Loaded(new SettleInputs(month, records, checkHolds.forRun(runId, county, month, months), neighbours),
				history);
	}

	/**
	 * The county's records (of some households only, for a neighbour) for the months the rules are applied to,
	 * with its roster rows ({@link #roster}, or the same rows as its check step read them: {@link CheckedRosters}).
	 */
	private CountyRecords records(String county, Collection<YearMonth> months, Standards standards,
			List<RosterRow> roster, Optional<CountyRoster> held) {
		Map<String, List<Certificate>> certificates = new HashMap<>();
		held.map(CountyRoster::certificates).orElseGet(() -> matched.certificates(county))
			.forEach((id, list) -> certificates.put(id, list.stream()
				.map(c -> new Certificate(c.idNumber(), c.certificateNo(), c.type(), c.grade()))
				.toList()));
		List<TempAssistCase> cases = tempAssist(county, months);
		Map<String, YearMonth> rosterDeaths = held.map(CountyRoster::deathMonths)
			.orElseGet(() -> matched.deathMonths(county));
		return new CountyRecords(county, roster, deathMonths(rosterDeaths, cases), certificates,
				economic(county), standards, cases, cpi(months));
	}

	/**
	 * Death months (RULES.md "Who is alive") of the county's roster persons and of the people its
	 * TEMP_ASSIST cases name: a case need not be for someone on the roster (INPUTS.md), and no case is paid
	 * for a person dead for its month — each matched by ID and the name its own record gives.
	 */
	private Map<String, YearMonth> deathMonths(Map<String, YearMonth> rosterDeaths, List<TempAssistCase> cases) {
		Map<String, YearMonth> deaths = new HashMap<>(rosterDeaths);
		matched.deathMonthsOf(cases.stream().map(c -> new MatchedRecords.PersonRef(c.idNumber(), c.name())).toList())
			.forEach((id, m) -> deaths.merge(id, m, (a, b) -> a.isBefore(b) ? a : b));
		return deaths;
	}

	/** The checks' HOLD conditions of the county, for each month (evaluated for that month with today's records). */
	private HoldConditions holds(String county, Collection<YearMonth> months) {
		return checkHolds.forMonths(county, months);
	}

	/** Other counties' households that hold someone on this county's roster, by county. */
	private List<RosterRow> roster(String county, @Nullable List<String> onlyHouseholds) {
		String sql = """
				select county, region_code, household_id, id_number, name, relation, program, category,
				       household_income, start_month, end_month, bank, account_number, account_name
				from current_beneficiary where county = ? %s
				order by program, household_id, id_number, import_id, file_no, row_no
				""".formatted(onlyHouseholds == null ? "" : "and household_id = any(?)");
		if (onlyHouseholds == null) {
			return jdbc.query(sql, MonthInputsLoader::rosterRow, county);
		}
		return jdbc.query(sql, ps -> {
			ps.setString(1, county);
			ps.setArray(2, ps.getConnection().createArrayOf("text", onlyHouseholds.toArray()));
		}, MonthInputsLoader::rosterRow);
	}

	/** A row of {@link #roster}'s select, by column position (a lookup by label per value cost a map probe). */
	private static RosterRow rosterRow(ResultSet rs, int i) throws SQLException {
		String end = rs.getString(11);
		return new RosterRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), Program.valueOf(rs.getString(7)), nullToEmpty(rs.getString(8)), rs.getBigDecimal(9),
				month(rs.getString(10)), end == null ? null : month(end), nullToEmpty(rs.getString(12)),
				nullToEmpty(rs.getString(13)), nullToEmpty(rs.getString(14)));
	}

	/**
	 * A stored month, {@code yyyy-MM}: read by hand when it is four digits, a dash and two (every stored month),
	 * else by {@link YearMonth#parse}, which also rejects what is not a month.
	 */
	static YearMonth month(String text) {
		if (text.length() == 7 && text.charAt(4) == '-') {
			int y = digits(text, 0, 4);
			int m = digits(text, 5, 7);
			if (y >= 0 && m >= 1 && m <= 12) {
				return YearMonth.of(y, m);
			}
		}
		return YearMonth.parse(text);
	}

	private static int digits(String s, int from, int to) {
		int v = 0;
		for (int i = from; i < to; i++) {
			char c = s.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			v = v * 10 + (c - '0');
		}
		return v;
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

	private List<TempAssistCase> tempAssist(String county, Collection<YearMonth> months) {
		return jdbc.query("""
				select county, region_code, household_id, id_number, name, case_no, approval_month, amount,
				       bank, account_number, account_name
				from current_temp_assist where county = ? and approval_month = any(?)
				order by approval_month, case_no
				""", ps -> {
			ps.setString(1, county);
			ps.setArray(2, ps.getConnection().createArrayOf("text", months.stream().map(YearMonth::toString).toArray()));
		}, (rs, i) -> new TempAssistCase(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6), YearMonth.parse(rs.getString(7)), rs.getBigDecimal(8),
				rs.getString(9), rs.getString(10), rs.getString(11)));
	}

	private Standards standards(String county) {
		return new Standards(jdbc.query("""
				select county, program, category, effective_month, value from current_standard where county = ?
				""", (rs, i) -> new Standards.Row(rs.getString(1), rs.getString(2), rs.getString(3),
				YearMonth.parse(rs.getString(4)), rs.getBigDecimal(5)), county));
	}

	private Map<YearMonth, Cpi> cpi(Collection<YearMonth> months) {
		Map<YearMonth, Cpi> result = new HashMap<>();
		jdbc.query("""
				select distinct on (month) month, cpi, food_cpi from current_cpi where month = any(?)
				order by month, id desc
				""", ps -> ps.setArray(1,
				ps.getConnection().createArrayOf("text", months.stream().map(YearMonth::toString).toArray())), rs -> {
			result.put(YearMonth.parse(rs.getString(1)), new Cpi(rs.getBigDecimal(2), rs.getBigDecimal(3)));
		});
		return result;
	}

	private static String nullToEmpty(@Nullable String s) {
		return s == null ? "" : s;
	}
}
