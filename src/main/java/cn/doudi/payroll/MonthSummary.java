package cn.doudi.payroll;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.doudi.kernel.Money;
import cn.doudi.kernel.Program;

/**
 * The month's summary per county and program (OUTPUTS.md {@code summary.csv}: households, persons, lines and amounts
 * paid and held), counted from the lines as {@code payments.csv} streams them — in its order, county and program
 * first, so each county's program arrives as one run of lines — instead of a second pass over every line of the month
 * in the database (a {@code count(distinct …)} grouping, 230–310 ms of the server before the drafts' commit at 40,000
 * households, while every county waited). Persons: the DIBAO lines' household members (arrears lines left out), else
 * the distinct people; households: the distinct households, every status.
 */
final class MonthSummary {

	private final List<MonthEndFiles.SummaryRow> rows = new ArrayList<>();

	private String county;
	private String program;
	/** Whether {@link #program} is a DIBAO program (one line per household, its members counted). */
	private boolean dibao;
	private final Set<String> households = new HashSet<>();
	private final Set<String> people = new HashSet<>();
	private long members;
	private long linesPaid;
	private BigDecimal amountPaid = BigDecimal.ZERO;
	private long linesHeld;
	private BigDecimal amountHeld = BigDecimal.ZERO;

	/** The next line, in {@code payments.csv}'s order; {@code members} may be null (no household part). */
	void line(String county, String program, String householdId, String idNumber, String status, BigDecimal amount,
			boolean arrears, Integer members) {
		if (!county.equals(this.county) || !program.equals(this.program)) {
			finishGroup();
			this.county = county;
			this.program = program;
			this.dibao = Program.parse(program).map(Program::isDibao).orElse(false);
		}
		if (householdId != null) {
			households.add(householdId);
		}
		if (dibao) {
			if (!arrears && members != null) {
				this.members += members;
			}
		}
		else if (idNumber != null) {
			people.add(idNumber);
		}
		if ("PAY".equals(status)) {
			linesPaid++;
			amountPaid = amountPaid.add(amount);
		}
		else if ("HELD".equals(status)) {
			linesHeld++;
			amountHeld = amountHeld.add(amount);
		}
	}

	/** The rows, one per county and program, in the lines' order. */
	List<MonthEndFiles.SummaryRow> rows() {
		finishGroup();
		return List.copyOf(rows);
	}

	private void finishGroup() {
		if (county == null) {
			return;
		}
		rows.add(new MonthEndFiles.SummaryRow(county, program, households.size(), members + people.size(), linesPaid,
				Money.fen(amountPaid), linesHeld, Money.fen(amountHeld)));
		county = null;
		program = null;
		households.clear();
		people.clear();
		members = 0;
		linesPaid = 0;
		amountPaid = BigDecimal.ZERO;
		linesHeld = 0;
		amountHeld = BigDecimal.ZERO;
	}
}
