package cn.doudi.payroll;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The bank's word on payment lines, kept on the lines the payroll owns: a PAY line of an approved run counts
 * as paid unless a bank return marks it failed (RULES.md "Lines"), and a failed line is re-issued as arrears.
 * The disbursement module reads the returns and reports each line's outcome here.
 */
@Service
public class BankStatuses {

	/** A bank return's outcome for one payment line: {@code PAID} or {@code FAILED}, with the bank's reason. */
	public record Mark(long paymentLineId, String bankStatus, String reason) {
	}

	private final JdbcTemplate jdbc;

	BankStatuses(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The bank status already set on these payment lines (only those set). */
	public Map<Long, String> of(List<Long> paymentLineIds) {
		Map<Long, String> out = new HashMap<>();
		if (paymentLineIds.isEmpty()) {
			return out;
		}
		jdbc.query("select id, bank_status from payment_line where id = any(?) and bank_status is not null", rs -> {
			out.put(rs.getLong(1), rs.getString(2));
		}, (Object) paymentLineIds.toArray(Long[]::new));
		return out;
	}

	/** Marks the lines; call inside the transaction that records the return. */
	public void mark(List<Mark> marks) {
		jdbc.batchUpdate("update payment_line set bank_status = ?, bank_failure_reason = ? where id = ?",
				marks.stream().map(m -> new Object[] { m.bankStatus(), m.reason(), m.paymentLineId() }).toList());
	}
}
