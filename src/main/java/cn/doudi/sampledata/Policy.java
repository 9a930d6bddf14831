package cn.doudi.sampledata;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import cn.doudi.sampledata.Model.Cpi;
import cn.doudi.sampledata.Model.Standard;

/**
 * The policy tables the sample ships: 2026 Henan-like standards for both counties (with a raise of the
 * urban dibao standard effective in the second sample month) and the CPI of the sample months (the
 * second one triggers the price subsidy through food CPI).
 */
final class Policy {

	static final YearMonth M1 = YearMonth.of(2026, 10);
	static final YearMonth M2 = YearMonth.of(2026, 11);
	static final YearMonth M3 = YearMonth.of(2026, 12);
	static final List<YearMonth> MONTHS = List.of(M1, M2, M3);

	static final YearMonth TABLE_FROM = YearMonth.of(2026, 1);

	private Policy() {
	}

	/** The urban dibao standard of a county in a month (the generator keeps incomes below it). */
	static int dibaoStandard(String county, boolean rural, YearMonth month) {
		boolean zy = county.equals(Geography.URBAN_COUNTY);
		if (rural) {
			return zy ? 600 : 580;
		}
		boolean raised = !month.isBefore(M2);
		return zy ? (raised ? 790 : 760) : (raised ? 760 : 730);
	}

	static boolean paysGrades3And4(String county) {
		return county.equals(Geography.URBAN_COUNTY);
	}

	static int elderly(String county, int age) {
		boolean zy = county.equals(Geography.URBAN_COUNTY);
		return age >= 100 ? (zy ? 600 : 500) : age >= 90 ? 200 : 100;
	}

	static List<Standard> standards() {
		List<Standard> out = new ArrayList<>();
		for (String c : List.of(Geography.URBAN_COUNTY, Geography.RURAL_COUNTY)) {
			boolean zy = c.equals(Geography.URBAN_COUNTY);
			out.add(money(c, "DIBAO_URBAN", "标准", TABLE_FROM, dibaoStandard(c, false, M1)));
			out.add(money(c, "DIBAO_URBAN", "标准", M2, dibaoStandard(c, false, M2)));
			out.add(money(c, "DIBAO_URBAN", "最低补差", TABLE_FROM, zy ? 80 : 70));
			out.add(money(c, "DIBAO_RURAL", "标准", TABLE_FROM, dibaoStandard(c, true, M1)));
			out.add(money(c, "DIBAO_RURAL", "最低补差", TABLE_FROM, zy ? 60 : 50));
			for (String p : List.of("DIBAO_URBAN", "DIBAO_RURAL")) {
				out.add(new Standard(c, p, "分类施保-高龄", TABLE_FROM, "10"));
				out.add(new Standard(c, p, "分类施保-重残", TABLE_FROM, "20"));
				out.add(new Standard(c, p, "分类施保-未成年", TABLE_FROM, zy ? "10" : "5"));
			}
			out.add(money(c, "TEKUN", "全自理", TABLE_FROM, zy ? 1030 : 1000));
			out.add(money(c, "TEKUN", "半护理", TABLE_FROM, zy ? 1330 : 1250));
			out.add(money(c, "TEKUN", "全护理", TABLE_FROM, zy ? 1730 : 1600));
			out.add(money(c, "ELDERLY", "80-89", TABLE_FROM, elderly(c, 80)));
			out.add(money(c, "ELDERLY", "90-99", TABLE_FROM, elderly(c, 90)));
			out.add(money(c, "ELDERLY", "100+", TABLE_FROM, elderly(c, 100)));
			out.add(money(c, "DISABILITY_LIVING", "标准", TABLE_FROM, zy ? 100 : 90));
			out.add(money(c, "DISABILITY_CARE", "一级", TABLE_FROM, zy ? 120 : 110));
			out.add(money(c, "DISABILITY_CARE", "二级", TABLE_FROM, zy ? 100 : 90));
			if (paysGrades3And4(c)) {
				out.add(money(c, "DISABILITY_CARE", "三级智力精神", TABLE_FROM, 80));
				out.add(money(c, "DISABILITY_CARE", "四级智力精神", TABLE_FROM, 60));
			}
			out.add(money(c, "ORPHAN", "机构", TABLE_FROM, 1900));
			out.add(money(c, "ORPHAN", "散居", TABLE_FROM, 1450));
			out.add(money(c, "DE_FACTO_CHILD", "标准", TABLE_FROM, 1450));
			out.add(money(c, "TEMP_ASSIST", "单次上限", TABLE_FROM, tempAssistCap(c)));
			out.add(new Standard(c, "PARAM", "渐退月数", TABLE_FROM, "6"));
			out.add(new Standard(c, "PARAM", "补发上限月数", TABLE_FROM, "12"));
		}
		return out;
	}

	static int tempAssistCap(String county) {
		return county.equals(Geography.URBAN_COUNTY) ? 4500 : 4000;
	}

	private static Standard money(String county, String program, String category, YearMonth from, int yuan) {
		return new Standard(county, program, category, from, yuan + ".00");
	}

	static List<Cpi> cpi() {
		return List.of(new Cpi(M1, "1.8", "3.2"), new Cpi(M2, "2.6", "6.4"), new Cpi(M3, "2.1", "4.5"));
	}
}
