package cn.doudi.allowance.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;

import cn.doudi.allowance.ComputedLine;
import cn.doudi.allowance.Cpi;
import cn.doudi.allowance.LineStatus;
import cn.doudi.allowance.RosterRow;
import cn.doudi.identity.RegionCode;
import cn.doudi.kernel.Money;
import cn.doudi.kernel.Program;

/**
 * PRICE_SUBSIDY (价格临时补贴). The {@code cpi} row of M triggers when CPI同比 ≥ 3.5 or 食品CPI同比 ≥ 6.0;
 * the rate is the index that triggered, the higher when both do. Every person with a current-month
 * line (PAY or HELD) under DIBAO_* (each covered member), TEKUN, ORPHAN or DE_FACTO_CHILD — in any
 * county, other counties' lines coming from {@code MonthInputs.otherCountyLines} — gets one line, in
 * the county of the qualifying line: the first of PAY before HELD, then DIBAO_URBAN, DIBAO_RURAL,
 * TEKUN, ORPHAN, DE_FACTO_CHILD, then county, household.
 * <p>
 * amount = std(own DIBAO program, 标准, M) × rate / 100, half-up to whole yuan. The own DIBAO program is
 * the qualifying line's program when that is a DIBAO line, else the person's active DIBAO_* program in
 * this county (a covered member in M, line or not; URBAN when both), else by the village part of the region code on the person's row in the qualifying enrollment:
 * 001–199 DIBAO_URBAN, 200–399 DIBAO_RURAL; any other village part, or no {@code 标准} for the program,
 * gives no line. {@code id_number}, name and {@code region_code} are the person's (their row in the
 * qualifying enrollment); {@code household_id}, county, account, status and {@code reason} are the
 * qualifying line's; category is empty.
 */
public final class PriceSubsidyRule {

	static final BigDecimal CPI_TRIGGER = new BigDecimal("3.5");
	static final BigDecimal FOOD_TRIGGER = new BigDecimal("6.0");
	private static final List<Program> QUALIFYING = List.of(Program.DIBAO_URBAN, Program.DIBAO_RURAL,
			Program.TEKUN, Program.ORPHAN, Program.DE_FACTO_CHILD);

	/**
	 * A line that qualifies a person, with the person's name and region code in that enrollment
	 * ({@code local} false for another county's line, which only competes for the order).
	 */
	record Candidate(String idNumber, String name, String regionCode, ComputedLine line, boolean local) {
	}

	static final Comparator<Candidate> QUALIFYING_ORDER = Comparator
		.comparing((Candidate c) -> c.line().status() == LineStatus.PAY ? 0 : 1)
		.thenComparing(c -> QUALIFYING.indexOf(c.line().program()))
		.thenComparing(c -> c.line().county(), Order.CODE_POINT)
		.thenComparing(c -> c.line().householdId(), Order.CODE_POINT);

	private final Month month;
	private final DibaoIndex dibao;

	PriceSubsidyRule(Month month, DibaoIndex dibao) {
		this.month = month;
		this.dibao = dibao;
	}

	/** The rate in percent when the cpi row of M triggers. */
	public static Optional<BigDecimal> rate(Optional<Cpi> cpi) {
		if (cpi.isEmpty()) {
			return Optional.empty();
		}
		BigDecimal general = cpi.get().cpi();
		BigDecimal food = cpi.get().foodCpi();
		boolean byGeneral = general != null && general.compareTo(CPI_TRIGGER) >= 0;
		boolean byFood = food != null && food.compareTo(FOOD_TRIGGER) >= 0;
		if (byGeneral && byFood) {
			return Optional.of(general.max(food));
		}
		return byGeneral ? Optional.of(general) : byFood ? Optional.of(food) : Optional.empty();
	}

	/**
	 * The subsidy lines of this county. {@code householdLines} are this county's DIBAO lines after
	 * holds, {@code personLines} its other lines after holds.
	 */
	List<ComputedLine> lines(List<DibaoIndex.HouseholdLine> householdLines, List<ComputedLine> personLines) {
		Optional<BigDecimal> rate = rate(month.inputs().cpi());
		if (rate.isEmpty()) {
			return List.of();
		}
		Map<String, Candidate> best = new TreeMap<>(Order.CODE_POINT);
		for (Candidate c : candidates(householdLines, personLines)) {
			best.merge(c.idNumber(), c, (a, b) -> QUALIFYING_ORDER.compare(a, b) <= 0 ? a : b);
		}
		List<ComputedLine> out = new ArrayList<>();
		for (Candidate c : best.values()) {
			if (c.local()) {
				subsidy(c, rate.get()).ifPresent(out::add);
			}
		}
		return out;
	}

	private List<Candidate> candidates(List<DibaoIndex.HouseholdLine> householdLines,
			List<ComputedLine> personLines) {
		List<Candidate> out = new ArrayList<>();
		for (DibaoIndex.HouseholdLine hl : householdLines) {
			for (RosterRow member : hl.household().covered()) {
				out.add(new Candidate(member.idNumber(), member.name(), member.regionCode(), hl.line(), true));
			}
		}
		for (ComputedLine l : personLines) {
			if (QUALIFYING.contains(l.program())) {
				out.add(new Candidate(l.idNumber(), l.name(), l.regionCode(), l, true));
			}
		}
		Set<String> here = new TreeSet<>(Order.CODE_POINT);
		out.forEach(c -> here.add(c.idNumber()));
		for (ComputedLine l : month.inputs().otherCountyLines()) {
			if (QUALIFYING.contains(l.program()) && !l.county().equals(month.county())) {
				l.persons().stream().filter(here::contains).forEach(p -> out.add(new Candidate(p, null, null, l, false)));
			}
		}
		return out;
	}

	private Optional<ComputedLine> subsidy(Candidate c, BigDecimal rate) {
		Optional<Program> own = c.line().program().isDibao() ? Optional.of(c.line().program())
				: dibao.activeProgram(c.idNumber()).or(() -> byVillage(c.regionCode()));
		Optional<BigDecimal> standard = own.flatMap(p -> month.std(p, DibaoRule.STANDARD));
		if (standard.isEmpty()) {
			return Optional.empty();
		}
		BigDecimal amount = Money.wholeYuan(standard.get().multiply(rate).movePointLeft(2));
		ComputedLine q = c.line();
		return Optional.of(new ComputedLine(q.county(), c.regionCode(), Program.PRICE_SUBSIDY, "",
				q.householdId(), c.idNumber(), c.name(), month.month(), amount, q.status(), q.reasons(), q.payee(), false,
				null));
	}

	private static Optional<Program> byVillage(String regionCode) {
		RegionCode code = RegionCode.parseOrNull(regionCode);
		if (code == null) {
			return Optional.empty();
		}
		return code.isUrbanCommunity() ? Optional.of(Program.DIBAO_URBAN)
				: code.isRuralVillage() ? Optional.of(Program.DIBAO_RURAL) : Optional.empty();
	}
}
