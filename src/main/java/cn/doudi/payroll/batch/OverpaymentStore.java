package cn.doudi.payroll.batch;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.doudi.allowance.OverpaymentRule.Overpayment;
import cn.doudi.identity.IdNumber;
import cn.doudi.kernel.Money;

/**
 * Keeps the overpayment records and their OVERPAID findings in step with today's knowledge: one record
 * per paid line, recomputed each run (a recovered record is never touched again); records that no
 * longer hold are cancelled, and an OVERPAID finding with nothing left open is resolved.
 */
@Component
class OverpaymentStore {

	private final JdbcTemplate jdbc;

	OverpaymentStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void reconcile(String county, YearMonth month, long runId, List<Overpayment> overpayments) {
		Map<String, List<Overpayment>> byDeceased = new LinkedHashMap<>();
		overpayments.forEach(o -> byDeceased.computeIfAbsent(o.deceasedId(), k -> new ArrayList<>()).add(o));
		List<Long> kept = new ArrayList<>();
		for (Map.Entry<String, List<Overpayment>> e : byDeceased.entrySet()) {
			long findingId = finding(county, month, runId, e.getKey(), e.getValue());
			for (Overpayment o : e.getValue()) {
				kept.add(o.line().lineId());
				jdbc.update("""
						insert into overpayment (finding_id, line_id, county, program, household_id, id_number, name,
						  pay_month, paid, due, overpaid, status)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')
						on conflict (line_id) do update set finding_id = excluded.finding_id, paid = excluded.paid,
						  due = excluded.due, overpaid = excluded.overpaid, status = 'OPEN'
						where overpayment.status <> 'RECOVERED'
						""", findingId, o.line().lineId(), county, o.line().program().name(), o.line().householdId(),
						o.line().idNumber(), o.line().name(), o.line().payMonth().toString(), o.line().amount(), o.due(),
						o.overpaid());
			}
		}
		jdbc.update("update overpayment set status = 'CANCELLED' where county = ? and status = 'OPEN'"
				+ " and not (line_id = any(?))", ps -> {
			ps.setString(1, county);
			ps.setArray(2, ps.getConnection().createArrayOf("bigint", kept.toArray()));
		});
		jdbc.update("""
				update finding set status = 'RESOLVED', closed_month = ?
				where county = ? and code = 'OVERPAID' and status in ('OPEN', 'CONFIRMED')
				  and not exists (select 1 from overpayment o where o.finding_id = finding.id and o.status = 'OPEN')
				""", month.toString(), county);
	}

	private long finding(String county, YearMonth month, long runId, String deceasedId, List<Overpayment> list) {
		String name = jdbc.query("select name from beneficiary where id_number = ? order by import_id desc, file_no desc, row_no desc limit 1",
				(rs, i) -> rs.getString(1), deceasedId).stream().findFirst().orElse(list.get(0).line().name());
		TreeSet<String> programs = new TreeSet<>();
		java.math.BigDecimal total = java.math.BigDecimal.ZERO;
		for (Overpayment o : list) {
			programs.add(o.line().program().name());
			total = total.add(o.overpaid());
		}
		String detail = "死亡信息晚到：" + name + "（" + IdNumber.mask(deceasedId) + "）" + list.get(0).deathMonth()
				+ "死亡，此后已发放" + list.size() + "笔，多发合计" + Money.format(total) + "元，待追回";
		return jdbc.queryForObject("""
				insert into finding (code, effect, county, id_number, name, household_id, programs, detail, evidence,
				                     status, first_month, last_month, first_run_id)
				values ('OVERPAID', 'INFO', ?, ?, ?, ?, ?, ?, '', 'OPEN', ?, ?, ?)
				on conflict (code, id_number, county) where status in ('OPEN', 'CONFIRMED')
				do update set name = excluded.name, programs = excluded.programs, detail = excluded.detail,
				              last_month = greatest(finding.last_month, excluded.last_month)
				returning id
				""", Long.class, county, deceasedId, name, list.get(0).line().householdId(), String.join(";", programs),
				detail, month.toString(), month.toString(), runId);
	}
}
