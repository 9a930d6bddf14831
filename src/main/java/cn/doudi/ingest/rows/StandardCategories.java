package cn.doudi.ingest.rows;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The categories RULES.md gives each program of the policy table, and those it cannot do without. */
final class StandardCategories {

	static final String PARAM = "PARAM";
	static final Set<String> PERCENT = Set.of("分类施保-高龄", "分类施保-重残", "分类施保-未成年");
	static final Set<String> PARAMS = Set.of("渐退月数", "补发上限月数");

	private static final List<String> DIBAO = List.of("标准", "最低补差", "分类施保-高龄", "分类施保-重残", "分类施保-未成年");
	static final Map<String, List<String>> ALLOWED = Map.ofEntries(Map.entry("DIBAO_URBAN", DIBAO),
			Map.entry("DIBAO_RURAL", DIBAO), Map.entry("TEKUN", List.of("全自理", "半护理", "全护理")),
			Map.entry("ELDERLY", List.of("80-89", "90-99", "100+")), Map.entry("DISABILITY_LIVING", List.of("标准")),
			Map.entry("DISABILITY_CARE", List.of("一级", "二级", "三级智力精神", "四级智力精神")),
			Map.entry("ORPHAN", List.of("机构", "散居")), Map.entry("DE_FACTO_CHILD", List.of("标准")),
			Map.entry("TEMP_ASSIST", List.of("单次上限")), Map.entry(PARAM, List.copyOf(PARAMS)));
	static final Map<String, List<String>> NEEDED = Map.ofEntries(Map.entry("DIBAO_URBAN", List.of("标准")),
			Map.entry("DIBAO_RURAL", List.of("标准")), Map.entry("TEKUN", List.of("全自理", "半护理", "全护理")),
			Map.entry("ELDERLY", List.of("80-89", "90-99", "100+")), Map.entry("DISABILITY_LIVING", List.of("标准")),
			Map.entry("DISABILITY_CARE", List.of("一级", "二级")), Map.entry("ORPHAN", List.of("机构", "散居")),
			Map.entry("DE_FACTO_CHILD", List.of("标准")));

	private StandardCategories() {
	}

	/** Category text as operators write it ("80-89岁", "80～89") in the stored form. */
	static String normalise(String compact) {
		String s = compact.replace("周岁", "").replace("岁", "").replace('～', '-').replace('~', '-').replace('—', '-')
			.replace('－', '-').replace("以上", "+").replace("及", "");
		return s.equals("分类施保高龄") || s.equals("高龄") ? "分类施保-高龄"
				: s.equals("分类施保重残") || s.equals("重残") ? "分类施保-重残"
						: s.equals("分类施保未成年") || s.equals("未成年") ? "分类施保-未成年" : s;
	}
}
