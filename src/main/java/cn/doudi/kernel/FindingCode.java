package cn.doudi.kernel;

/** The catalogue of CHECKS.md: each finding code with its effect and whether a monitor may dismiss it. */
public enum FindingCode {

	DECEASED(Effect.STOP, false),
	PAYEE_DECEASED(Effect.HOLD, false),
	OVERPAID(Effect.INFO, false),
	DEATH_PROBABLE(Effect.HOLD, true),
	NAME_MISMATCH(Effect.HOLD, true),
	EXCLUSIVE_PROGRAMS(Effect.HOLD, true),
	DISABILITY_NOT_FOUND(Effect.HOLD, false),
	DISABILITY_GRADE_INELIGIBLE(Effect.HOLD, false),
	LIVING_SUBSIDY_NOT_POOR(Effect.HOLD, false),
	AGE_INELIGIBLE(Effect.HOLD, false),
	ASSETS_DISQUALIFY(Effect.HOLD, true),
	SHARED_ACCOUNT(Effect.HOLD, true),
	INCOME_ABOVE_STANDARD(Effect.INFO, true),
	MARRIAGE_CHANGE(Effect.INFO, true),
	POVERTY_NOT_COVERED(Effect.LEAD, true),
	SEVERE_DISABILITY_NOT_COVERED(Effect.LEAD, true);

	/** STOP: payment stops by rule; HOLD: lines held until resolved; LEAD: someone perhaps to cover; INFO: review. */
	public enum Effect {
		STOP, HOLD, LEAD, INFO
	}

	private final Effect effect;
	private final boolean dismissable;

	FindingCode(Effect effect, boolean dismissable) {
		this.effect = effect;
		this.dismissable = dismissable;
	}

	public Effect effect() {
		return effect;
	}

	/** Review findings may be dismissed; rule findings close by themselves when the data is corrected. */
	public boolean dismissable() {
		return dismissable;
	}
}
