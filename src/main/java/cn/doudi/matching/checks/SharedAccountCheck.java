package cn.doudi.matching.checks;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import cn.doudi.allowance.ActiveRoster;
import cn.doudi.allowance.ActiveRoster.Household;
import cn.doudi.allowance.RosterRow;
import cn.doudi.identity.IdNumber;
import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Program;
import cn.doudi.matching.MatchedRecords.PersonRef;
import cn.doudi.matching.RaisedFinding;
import cn.doudi.matching.roster.CurrentRoster;
import cn.doudi.matching.roster.RosterRecords;

/**
 * SHARED_ACCOUNT (HOLD): one account number (digits only) is the payee account of lines of M for people
 * of two or more households (the rows' 户编号), in any county. The lines are those the roster implies
 * before the rules run: an active DIBAO household's (its 户主 row's account), each active person-program
 * row's, and each TEMP_ASSIST case approved in M of a person alive for M. People of one institution's
 * 集体户 share its household ID: legitimate. One finding per person paid into the account, in that line's
 * county; {@code account_number} is the account, so its hold touches every line into it.
 */
@Component
class SharedAccountCheck implements Check<SharedAccountCheck.Records> {

	record Line(String county, Program program, String householdId, String idNumber, String name, String account) {
	}

	/** A TEMP_ASSIST case into one of the accounts: its line, its month, the person's death month if any. */
	record Case(Line line, YearMonth approvalMonth, YearMonth deathMonth) {
	}

	/**
	 * The households paid into an account of the county's roster or of its cases of the months decided, and
	 * the cases of those months into those accounts.
	 */
	record Records(RosterRecords roster, List<Case> cases) {
	}

	@Override
	public FindingCode code() {
		return FindingCode.SHARED_ACCOUNT;
	}

	@Override
	public Records read(CheckReader reader) {
		// the accounts of the county's roster rows (from the roster the reader holds) and of its cases
		String accounts = """
				select unnest(?::varchar[])
				union select account_number from current_temp_assist where county = ? and approval_month = any(?)
				""";
		String[] own = reader.roster().rows().stream()
			.filter(r -> r.county().equals(reader.county()) && !r.accountNumber().isEmpty())
			.map(RosterRow::accountNumber)
			.distinct()
			.sorted()
			.toArray(String[]::new);
		String[] months = reader.monthTexts();
		// the households paid into them: of the county's own rows with one of its accounts (from the roster the
		// reader holds), and the copy probed for the accounts another county may list too and the cases' accounts
		Set<String> paid = new LinkedHashSet<>();
		reader.roster().rows().stream()
			.filter(r -> r.county().equals(reader.county()) && !r.accountNumber().isEmpty())
			.forEach(r -> paid.add(r.householdId()));
		paid.addAll(reader.jdbc().queryForList("select b.household_id from " + CurrentRoster.rowsOf("account_number",
				CurrentRoster.sharedAccounts("select unnest(?::varchar[])") + """
						union select account_number from current_temp_assist where county = ? and approval_month = any(?)
						"""), String.class, own, reader.county(), months));
		RosterRecords roster = reader.rosterOfHouseholds(List.copyOf(paid));
		List<Object[]> rows = reader.jdbc().query("""
				select county, household_id, id_number, name, account_number, approval_month from current_temp_assist
				where approval_month = any(?) and account_number in (%s)
				order by case_no
				""".formatted(accounts), (rs, i) -> new Object[] { new Line(rs.getString(1).trim(), Program.TEMP_ASSIST,
				rs.getString(2), rs.getString(3), rs.getString(4), digits(rs.getString(5))),
				YearMonth.parse(rs.getString(6)) }, months, own, reader.county(), months);
		Map<String, YearMonth> deaths = reader.deathMonthsOf(rows.stream()
			.map(r -> new PersonRef(((Line) r[0]).idNumber(), ((Line) r[0]).name())).toList());
		List<Case> cases = rows.stream()
			.map(r -> new Case((Line) r[0], (YearMonth) r[1], deaths.get(((Line) r[0]).idNumber())))
			.toList();
		return new Records(roster, cases);
	}

	@Override
	public List<RaisedFinding> decide(Records records, CheckMonth month) {
		Map<String, List<Line>> byAccount = new HashMap<>();
		for (Line l : lines(records, month)) {
			if (!l.account().isEmpty()) {
				byAccount.computeIfAbsent(l.account(), k -> new ArrayList<>(1)).add(l);
			}
		}
		// the accounts of two or more households, in account order (a person's finding names the first)
		Map<String, List<Line>> shared = new TreeMap<>();
		byAccount.forEach((account, lines) -> {
			String first = lines.get(0).householdId();
			if (lines.stream().anyMatch(l -> !l.householdId().equals(first))) {
				shared.put(account, lines);
			}
		});
		Map<String, RaisedFinding> out = new TreeMap<>();
		shared.forEach((account, lines) -> {
			Set<String> households = new TreeSet<>(lines.stream().map(Line::householdId).toList());
			Map<String, List<Line>> mine = new TreeMap<>();
			lines.stream().filter(l -> l.county().equals(month.county()))
				.forEach(l -> mine.computeIfAbsent(l.idNumber(), k -> new ArrayList<>()).add(l));
			mine.forEach((id, own) -> out.putIfAbsent(id, finding(month.county(), account, own, households)));
		});
		return List.copyOf(out.values());
	}

	/** The lines of M the roster implies, and the cases of M of people alive for M. */
	private static List<Line> lines(Records records, CheckMonth month) {
		RosterRecords.Active roster = records.roster().active(month.month());
		List<Line> lines = new ArrayList<>();
		for (Household hh : roster.households()) {
			lines.add(new Line(hh.head().county(), hh.head().program(), hh.householdId(), hh.head().idNumber(),
					hh.head().name(), digits(hh.head().accountNumber())));
		}
		roster.enrollments().stream().filter(e -> !e.program().isDibao())
			.forEach(e -> lines.add(new Line(e.county(), e.program(), e.householdId(), e.idNumber(), e.name(),
					digits(e.row().accountNumber()))));
		records.cases().stream()
			.filter(c -> c.approvalMonth().equals(month.month()) && !month.deadFor(c.deathMonth()))
			.forEach(c -> lines.add(c.line()));
		return lines;
	}

	private static RaisedFinding finding(String county, String account, List<Line> own, Set<String> households) {
		Set<Program> programs = EnumSet.noneOf(Program.class);
		own.forEach(l -> programs.add(l.program()));
		Line first = own.stream().sorted(java.util.Comparator.comparing((Line l) -> l.program().name())
			.thenComparing(Line::householdId)).findFirst().orElseThrow();
		String detail = "收款账户" + IdNumber.mask(account) + "同时为" + households.size() + "户（" + String.join("、", households)
				+ "）的收款账户：核实账户归属前，该账户的发放暂停";
		return new RaisedFinding(FindingCode.SHARED_ACCOUNT, county, first.idNumber(), first.name(),
				first.householdId(), programs, account, detail,
				RaisedFinding.evidence(List.of("account:" + account + '|' + String.join(",", households))));
	}

	/** The account's digits 0–9 (what {@code replaceAll("\\D", "")} keeps, without a regex per line). */
	private static String digits(String account) {
		if (account == null) {
			return "";
		}
		StringBuilder d = new StringBuilder(account.length());
		for (int i = 0; i < account.length(); i++) {
			char c = account.charAt(i);
			if (c >= '0' && c <= '9') {
				d.append(c);
			}
		}
		return d.length() == account.length() ? account : d.toString();
	}
}
