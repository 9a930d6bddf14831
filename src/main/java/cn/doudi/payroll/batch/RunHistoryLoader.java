package cn.doudi.payroll.batch;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.doudi.allowance.DibaoPhase;
import cn.doudi.allowance.PreviousDibaoLine;
import cn.doudi.allowance.RunHistory;
import cn.doudi.kernel.PaymentKey;
import cn.doudi.kernel.Program;
import cn.doudi.matching.MatchedRecords;
import cn.doudi.matching.MatchedRecords.PersonRef;
import cn.doudi.payroll.RunReader;

/**
 * A county's run history as the rules take it ({@link RunHistory}), from the payroll's own tables: the
 * lines, the rule ends and the runs. Only approved runs count; a paid line is a PAY line of an approved run
 * that no bank return marked failed. Every query is set-based.
 * <p>
 * The lines are read run by run ({@code payroll_run r cross join lateral (… where l.run_id = r.id offset 0)}:
 * the county's approved runs, then each run's lines through {@code payment_line_run_key_month}), never as a join
 * the planner may turn into a (parallel) scan of every county's lines of every month hashed against the runs:
 * that read grows with the history of the whole city, and at the 40,000-household bench, with no approved run at
 * all, it still started two parallel workers per query (about 140 ms of the load per county on the loaded machine,
 * for no row).
 */
@Component
class RunHistoryLoader {

	/** The lines of an approved run that count as paid. */
	private static final String PAID = """
			from payroll_run r cross join lateral (select l.* from payment_line l where l.run_id = r.id offset 0) l
			where r.county = ? and r.status = 'APPROVED' and l.status = 'PAY' and l.bank_status is distinct from 'FAILED'
			""";

	private final JdbcTemplate jdbc;
	private final RunReader runs;
	private final MatchedRecords matched;
	private final EnrollmentEndStore ends;

	RunHistoryLoader(JdbcTemplate jdbc, RunReader runs, MatchedRecords matched, EnrollmentEndStore ends) {
		this.jdbc = jdbc;
		this.runs = runs;
		this.matched = matched;
		this.ends = ends;
	}

	/** What the history holds before the months the rules are applied to are known. */
	record Start(Optional<YearMonth> firstRunMonth, List<RunHistory.PaidLine> paidLinesOfTheDead,
			Map<String, YearMonth> deathMonthsOfPaid) {
	}

	Start start(String county) {
		List<RunHistory.PaidLine> paid = paidLinesTouchingDeaths(county);
		return new Start(runs.firstRunMonth(county), paid, deathMonthsOfPaid(paid));
	}

	/**
	 * The history for run {@code month}, for the months the rules are applied to ({@code months}); the paid
	 * lines from {@code paidFrom} on (the arrears window).
	 * {@code rosterNames}: the names the county's roster gives its people (a member of a previous line is
	 * matched to a death record by it).
	 */
	RunHistory load(String county, YearMonth month, SortedSet<YearMonth> months, YearMonth paidFrom, Start start,
			Map<String, String> rosterNames) {
		List<RunHistory.PastLine> previous = previousRun(county, month.minusMonths(1));
		Map<String, YearMonth> deaths = new HashMap<>(start.deathMonthsOfPaid());
		deathMonthsOf(previous, rosterNames).forEach((id, m) -> deaths.merge(id, m, (a, b) -> a.isBefore(b) ? a : b));
		return new RunHistory(start.firstRunMonth(), previous, dibaoLines(county, before(months)), ends.ofCounty(county),
				paid(county, paidFrom), lastPaidMonths(county), start.paidLinesOfTheDead(), deaths);
	}

	/** The DIBAO lines and rule ends another county's rules need (its price-subsidy lines of a month). */
	RunHistory forNeighbour(String county, SortedSet<YearMonth> months) {
		return new RunHistory(Optional.empty(), List.of(), dibaoLines(county, before(months)), ends.ofCounty(county), Set.of(),
				Map.of(), List.of(), Map.of());
	}

	private static List<YearMonth> before(Collection<YearMonth> months) {
		return months.stream().map(m -> m.minusMonths(1)).toList();
	}

	/** The current-month lines of the county's approved run for {@code previous} (stops compare against them). */
	private List<RunHistory.PastLine> previousRun(String county, YearMonth previous) {
		return jdbc.query("""
				select l.county, l.program, l.household_id, l.id_number, l.name, l.member_ids
				from payroll_run r cross join lateral (select l.* from payment_line l where l.run_id = r.id offset 0) l
				where r.county = ? and r.month = ? and r.status = 'APPROVED' and l.pay_month = r.month and not l.arrears
				order by l.payment_key collate "C"
				""", (rs, i) -> new RunHistory.PastLine(rs.getString(1), Program.valueOf(rs.getString(2)), rs.getString(3),
				rs.getString(4), rs.getString(5), ids(rs.getString(6))), county, previous.toString());
	}

	/** The current-month DIBAO lines the approved runs of these months produced, by month and key. */
	private Map<YearMonth, Map<PaymentKey, PreviousDibaoLine>> dibaoLines(String county, List<YearMonth> months) {
		Map<YearMonth, Map<PaymentKey, PreviousDibaoLine>> result = new TreeMap<>();
		jdbc.query("""
				select r.month, l.program, l.household_id, l.dibao_phase, l.amount, l.regular_amount, l.exit_month_no
				from payroll_run r cross join lateral (select l.* from payment_line l where l.run_id = r.id offset 0) l
				where r.county = ? and r.month = any(?) and r.status = 'APPROVED'
				  and l.program in ('DIBAO_URBAN', 'DIBAO_RURAL') and l.pay_month = r.month and not l.arrears
				""", ps -> {
			ps.setString(1, county);
			ps.setArray(2, ps.getConnection().createArrayOf("text", months.stream().map(YearMonth::toString).toArray()));
		}, rs -> {
			PreviousDibaoLine p = new PreviousDibaoLine(rs.getString(3), Program.valueOf(rs.getString(2)),
					DibaoPhase.valueOf(rs.getString(4)), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getInt(7));
			result.computeIfAbsent(MonthInputsLoader.month(rs.getString(1)), k -> new TreeMap<>()).put(p.key(), p);
		});
		return result;
	}

	/** The paid PAY lines of the county from {@code from} on (the months the arrears window may back-pay). */
	private Set<PaymentKey.InMonth> paid(String county, YearMonth from) {
		Set<PaymentKey.InMonth> result = new java.util.HashSet<>();
		jdbc.query("select l.payment_key, l.pay_month " + PAID + " and l.pay_month >= ?", rs -> {
			result.add(PaymentKey.parse(rs.getString(1)).in(MonthInputsLoader.month(rs.getString(2))));
		}, county, from.toString());
		return result;
	}

	/** The last month with a paid PAY line, per payment key. */
	private Map<PaymentKey, YearMonth> lastPaidMonths(String county) {
		Map<PaymentKey, YearMonth> result = new HashMap<>();
		jdbc.query("select l.payment_key, max(l.pay_month) " + PAID + " group by l.payment_key", rs -> {
			result.put(PaymentKey.parse(rs.getString(1)), MonthInputsLoader.month(rs.getString(2)));
		}, county);
		return result;
	}

	/**
	 * Paid PAY lines of the county on which someone with a death record (by ID) is the payee or a covered member.
	 * The line's people are unnested and hash-joined to the deaths: an {@code exists (… d.id_number = l.id_number
	 * or d.id_number = any(…))} can only be a nested loop over every paid line × every death (0.9 s for the
	 * demo's 16k lines and 187 deaths, against 41 ms for the join; paid lines accumulate month after month).
	 */
	private List<RunHistory.PaidLine> paidLinesTouchingDeaths(String county) {
		return jdbc.query("""
				select distinct l.id, l.county, l.program, l.household_id, l.id_number, l.name, l.pay_month, l.amount,
				       l.member_ids
				from payroll_run r cross join lateral (select l.* from payment_line l where l.run_id = r.id offset 0) l
				cross join lateral unnest(string_to_array(l.member_ids, ';') || l.id_number::text) p(id_number)
				join current_death d on d.id_valid and d.id_number = p.id_number
				where r.county = ? and r.status = 'APPROVED' and l.status = 'PAY' and l.bank_status is distinct from 'FAILED'
				order by l.id
				""", (rs, i) -> new RunHistory.PaidLine(rs.getLong(1), rs.getString(2), Program.valueOf(rs.getString(3)),
				rs.getString(4), rs.getString(5), rs.getString(6), YearMonth.parse(rs.getString(7)), rs.getBigDecimal(8),
				ids(rs.getString(9))), county);
	}

	/**
	 * Death months of the people on paid lines, each matched by ID and a name our roster ever gave them
	 * (the person may have been removed from the roster since).
	 */
	private Map<String, YearMonth> deathMonthsOfPaid(List<RunHistory.PaidLine> lines) {
		Set<String> ids = new TreeSet<>();
		lines.forEach(l -> {
			ids.add(l.idNumber());
			ids.addAll(l.memberIds());
		});
		if (ids.isEmpty()) {
			return Map.of();
		}
		List<PersonRef> people = jdbc.query(
				"select distinct id_number, name from beneficiary where id_number = any(?) order by 1, 2",
				ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", ids.toArray())),
				(rs, i) -> new PersonRef(rs.getString(1), rs.getString(2)));
		List<PersonRef> all = new ArrayList<>(people);
		lines.forEach(l -> all.add(new PersonRef(l.idNumber(), l.name())));
		return matched.deathMonthsOf(all);
	}

	/** Death months of the people a previous line named (payees by the line's name, members by the roster's). */
	private Map<String, YearMonth> deathMonthsOf(List<RunHistory.PastLine> lines, Map<String, String> rosterNames) {
		List<PersonRef> people = new ArrayList<>();
		for (RunHistory.PastLine l : lines) {
			people.add(new PersonRef(l.idNumber(), l.name()));
			for (String member : l.memberIds()) {
				String name = rosterNames.get(member);
				if (name != null) {
					people.add(new PersonRef(member, name));
				}
			}
		}
		return matched.deathMonthsOf(people);
	}

	private static List<String> ids(String joined) {
		return joined == null ? List.of() : List.of(joined.split(";"));
	}
}
