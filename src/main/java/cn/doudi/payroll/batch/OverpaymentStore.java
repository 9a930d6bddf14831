package cn.doudi.payroll.batch;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.doudi.allowance.OverpaymentRule.Overpayment;
import cn.doudi.identity.IdNumber;
import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Money;
import cn.doudi.kernel.Program;
import cn.doudi.matching.FindingLedger;
import cn.doudi.matching.RaisedFinding;
import cn.doudi.review.Recoveries;

/**
 * The {@code overpayment} records (RULES.md "Overpayment"), kept in step with today's knowledge: one record
 * per paid line, recomputed each run (a recovered record is never touched again); records that no longer
 * hold are cancelled. Their OVERPAID findings go through the {@link FindingLedger} (one per deceased, open
 * while a record is), and a monitor's recovery comes back through the review's {@link Recoveries} port.
 */
@Component
class OverpaymentStore implements Recoveries {

	private final JdbcTemplate jdbc;
	private final FindingLedger ledger;

	OverpaymentStore(JdbcTemplate jdbc, FindingLedger ledger) {
		this.jdbc = jdbc;
		this.ledger = ledger;
	}

	void reconcile(String county, YearMonth month, long runId, List<Overpayment> overpayments) {
		Map<String, List<Overpayment>> byDeceased = new LinkedHashMap<>();
		overpayments.forEach(o -> byDeceased.computeIfAbsent(o.deceasedId(), k -> new ArrayList<>()).add(o));
		List<Long> kept = new ArrayList<>();
		for (Map.Entry<String, List<Overpayment>> e : byDeceased.entrySet()) {
			long findingId = ledger.openOrUpdate(finding(county, e.getKey(), e.getValue()), month, runId);
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
		List<Long> owing = jdbc.queryForList(
				"select distinct finding_id from overpayment where county = ? and status = 'OPEN'", Long.class, county);
		ledger.resolveOthers(county, FindingCode.OVERPAID, owing, month);
	}

	@Override
	public BigDecimal owed(long findingId) {
		return jdbc.queryForObject("select coalesce(sum(overpaid), 0) from overpayment where finding_id = ? and status = 'OPEN'",
				BigDecimal.class, findingId);
	}

	@Override
	public void recovered(long findingId) {
		jdbc.update("update overpayment set status = 'RECOVERED' where finding_id = ? and status = 'OPEN'", findingId);
	}

	private RaisedFinding finding(String county, String deceasedId, List<Overpayment> list) {
		String name = jdbc.query("select name from beneficiary where id_number = ? order by import_id desc, file_no desc, row_no desc limit 1",
				(rs, i) -> rs.getString(1), deceasedId).stream().findFirst().orElse(list.get(0).line().name());
		Set<Program> programs = EnumSet.noneOf(Program.class);
		BigDecimal total = BigDecimal.ZERO;
		for (Overpayment o : list) {
			programs.add(o.line().program());
			total = total.add(o.overpaid());
		}
		String detail = "死亡信息晚到：" + name + "（" + IdNumber.mask(deceasedId) + "）" + list.get(0).deathMonth()
				+ "死亡，此后已发放" + list.size() + "笔，多发合计" + Money.format(total) + "元，待追回";
		return new RaisedFinding(FindingCode.OVERPAID, county, deceasedId, name, list.get(0).line().householdId(),
				programs, null, detail, "");
	}
}
