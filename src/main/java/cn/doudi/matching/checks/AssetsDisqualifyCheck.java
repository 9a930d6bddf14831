package cn.doudi.matching.checks;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.doudi.allowance.ActiveRoster.Household;
import cn.doudi.kernel.FindingCode;
import cn.doudi.matching.RaisedFinding;
import cn.doudi.matching.roster.RosterRecords;

/**
 * ASSETS_DISQUALIFY (HOLD): an active DIBAO household of the county whose latest {@code economic} result
 * with 核对月份 ≤ M shows 财政供养人员 = 是, 工商登记 = 是, 机动车数量 > 0 or 房产套数 > 1. The finding is
 * the 户主's and names the household's program. Identity alone never decides eligibility (民发〔2022〕83号):
 * the detail says what to verify, and a monitor may dismiss it.
 */
@Component
class AssetsDisqualifyCheck implements Check<AssetsDisqualifyCheck.Records> {

	record Result(String month, int vehicles, int properties, boolean business, boolean publicEmployee) {

		boolean disqualifies() {
			return publicEmployee || business || vehicles > 0 || properties > 1;
		}
	}

	/** The county's roster and every economic result of its DIBAO households, by household in (核对月份, id) order. */
	record Records(RosterRecords roster, Map<String, List<Result>> results) {
	}

	@Override
	public FindingCode code() {
		return FindingCode.ASSETS_DISQUALIFY;
	}

	@Override
	public Records read(CheckReader reader) {
		Map<String, List<Result>> results = new HashMap<>();
		reader.jdbc().query("""
				select e.household_id, e.check_month, e.vehicles, e.properties, e.business_registered, e.public_employee
				from current_economic e
				where e.household_id in (select household_id from current_beneficiary
				                         where county = ? and program in ('DIBAO_URBAN', 'DIBAO_RURAL'))
				order by e.household_id, e.check_month, e.id
				""", rs -> {
			results.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
				.add(new Result(rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getBoolean(5), rs.getBoolean(6)));
		}, reader.county());
		return new Records(reader.roster(), results);
	}

	@Override
	public List<RaisedFinding> decide(Records records, CheckMonth month) {
		List<RaisedFinding> out = new ArrayList<>();
		for (Household hh : records.roster().in(month.month()).households()) {
			Result r = latest(records.results().getOrDefault(hh.householdId(), List.of()), month.month());
			if (hh.head().county().equals(month.county()) && r != null && r.disqualifies()) {
				String evidence = "economic:" + hh.householdId() + '|' + r.month() + "|vehicles=" + r.vehicles()
						+ "|properties=" + r.properties() + "|business=" + r.business() + "|public=" + r.publicEmployee();
				out.add(new RaisedFinding(code(), month.county(), hh.head().idNumber(), hh.head().name(),
						hh.householdId(), Set.of(hh.head().program()), null, detail(r), evidence));
			}
		}
		return out;
	}

	/** The latest result with 核对月份 ≤ M (the last in (核对月份, id) order). */
	private static Result latest(List<Result> results, YearMonth month) {
		Result latest = null;
		for (Result r : results) {
			if (!YearMonth.parse(r.month()).isAfter(month)) {
				latest = r;
			}
		}
		return latest;
	}

	private static String detail(Result r) {
		List<String> found = new ArrayList<>();
		List<String> verify = new ArrayList<>();
		if (r.publicEmployee()) {
			found.add("有财政供养人员");
			verify.add("需核实收入/近亲属备案");
		}
		if (r.business()) {
			found.add("有工商登记");
			verify.add("需核实经营收入");
		}
		if (r.vehicles() > 0) {
			found.add("机动车" + r.vehicles() + "辆");
			verify.add("需核实车辆用途和价值（如残疾人功能性补偿代步车可不计）");
		}
		if (r.properties() > 1) {
			found.add("房产" + r.properties() + "套");
			verify.add("需核实房产情况");
		}
		return "家庭经济状况核对（" + r.month() + "）：" + String.join("、", found) + "；" + String.join("，", verify)
				+ "。身份不单独作为认定依据，核实后可撤销";
	}
}
