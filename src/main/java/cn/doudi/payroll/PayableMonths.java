package cn.doudi.payroll;

import java.time.YearMonth;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.doudi.allowance.ArrearsRule;
import cn.doudi.allowance.Standards;
import cn.doudi.ingest.PaymentHistory;

/**
 * The payroll's answer to a temp-assist upload ({@link PaymentHistory}): the one first run month
 * ({@link RunStore#firstRunMonth}), the arrears window of the county's next run as {@link ArrearsRule#window}
 * computes it (with the one 补发上限月数 default, {@link Standards#arrearsMonths}), and the TEMP_ASSIST lines
 * already paid.
 */
@Component
class PayableMonths implements PaymentHistory {

	private final RunStore runs;
	private final JdbcTemplate jdbc;

	PayableMonths(RunStore runs, JdbcTemplate jdbc) {
		this.runs = runs;
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, Window> windows(Collection<String> counties) {
		Map<String, Window> out = new TreeMap<>();
		for (String county : new java.util.TreeSet<>(counties)) {
			Optional<YearMonth> first = runs.firstRunMonth(county);
			if (first.isEmpty()) {
				continue;
			}
			Standards standards = new Standards(jdbc.query("""
					select county, program, category, effective_month, value from current_standard
					where county = ? and program = 'PARAM'
					""", (rs, i) -> new Standards.Row(rs.getString(1), rs.getString(2), rs.getString(3),
					YearMonth.parse(rs.getString(4)), rs.getBigDecimal(5)), county));
			YearMonth next = runs.latestApproved(county).map(r -> r.month().plusMonths(1)).orElse(first.get());
			YearMonth earliest = ArrearsRule.window(next, county, standards, first).stream().findFirst().orElse(next);
			out.put(county, new Window(first.get(), earliest, standards.arrearsMonths(county, next)));
		}
		return out;
	}

	@Override
	public Set<PaidCase> paidTempAssist(Collection<String> idNumbers) {
		Set<PaidCase> out = new HashSet<>();
		if (idNumbers.isEmpty()) {
			return out;
		}
		jdbc.query("""
				select distinct l.household_id, l.id_number, l.pay_month
				from payment_line l join payroll_run r on r.id = l.run_id
				join unnest(?::text[]) p(id_number) on p.id_number = l.id_number
				where r.status = 'APPROVED' and l.program = 'TEMP_ASSIST' and l.status = 'PAY'
				""", ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", idNumbers.toArray())), rs -> {
			out.add(new PaidCase(rs.getString(1), rs.getString(2), YearMonth.parse(rs.getString(3))));
		});
		return out;
	}
}
