package cn.doudi.matching.checks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.doudi.kernel.FindingCode;
import cn.doudi.matching.RaisedFinding;
import cn.doudi.matching.roster.Household;

/**
 * ASSETS_DISQUALIFY (HOLD): an active DIBAO household of the county whose latest {@code economic} result
 * with 核对月份 ≤ M shows 财政供养人员 = 是, 工商登记 = 是, 机动车数量 > 0 or 房产套数 > 1. The finding is
 * the 户主's and names the household's program. Identity alone never decides eligibility (民发〔2022〕83号):
 * the detail says what to verify, and a monitor may dismiss it.
 */
@Component
class AssetsDisqualifyCheck implements Check {

	private record Result(String month, int vehicles, int properties, boolean business, boolean publicEmployee) {

		boolean disqualifies() {
			return publicEmployee || business || vehicles > 0 || properties > 1;
		}
	}

	@Override
	public FindingCode code() {
		return FindingCode.ASSETS_DISQUALIFY;
	}

	@Override
	public List<RaisedFinding> run(CheckContext ctx) {
		Map<String, Result> latest = new HashMap<>();
		ctx.jdbc().query("""
				select distinct on (e.household_id) e.household_id, e.check_month, e.vehicles, e.properties,
				       e.business_registered, e.public_employee
				from current_economic e
				where e.check_month <= ?
				  and e.household_id in (select household_id from current_beneficiary
				                         where county = ? and program in ('DIBAO_URBAN', 'DIBAO_RURAL'))
				order by e.household_id, e.check_month desc, e.id desc
				""", rs -> {
			latest.put(rs.getString(1), new Result(rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getBoolean(5),
					rs.getBoolean(6)));
		}, ctx.month().toString(), ctx.county());
		List<RaisedFinding> out = new ArrayList<>();
		for (Household hh : ctx.roster().households()) {
			Result r = latest.get(hh.householdId());
			if (hh.head().county().equals(ctx.county()) && r != null && r.disqualifies()) {
				String evidence = "economic:" + hh.householdId() + '|' + r.month() + "|vehicles=" + r.vehicles()
						+ "|properties=" + r.properties() + "|business=" + r.business() + "|public=" + r.publicEmployee();
				out.add(new RaisedFinding(code(), ctx.county(), hh.head().idNumber(), hh.head().name(), hh.householdId(),
						Set.of(hh.head().program()), null, detail(r), evidence));
			}
		}
		return out;
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
