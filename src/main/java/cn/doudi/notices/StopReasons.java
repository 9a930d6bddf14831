package cn.doudi.notices;

import java.util.Map;

/** The stop reasons of RULES.md "Stops" in Chinese: a short name and the clause of the decision. */
final class StopReasons {

	private static final Map<String, String[]> REASONS = Map.of(
			"DECEASED", new String[] { "死亡", "经核实，享受对象已死亡" },
			"REMOVED_FROM_ROSTER", new String[] { "退出名册", "经审核，已退出社会救助对象名册" },
			"END_MONTH", new String[] { "保障期满", "保障期限已满" },
			"AGED_OUT", new String[] { "年满18周岁", "享受对象已年满18周岁，不再符合享受条件" },
			"GRADUAL_EXIT_END", new String[] { "渐退期满", "低保渐退期已满" });

	private StopReasons() {
	}

	/** The short name (停发原因), or the code itself for a reason this table does not know. */
	static String name(String code) {
		String[] r = REASONS.get(code);
		return r == null ? code : r[0];
	}

	/** The clause that gives the reason in the decision ({@code 因…}). */
	static String clause(String code) {
		String[] r = REASONS.get(code);
		return r == null ? "停发原因为" + code : r[1];
	}
}
