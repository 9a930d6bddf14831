package cn.doudi.kernel;

import java.util.Comparator;
import java.util.SortedSet;
import java.util.TreeSet;

/** The catalogue of CHECKS.md: each finding code with its effect and whether a monitor may dismiss it. */
public enum FindingCode {

	DECEASED(Effect.STOP, false, "死亡人员"),
	PAYEE_DECEASED(Effect.HOLD, false, "低保户收款户主已死亡"),
	OVERPAID(Effect.INFO, false, "死亡后多发待追回"),
	DEATH_PROBABLE(Effect.HOLD, true, "疑似死亡（身份证号仅差一位）"),
	NAME_MISMATCH(Effect.HOLD, true, "身份证号相同姓名不一致"),
	EXCLUSIVE_PROGRAMS(Effect.HOLD, true, "互斥项目重复享受"),
	DISABILITY_NOT_FOUND(Effect.HOLD, false, "无有效残疾证"),
	DISABILITY_GRADE_INELIGIBLE(Effect.HOLD, false, "残疾类别等级不符"),
	LIVING_SUBSIDY_NOT_POOR(Effect.HOLD, false, "生活补贴对象非低保家庭成员"),
	AGE_INELIGIBLE(Effect.HOLD, false, "高龄津贴未满80周岁"),
	ASSETS_DISQUALIFY(Effect.HOLD, true, "家庭经济状况核对不符"),
	SHARED_ACCOUNT(Effect.HOLD, true, "多户共用收款账户"),
	INCOME_ABOVE_STANDARD(Effect.INFO, true, "家庭人均收入达到或超过标准"),
	MARRIAGE_CHANGE(Effect.INFO, true, "婚姻状况变化"),
	POVERTY_NOT_COVERED(Effect.LEAD, true, "防返贫监测对象未纳入低保特困"),
	SEVERE_DISABILITY_NOT_COVERED(Effect.LEAD, true, "重度残疾人未享受护理补贴");

	/** STOP: payment stops by rule; HOLD: lines held until resolved; LEAD: someone perhaps to cover; INFO: review. */
	public enum Effect {
		STOP("停止发放"), HOLD("暂停发放待核实"), LEAD("线索（应保尽保）"), INFO("提示核实");

		private final String chineseName;

		Effect(String chineseName) {
			this.chineseName = chineseName;
		}

		/** What the finding does to payment, in the bureau's words. */
		public String chineseName() {
			return chineseName;
		}
	}

	/** Code-point order of the codes' names: how reasons and findings are sorted in every file. */
	public static final Comparator<FindingCode> BY_NAME = Comparator.comparing(FindingCode::name);

	private final Effect effect;
	private final boolean dismissable;
	private final String chineseName;

	FindingCode(Effect effect, boolean dismissable, String chineseName) {
		this.effect = effect;
		this.dismissable = dismissable;
		this.chineseName = chineseName;
	}

	/** The code's name for operators and monitors (reports, the web console). */
	public String chineseName() {
		return chineseName;
	}

	public Effect effect() {
		return effect;
	}

	/** Review findings may be dismissed; rule findings close by themselves when the data is corrected. */
	public boolean dismissable() {
		return dismissable;
	}

	/** An empty set of codes sorted {@link #BY_NAME}, as a line's {@code reason} lists them. */
	public static SortedSet<FindingCode> sortedSet() {
		return new TreeSet<>(BY_NAME);
	}

	/** The codes joined by {@code ;} in name order ({@code payments.csv} {@code reason}). */
	public static String join(java.util.Collection<FindingCode> codes) {
		return String.join(";", codes.stream().sorted(BY_NAME).map(Enum::name).toList());
	}
}
