package cn.doudi.payroll;

import java.math.BigDecimal;

/** A run with its totals, as the web console lists it: lines and amounts paid and held. */
public record RunTotals(PayrollRun run, long linesPaid, BigDecimal amountPaid, long linesHeld, BigDecimal amountHeld,
		String createdBy) {
}
