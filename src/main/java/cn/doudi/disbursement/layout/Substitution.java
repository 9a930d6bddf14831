package cn.doudi.disbursement.layout;

import java.util.List;

/**
 * What a layout had to change in one field of one record so that the file could be written (OUTPUTS.md:
 * a character that a layout's encoding cannot represent never stops a county's file): the record's seq
 * (0 for the header and trailer) and person, the field, the value as written and, in Chinese, each thing
 * that was changed — a character the encoding lacks or a control character replaced by the layout's
 * {@code unmappable} substitute, the separator replaced, a too-long free text cut at a character boundary.
 * Month-end prints one warning per substitution, so that finance can settle the name with the bank.
 */
public record Substitution(int seq, String idNumber, Value field, String written, List<String> changes) {

	public Substitution {
		changes = List.copyOf(changes);
	}

	/** {@code 户名中的“𠀾”（U+2003E）GBK 无法表示，写作“王?华”} (the field by its Chinese name: finance reads it). */
	public String describe() {
		return field.label() + String.join("，", changes) + "，写作“" + written + "”";
	}
}
