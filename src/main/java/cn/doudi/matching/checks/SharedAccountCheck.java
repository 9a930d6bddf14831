package cn.doudi.matching.checks;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import cn.doudi.identity.IdNumber;
import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Program;
import cn.doudi.matching.MatchedRecords.PersonRef;
import cn.doudi.matching.RaisedFinding;
import cn.doudi.matching.roster.ActiveRoster;
import cn.doudi.matching.roster.Household;

/**
 * SHARED_ACCOUNT (HOLD): one account number (digits only) is the payee account of lines of M for people
 * of two or more households (the rows' 户编号), in any county. The lines are those the roster implies
 * before the rules run: an active DIBAO household's (its 户主 row's account), each active person-program
 * row's, and each TEMP_ASSIST case approved in M of a person alive for M. People of one institution's
 * 集体户 share its household ID: legitimate. One finding per person paid into the account, in that line's
 * county; {@code account_number} is the account, so OpenHolds holds every line into it.
 */
@Component
class SharedAccountCheck implements Check {

	private record Line(String county, Program program, String householdId, String idNumber, String name,
			String account) {
	}

	@Override
	public FindingCode code() {
		return FindingCode.SHARED_ACCOUNT;
	}

	@Override
	public List<RaisedFinding> run(CheckContext ctx) {
		String accounts = """
				select account_number from current_beneficiary where county = ? and account_number <> ''
				union select account_number from current_temp_assist where county = ? and approval_month = ?
				""";
		String m = ctx.month().toString();
		ActiveRoster roster = ctx.rosterOf(
				"select o.household_id from current_beneficiary o join (" + accounts + ") a on a.account_number = o.account_number",
				ctx.county(),
				ctx.county(), m);
		Map<String, List<Line>> byAccount = new TreeMap<>();
		for (Line l : lines(ctx, roster, accounts)) {
			if (!l.account().isEmpty()) {
				byAccount.computeIfAbsent(l.account(), k -> new ArrayList<>()).add(l);
			}
		}
		Map<String, RaisedFinding> out = new TreeMap<>();
		byAccount.forEach((account, lines) -> {
			Set<String> households = new TreeSet<>(lines.stream().map(Line::householdId).toList());
			if (households.size() < 2) {
				return;
			}
			Map<String, List<Line>> mine = new TreeMap<>();
			lines.stream().filter(l -> l.county().equals(ctx.county()))
				.forEach(l -> mine.computeIfAbsent(l.idNumber(), k -> new ArrayList<>()).add(l));
			mine.forEach((id, own) -> out.putIfAbsent(id, finding(ctx.county(), account, own, households)));
		});
		return List.copyOf(out.values());
	}

	private List<Line> lines(CheckContext ctx, ActiveRoster roster, String accounts) {
		List<Line> lines = new ArrayList<>();
		for (Household hh : roster.households()) {
			lines.add(new Line(hh.head().county(), hh.head().program(), hh.householdId(), hh.head().idNumber(),
					hh.head().name(), digits(hh.head().account())));
		}
		roster.enrollments().stream().filter(e -> !e.program().isDibao())
			.forEach(e -> lines.add(new Line(e.county(), e.program(), e.householdId(), e.idNumber(), e.name(),
					digits(e.row().account()))));
		List<Line> cases = ctx.jdbc().query("""
				select county, household_id, id_number, name, account_number from current_temp_assist
				where approval_month = ? and account_number in (%s)
				order by case_no
				""".formatted(accounts), (rs, i) -> new Line(rs.getString(1).trim(), Program.TEMP_ASSIST,
				rs.getString(2), rs.getString(3), rs.getString(4), digits(rs.getString(5))), ctx.month().toString(),
				ctx.county(), ctx.county(), ctx.month().toString());
		Set<String> dead = ctx.deadFor(cases.stream().map(c -> new PersonRef(c.idNumber(), c.name())).toList());
		cases.stream().filter(c -> !dead.contains(c.idNumber())).forEach(lines::add);
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

	private static String digits(String account) {
		return account == null ? "" : account.replaceAll("\\D", "");
	}
}
