package cn.doudi.review;

import java.math.BigDecimal;

/**
 * The port through which a monitor's recovery of an overpayment (CHECKS.md "Review": {@code recover})
 * reaches the overpayment records of an OVERPAID finding — owned and implemented by the payroll module
 * (RULES.md "Overpayment").
 */
public interface Recoveries {

	/** What the finding's open overpayment records still owe, in total. */
	BigDecimal owed(long findingId);

	/** Marks the finding's open overpayment records recovered (they are never recomputed again). */
	void recovered(long findingId);
}
