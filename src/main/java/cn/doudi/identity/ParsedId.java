package cn.doudi.identity;

/** The outcome of {@link IdNumber#parse}: a valid ID, or the reason (Chinese, for operators) it is not. */
public sealed interface ParsedId {

	/** The normalised text as read (before any 15 → 18 conversion). */
	String normalised();

	/** A valid ID; {@code convertedFrom} is the 15-digit original when it was converted, else null. */
	record Valid(IdNumber id, String convertedFrom) implements ParsedId {
		@Override
		public String normalised() {
			return convertedFrom != null ? convertedFrom : id.value();
		}
	}

	/**
	 * Not a valid ID. {@code rightShape} is true when it has the shape of an ID (17 digits and a
	 * digit or X, or 15 digits) but fails the check digit or the birth date: a death record with such
	 * an ID is kept (INPUTS.md), because it can still identify someone through DEATH_PROBABLE.
	 */
	record Invalid(String normalised, String reason, boolean rightShape) implements ParsedId {
	}
}
