package cn.doudi.allowance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import cn.doudi.identity.IdNumber;
import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.PaymentKey;
import cn.doudi.kernel.Program;

/**
 * Test data for the rules: valid ID numbers, roster rows with sensible defaults, and a builder of
 * {@link MonthInputs} for county 410102.
 */
public final class Fixtures {

	public static final String COUNTY = "410102";
	/** 居委会 (village part 001). */
	public static final String URBAN_REGION = "410102001001";
	/** 村委会 (village part 201). */
	public static final String RURAL_REGION = "410102002201";

	private Fixtures() {
	}

	/** A valid 18-digit ID of county 410102 born on {@code yyyymmdd}, told apart by {@code seq}. */
	public static String id(String yyyymmdd, int seq) {
		String body = COUNTY + yyyymmdd + String.format("%03d", seq);
		return body + IdNumber.checkDigit(body);
	}

	public static YearMonth ym(String text) {
		return YearMonth.parse(text);
	}

	public static BigDecimal yuan(String text) {
		return new BigDecimal(text);
	}

	public static Row row(Program program, String householdId, String idNumber) {
		return new Row(program, householdId, idNumber);
	}

	/** A 户主 row of a DIBAO household with its 家庭月收入. */
	public static Row head(Program program, String householdId, String idNumber, String income) {
		return new Row(program, householdId, idNumber).income(income);
	}

	/** A member (子女) row of a DIBAO household; same income as the household. */
	public static Row member(Program program, String householdId, String idNumber, String income) {
		return new Row(program, householdId, idNumber).relation("子女").income(income);
	}

	public static Inputs month(String yearMonth) {
		return new Inputs(ym(yearMonth));
	}

	public static List<ComputedLine> lines(MonthOutcome outcome, Program program) {
		return outcome.lines().stream().filter(l -> l.program() == program).toList();
	}

	public static ComputedLine only(MonthOutcome outcome, Program program) {
		List<ComputedLine> found = lines(outcome, program);
		if (found.size() != 1) {
			throw new AssertionError("expected one " + program + " line, found " + found);
		}
		return found.get(0);
	}

	public static List<RuleFinding> findings(MonthOutcome outcome, String code) {
		return outcome.findings().stream().filter(f -> f.code().name().equals(code)).toList();
	}

	/** A roster row being built; defaults: 户主, urban region, bank ICBC, account derived from the ID, start 2020-01. */
	public static final class Row {

		private final Program program;
		private final String householdId;
		private final String idNumber;
		private String county = COUNTY;
		private String region = URBAN_REGION;
		private String name;
		private String relation = "户主";
		private String category;
		private BigDecimal income;
		private YearMonth start = YearMonth.of(2020, 1);
		private YearMonth end;
		private String account;

		private Row(Program program, String householdId, String idNumber) {
			this.program = program;
			this.householdId = householdId;
			this.idNumber = idNumber;
			this.name = "某" + idNumber.substring(14, 17);
			this.account = "6222" + idNumber.substring(2, 17);
		}

		public Row name(String v) {
			name = v;
			return this;
		}

		public Row relation(String v) {
			relation = v;
			return this;
		}

		public Row category(String v) {
			category = v;
			return this;
		}

		public Row income(String v) {
			income = v == null ? null : new BigDecimal(v);
			return this;
		}

		public Row region(String v) {
			region = v;
			county = v.substring(0, 6);
			return this;
		}

		public Row start(String v) {
			start = ym(v);
			return this;
		}

		public Row end(String v) {
			end = v == null ? null : ym(v);
			return this;
		}

		public Row account(String v) {
			account = v;
			return this;
		}

		public RosterRow build() {
			return new RosterRow(county, region, householdId, idNumber, name, relation, program, category, income,
					start, end, "ICBC", account, name);
		}
	}

	/** Builds the inputs of one county and month. Standards take effect from 2020-01 unless told. */
	public static final class Inputs {

		private final YearMonth month;
		private String county = COUNTY;
		private final List<RosterRow> roster = new ArrayList<>();
		private final Map<String, YearMonth> deaths = new TreeMap<>();
		private final Map<String, List<Certificate>> certificates = new TreeMap<>();
		private final Map<String, List<EconomicResult>> economic = new TreeMap<>();
		private final Map<PaymentKey, PreviousDibaoLine> previous = new TreeMap<>();
		private final Map<PaymentKey, YearMonth> ended = new TreeMap<>();
		private final List<TempAssistCase> tempAssist = new ArrayList<>();
		private final List<CheckHold> holds = new ArrayList<>();
		private final List<Standards.Row> standards = new ArrayList<>();
		private final List<ComputedLine> otherCounties = new ArrayList<>();
		private Cpi cpi;

		private Inputs(YearMonth month) {
			this.month = month;
		}

		public Inputs county(String v) {
			county = v;
			return this;
		}

		public Inputs standard(Program program, String category, String value) {
			return standard(program.name(), category, "2020-01", value);
		}

		public Inputs standard(Program program, String category, String effective, String value) {
			return standard(program.name(), category, effective, value);
		}

		public Inputs standard(String program, String category, String effective, String value) {
			standards.add(new Standards.Row(county, program, category, ym(effective), new BigDecimal(value)));
			return this;
		}

		/** The worked example's table: S 690, F 0, 高龄 10%, 重残 20%, 未成年 0% (urban and rural). */
		public Inputs workedExampleStandards() {
			for (Program p : List.of(Program.DIBAO_URBAN, Program.DIBAO_RURAL)) {
				standard(p, "标准", p == Program.DIBAO_URBAN ? "690.00" : "560.00");
				standard(p, "最低补差", "0");
				standard(p, "分类施保-高龄", "10");
				standard(p, "分类施保-重残", "20");
				standard(p, "分类施保-未成年", "0");
			}
			return this;
		}

		public Inputs add(Row... rows) {
			for (Row r : rows) {
				roster.add(r.build());
			}
			return this;
		}

		public Inputs add(RosterRow row) {
			roster.add(row);
			return this;
		}

		public Inputs died(String idNumber, String deathMonth) {
			deaths.put(idNumber, ym(deathMonth));
			return this;
		}

		public Inputs certificate(String idNumber, int type, int grade) {
			certificates.computeIfAbsent(idNumber, k -> new ArrayList<>())
				.add(new Certificate(idNumber, idNumber + type + grade, type, grade));
			return this;
		}

		public Inputs economic(String householdId, String checkMonth, String income) {
			economic.computeIfAbsent(householdId, k -> new ArrayList<>())
				.add(new EconomicResult(householdId, ym(checkMonth), new BigDecimal(income), 0, 1, false, false));
			return this;
		}

		public Inputs previous(Program program, String householdId, DibaoPhase phase, String amount,
				String regularAmount, int exitMonthNo) {
			previous.put(PaymentKey.of(program, householdId, null), new PreviousDibaoLine(householdId, program, phase,
					new BigDecimal(amount), new BigDecimal(regularAmount), exitMonthNo));
			return this;
		}

		public Inputs ended(Program program, String householdId, String idNumber, String endedMonth) {
			ended.put(PaymentKey.of(program, householdId, idNumber), ym(endedMonth));
			return this;
		}

		public Inputs tempAssist(String idNumber, String caseNo, String approvalMonth, String amount) {
			tempAssist.add(new TempAssistCase(county, URBAN_REGION, "T-" + caseNo, idNumber, "临" + caseNo, caseNo,
					ym(approvalMonth), new BigDecimal(amount), "PSBC", "6210" + idNumber.substring(3, 17), "临" + caseNo));
			return this;
		}

		public Inputs hold(String code, String idNumber, Program... programs) {
			holds.add(new CheckHold(FindingCode.valueOf(code), idNumber, Set.of(programs), false, null));
			return this;
		}

		public Inputs holdEveryLine(String code, String idNumber) {
			holds.add(new CheckHold(FindingCode.valueOf(code), idNumber, Set.of(), true, null));
			return this;
		}

		public Inputs holdAccount(String idNumber, String account) {
			holds.add(new CheckHold(FindingCode.SHARED_ACCOUNT, idNumber, Set.of(), false, account));
			return this;
		}

		public Inputs hold(CheckHold hold) {
			holds.add(hold);
			return this;
		}

		public Inputs cpi(String general, String food) {
			cpi = new Cpi(new BigDecimal(general), new BigDecimal(food));
			return this;
		}

		public Inputs otherCounty(ComputedLine line) {
			otherCounties.add(line);
			return this;
		}

		public MonthInputs build() {
			return new MonthInputs(county, month, List.copyOf(roster), deaths, certificates, economic, previous, ended,
					tempAssist, holds, new Standards(standards), Optional.ofNullable(cpi), otherCounties);
		}

		/**
		 * The month through {@link MonthRules#settle}, as a county with no earlier run (no arrears window, no
		 * stops): the previous DIBAO lines as run M−1's, the rule ends as the run history's, the holds as the
		 * checks' HOLD conditions for M. Other counties' lines given directly ({@link #otherCounty}) can only be
		 * fed to {@link MonthRules#compute}, which then computes the month.
		 */
		public MonthOutcome compute() {
			if (!otherCounties.isEmpty()) {
				return new MonthRules().compute(build());
			}
			Settlement settled = new MonthRules().settle(settleInputs(), history());
			return new MonthOutcome(settled.lines(), settled.findings(), settled.ends());
		}

		/** Today's records of the county, with the HOLD conditions of M. */
		public SettleInputs settleInputs() {
			Map<YearMonth, Cpi> cpis = cpi == null ? Map.of() : Map.of(month, cpi);
			return new SettleInputs(month, new CountyRecords(county, roster, deaths, certificates, economic,
					new Standards(standards), tempAssist, cpis), HoldConditions.sameIn(holds, month), List.of());
		}

		/** A run history of the previous month's DIBAO lines and the rule ends, nothing paid, no first run. */
		public RunHistory history() {
			Map<PaymentKey, java.util.SortedSet<YearMonth>> ends = new TreeMap<>();
			ended.forEach((k, m) -> ends.put(k, new java.util.TreeSet<>(Set.of(m))));
			return new RunHistory(Optional.empty(), List.of(), Map.of(month.minusMonths(1), previous), ends, Set.of(),
					Map.of(), List.of(), Map.of());
		}
	}
}
