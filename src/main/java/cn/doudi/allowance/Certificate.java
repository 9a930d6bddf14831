package cn.doudi.allowance;

/**
 * A disability certificate that counts (RULES.md "Disability certificates"): it matches the person by
 * ID and name and its status is 有效. {@code type} 1 视力 2 听力 3 言语 4 肢体 5 智力 6 精神 7 多重;
 * {@code grade} 1–4 (1 most severe).
 */
public record Certificate(String idNumber, String certificateNo, int type, int grade) {

	public static final int INTELLECTUAL = 5;
	public static final int MENTAL = 6;
}
