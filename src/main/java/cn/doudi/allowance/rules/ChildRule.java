package cn.doudi.allowance.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;

import cn.doudi.allowance.ActiveRoster;
import cn.doudi.allowance.ComputedLine;
import cn.doudi.allowance.RosterRow;
import cn.doudi.kernel.Money;
import cn.doudi.kernel.Program;

/**
 * ORPHAN (孤儿基本生活费, std(ORPHAN, 机构 or 散居, M)) and DE_FACTO_CHILD (事实无人抚养儿童,
 * std(DE_FACTO_CHILD, 标准, M)), paid while age(M) < 18; from the month with age(M) = 18 nothing is
 * paid and the enrollment ends (AGED_OUT, ended month = the first month with age ≥ 18).
 * <p>
 * 补差: a de-facto child who is a covered member of a DIBAO household of this county with a line in M
 * is topped up: amount = max(0, std − share), share = round(household line amount / n), whatever
 * that line's status (the frozen amount in gradual exit). With several such households the first in
 * payment order (program code, household) counts. A top-up of 0.00 writes no line.
 */
final class ChildRule implements PersonRule {

	private final Program program;
	private final Month month;
	private final DibaoIndex dibao;

	ChildRule(Program program, Month month, DibaoIndex dibao) {
		if (program != Program.ORPHAN && program != Program.DE_FACTO_CHILD) {
			throw new IllegalArgumentException("not a child program: " + program);
		}
		this.program = program;
		this.month = month;
		this.dibao = dibao;
	}

	@Override
	public Program program() {
		return program;
	}

	@Override
	public PersonDecision decide(RosterRow row) {
		if (ActiveRoster.agedOut(row, month.month())) {
			return new PersonDecision.AgedOut(ActiveRoster.firstMonthAged(row.idNumber(), 18));
		}
		String category = program == Program.ORPHAN ? (row.category() == null ? "" : row.category()) : "标准";
		Optional<BigDecimal> standard = month.std(program, category);
		if (standard.isEmpty()) {
			return new PersonDecision.NoLine();
		}
		if (program == Program.ORPHAN) {
			return new PersonDecision.Pay(category, standard.get());
		}
		BigDecimal amount = topUp(row.idNumber(), standard.get());
		return amount.signum() > 0 ? new PersonDecision.Pay(category, amount) : new PersonDecision.NoLine();
	}

	/** std, or max(0, std − round(line amount / n)) when a DIBAO household line of M covers the child. */
	BigDecimal topUp(String idNumber, BigDecimal standard) {
		List<DibaoIndex.HouseholdLine> lines = dibao.linesCovering(idNumber);
		if (lines.isEmpty()) {
			return standard;
		}
		ComputedLine line = lines.get(0).line();
		BigDecimal share = Money.fen(line.amount().divide(BigDecimal.valueOf(line.members()), MathContext.DECIMAL128));
		return Money.fen(standard.subtract(share).max(BigDecimal.ZERO));
	}
}
