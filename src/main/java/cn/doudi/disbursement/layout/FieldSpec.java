package cn.doudi.disbursement.layout;

import java.time.format.DateTimeFormatter;

/**
 * One field of a record: a {@link Value} (or a fixed {@code text}); for fixed-width layouts its width in
 * bytes of the layout's encoding, alignment and pad character; {@code pattern} for dates and months;
 * {@code truncate} to cut a too-long value instead of refusing it.
 */
public record FieldSpec(Value value, String text, int width, boolean alignRight, char pad,
		DateTimeFormatter pattern, boolean truncate) {

	public String describe() {
		return value == Value.TEXT ? "text '" + text + "'" : value.key();
	}
}
