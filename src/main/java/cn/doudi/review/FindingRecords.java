package cn.doudi.review;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.doudi.kernel.Money;
import cn.doudi.matching.FindingLedger;
import cn.doudi.matching.FindingRecord;

/**
 * Reads findings (the matching module's, through its {@link FindingLedger}) and their decisions (the
 * {@code finding_decision} table, owned here).
 */
@Component
class FindingRecords {

	private final FindingLedger ledger;
	private final JdbcTemplate jdbc;

	FindingRecords(FindingLedger ledger, JdbcTemplate jdbc) {
		this.ledger = ledger;
		this.jdbc = jdbc;
	}

	Optional<FindingView> find(long id) {
		return ledger.find(id).map(FindingRecords::view);
	}

	List<FindingView> list(String county, String code, List<String> statuses) {
		return ledger.list(county, code, statuses).stream().map(FindingRecords::view).toList();
	}

	List<FindingView.Decision> decisions(long findingId) {
		return jdbc.query("""
				select decision, decided_by, to_char(decided_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS'), note, amount
				from finding_decision where finding_id = ? order by decided_at, id
				""", (rs, i) -> new FindingView.Decision(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getBigDecimal(5) == null ? "" : Money.format(rs.getBigDecimal(5))), findingId);
	}

	/** {@code finding_decision} of a monitor's decision: who, when, why (and the amount recovered). */
	void record(long findingId, String decision, String user, java.sql.Timestamp at, String note,
			java.math.BigDecimal amount) {
		jdbc.update("""
				insert into finding_decision (finding_id, decision, decided_by, decided_at, note, amount) values (?, ?, ?, ?, ?, ?)
				""", findingId, decision, user, at, note, amount);
	}

	/** What earlier recoveries of the finding recorded, in total. */
	java.math.BigDecimal recovered(long findingId) {
		return jdbc.queryForObject(
				"select coalesce(sum(amount), 0) from finding_decision where finding_id = ? and decision = 'RECOVER'",
				java.math.BigDecimal.class, findingId);
	}

	private static FindingView view(FindingRecord r) {
		return new FindingView(r.id(), r.code(), r.effect(), r.status(), r.county(), r.idNumber(), r.name(),
				r.householdId(), r.programs(), r.accountNumber(), r.detail(), r.firstMonth(), r.lastMonth(),
				r.closedMonth(), List.of());
	}
}
