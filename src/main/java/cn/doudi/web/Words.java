package cn.doudi.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import cn.doudi.kernel.FindingCode;
import cn.doudi.kernel.Terms;

/**
 * The words a person reads where the data holds codes (the console's pages and its XLSX): a finding code's,
 * an effect's, a status's, a decision's and a program's Chinese name (the code itself when unknown), a
 * region's name with its code beside, amounts with thousands separators ({@code #,##0.00}), Beijing time (the shared {@link Terms}), and
 * the review's messages with the command line's option names in the console's words. Codes stay where a
 * machine reads (addresses, form values, CSV). Every page has it as {@code words} ({@link Viewer}).
 */
public final class Words {

	static final Words INSTANCE = new Words();

	static final ZoneId BEIJING = Terms.BEIJING;

	/** Option names of the command line as the console's fields call them. */
	private static final Map<String, String> OPTIONS = Map.of("--note", "备注", "--amount", "追回金额", "--county", "区县",
			"--month", "月份", "--user", "用户");

	private Words() {
	}

	/** A finding code's name ({@code 身份证号相同姓名不一致}), or the text as it is. */
	public String code(String code) {
		return Terms.finding(code);
	}

	/** An effect's name (HOLD → 暂停发放待核实). */
	public String effect(String effect) {
		return Terms.effect(effect);
	}

	/** A finding's or run's status (OPEN → 待处理). */
	public String status(String status) {
		return Terms.status(status);
	}

	/** A decision on a finding (CONFIRM → 确认). */
	public String decision(String decision) {
		return Terms.decision(decision);
	}

	/** A program's name (ELDERLY → 高龄津贴). */
	public String program(String program) {
		return Terms.program(program);
	}

	/** Programs as stored ({@code DIBAO_URBAN;ELDERLY}) as names joined by 、. */
	public String programs(String programs) {
		return Terms.programs(programs);
	}

	/** A region's name with its code beside ({@code 中原区（410102）}), or the code alone when no name is known. */
	public String region(String code, String name) {
		return Terms.region(code, name);
	}

	/** Yuan with thousands separators and two decimals ({@code 1,234,567.80}). */
	public String money(BigDecimal amount) {
		return Terms.money(amount);
	}

	/** Yuan written as digits ("1234.5") with thousands separators; the text itself when it is not a number. */
	public String money(String amount) {
		if (amount == null || amount.isBlank()) {
			return "";
		}
		try {
			return money(new BigDecimal(amount.strip()));
		}
		catch (NumberFormatException e) {
			return amount;
		}
	}

	/** An instant in Beijing time ({@code 2026-10-25 14:03:07}). */
	public String time(Instant instant) {
		return Terms.time(instant);
	}

	/** A façade's message with the command line's option names as the console's fields are named. */
	public String message(String message) {
		if (message == null) {
			return null;
		}
		String m = message;
		for (Map.Entry<String, String> o : OPTIONS.entrySet()) {
			m = m.replace("（" + o.getKey() + "）", "（" + o.getValue() + "）");
		}
		return m;
	}

	/** The finding codes in catalogue order. */
	public List<FindingCode> codes() {
		return List.of(FindingCode.values());
	}
}
