package cn.doudi.allowance.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

import cn.doudi.allowance.ActiveRoster.Household;
import cn.doudi.allowance.ComputedLine;
import cn.doudi.allowance.DibaoPhase;
import cn.doudi.allowance.EnrollmentEnded;
import cn.doudi.allowance.RosterRow;
import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Money;
import cn.doudi.kernel.StopReason;

/**
 * DIBAO_URBAN / DIBAO_RURAL, one line per household (RULES.md steps 1–8).
 * <ul>
 * <li>The households are those {@link cn.doudi.allowance.ActiveRoster} finds active in M (the 户主 row's
 * start ≤ M ≤ end, not ended by rule unless a 户主 row starts after that end: a new application; a member's
 * own start/end month only adds or removes that member; no 户主 row, or nobody covered: no line).</li>
 * <li>n = covered members (active rows of the household, alive in M); n = 0 → no line. I = latest
 * economic result with 核对月份 ≤ M, else the 户主 row's 家庭月收入 (another row's when the 户主 row has
 * none, else 0). pci = round(I / n), g = S − pci.</li>
 * <li>g > 0: max(g, F) × n plus {@link ClassifiedSupplement}s; g ≤ 0: {@link GradualExit}.</li>
 * <li>INCOME_ABOVE_STANDARD (INFO) in every month of gradual exit and for a never-paid household with
 * g ≤ 0; not in month K+1, when the enrollment ends.</li>
 * <li>Paid to the 户主 row's account, {@code id_number} the 户主's; 户主 dead for M while others live →
 * HELD with PAYEE_DECEASED (raised with the line: no line, no finding).</li>
 * <li>No {@code 标准} row for the program in M → no line (nothing can be computed).</li>
 * </ul>
 */
final class DibaoRule {

	static final String STANDARD = "标准";
	static final String FLOOR = "最低补差";
	static final String GRADUAL_EXIT_CATEGORY = "渐退";

	private final Month month;
	private final Findings findings;
	private final List<EnrollmentEnded> ends;
	private final ClassifiedSupplement supplements;

	DibaoRule(Month month, Findings findings, List<EnrollmentEnded> ends) {
		this.month = month;
		this.findings = findings;
		this.ends = ends;
		this.supplements = new ClassifiedSupplement(month);
	}

	/** The households whose enrollment is active in M and that have covered members, by program code and household. */
	List<Household> households() {
		return month.roster().households();
	}

	/** The household's line for M before check holds, if it has one. */
	Optional<ComputedLine> line(Household hh) {
		Optional<BigDecimal> standard = month.std(hh.program(), STANDARD);
		if (hh.n() == 0 || standard.isEmpty()) {
			return Optional.empty();
		}
		BigDecimal s = standard.get();
		BigDecimal income = HouseholdIncome.of(hh, month);
		BigDecimal pci = Money.fen(income.divide(BigDecimal.valueOf(hh.n()), MathContext.DECIMAL128));
		BigDecimal g = s.subtract(pci);
		if (g.signum() > 0) {
			BigDecimal amount = regularAmount(hh, s, g);
			return Optional.of(line(hh, "", amount, DibaoPhase.REGULAR, amount, 0));
		}
		String above = "家庭人均收入" + pci.toPlainString() + "元（家庭月收入" + Money.format(income) + "元/" + hh.n()
				+ "人）不低于保障标准" + Money.format(s) + "元";
		GradualExit.Step step = GradualExit.next(month.inputs().previousDibao().get(hh.key()),
				month.gradualExitMonths());
		if (step instanceof GradualExit.Exit exit) {
			raise(hh, FindingCode.INCOME_ABOVE_STANDARD, above + "，渐退第" + exit.monthNo() + "月（共" + exit.k() + "月），按原金额"
					+ Money.format(exit.frozenAmount()) + "元发放");
			return Optional.of(line(hh, GRADUAL_EXIT_CATEGORY, exit.frozenAmount(), DibaoPhase.GRADUAL_EXIT,
					exit.frozenAmount(), exit.monthNo()));
		}
		if (step instanceof GradualExit.End) {
			ends.add(new EnrollmentEnded(hh.head().county(), hh.program(), hh.householdId(), "", month.month(),
					StopReason.GRADUAL_EXIT_END));
		}
		else {
			raise(hh, FindingCode.INCOME_ABOVE_STANDARD, above + "，新申请家庭不予发放");
		}
		return Optional.empty();
	}

	/** base = max(g, F) × n, plus each covered member's classified supplement. */
	private BigDecimal regularAmount(Household hh, BigDecimal s, BigDecimal g) {
		BigDecimal floor = month.std(hh.program(), FLOOR).orElse(BigDecimal.ZERO);
		BigDecimal amount = g.max(floor).multiply(BigDecimal.valueOf(hh.n()));
		for (RosterRow member : hh.covered()) {
			amount = amount.add(supplements.of(hh.program(), s, member));
		}
		return Money.fen(amount);
	}

	private ComputedLine line(Household hh, String category, BigDecimal amount, DibaoPhase phase,
			BigDecimal regular, int exitMonthNo) {
		RosterRow head = hh.head();
		SortedSet<FindingCode> codes = Lines.codes();
		if (month.dead(head.idNumber())) {
			codes.add(FindingCode.PAYEE_DECEASED);
			raise(hh, FindingCode.PAYEE_DECEASED, "户主" + head.name() + "已于" + month.deathMonth(head.idNumber()).orElseThrow()
					+ "死亡，户内仍有" + hh.n() + "名在保成员；变更户主前暂停发放");
		}
		return new ComputedLine(head.county(), head.regionCode(), hh.program(), category, hh.householdId(),
				head.idNumber(), head.name(), month.month(), Money.fen(amount), Lines.status(codes), codes,
				Lines.payee(head), false,
				new ComputedLine.HouseholdPart(phase, Money.fen(regular), exitMonthNo, hh.memberIds()));
	}

	private void raise(Household hh, FindingCode code, String detail) {
		RosterRow head = hh.head();
		findings.raise(code, head.county(), head.idNumber(), head.name(), hh.householdId(), hh.program(),
				hh.program().chineseName() + "：" + detail);
	}
}
