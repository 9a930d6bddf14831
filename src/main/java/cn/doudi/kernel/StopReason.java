package cn.doudi.kernel;

/**
 * The reasons a payment key stops (RULES.md "Lines", stops), in the order the rule tries them: the first
 * that applies is the stop's reason. {@link #AGED_OUT} and {@link #GRADUAL_EXIT_END} also name the rule
 * that ends an enrollment. Each has its short Chinese name (停发原因, stops.csv readers and notices) and
 * the clause that gives the reason in the individual stop notice (告知书: {@code 因…}).
 */
public enum StopReason {

	DECEASED("死亡", "经核实，享受对象已死亡"),
	REMOVED_FROM_ROSTER("退出名册", "经审核，已退出社会救助对象名册"),
	END_MONTH("保障期满", "保障期限已满"),
	AGED_OUT("年满18周岁", "享受对象已年满18周岁，不再符合享受条件"),
	GRADUAL_EXIT_END("渐退期满", "低保渐退期已满");

	private final String chineseName;
	private final String clause;

	StopReason(String chineseName, String clause) {
		this.chineseName = chineseName;
		this.clause = clause;
	}

	/** The short name (停发原因). */
	public String chineseName() {
		return chineseName;
	}

	/** The clause that gives the reason in the stop notice's decision. */
	public String clause() {
		return clause;
	}
}
