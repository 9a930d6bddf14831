package cn.doudi.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The words a person reads where the data holds codes, in one place for every reader (the console's
 * {@code web.Words}, the command line's lists, the reports): a finding code's, an effect's, a run's or finding's
 * status, a decision's, a program's and a bank's Chinese name (the text itself when it is no known code), a
 * region's name with its code beside ({@code 中原区（410102）}), a payroll run's name, amounts with thousands separators and Beijing time.
 */
public final class Terms {

	public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BEIJING);

	/** A payroll run's and a finding's statuses. */
	private static final Map<String, String> STATUSES = Map.ofEntries(Map.entry("RUNNING", "计算中"), Map.entry("FAILED", "失败"),
			Map.entry("DRAFT", "草稿"), Map.entry("RELEASED", "已提交待审批"), Map.entry("APPROVED", "已审批"),
			Map.entry("REPLACED", "已被重算替换"), Map.entry("REVOKED", "已撤销"), Map.entry("OPEN", "待处理"),
			Map.entry("CONFIRMED", "已确认"), Map.entry("DISMISSED", "已排除"), Map.entry("RESOLVED", "已自动关闭"),
			Map.entry("RECOVERED", "已追回"));

	private static final Map<String, String> DECISIONS = Map.of("CONFIRM", "确认", "DISMISS", "排除", "RECOVER", "登记追回");

	private Terms() {
	}

	/** Code to name of the runs' and findings' statuses (OPEN → 待处理, RELEASED → 已提交待审批). */
	public static Map<String, String> statuses() {
		return STATUSES;
	}

	/** A finding code's name ({@code NAME_MISMATCH} → 身份证号相同姓名不一致), or the text as it is. */
	public static String finding(@Nullable String code) {
		return code == null ? "" : Arrays.stream(FindingCode.values()).filter(c -> c.name().equals(code)).findFirst()
			.map(FindingCode::chineseName).orElse(code);
	}

	/** Finding codes as stored ({@code DECEASED;NAME_MISMATCH}) as names joined by ；. */
	public static String findings(@Nullable String codes) {
		return joined(codes, Terms::finding, "；");
	}

	/** An effect's name (HOLD → 暂停发放待核实). */
	public static String effect(@Nullable String effect) {
		return effect == null ? "" : Arrays.stream(FindingCode.Effect.values()).filter(e -> e.name().equals(effect))
			.findFirst().map(FindingCode.Effect::chineseName).orElse(effect);
	}

	/** A run's or finding's status (OPEN → 待处理). */
	public static String status(@Nullable String status) {
		return status == null ? "" : STATUSES.getOrDefault(status, status);
	}

	/** A decision on a finding (CONFIRM → 确认). */
	public static String decision(@Nullable String decision) {
		return decision == null ? "" : DECISIONS.getOrDefault(decision, decision);
	}

	/** A program's name (ELDERLY → 高龄津贴). */
	public static String program(@Nullable String program) {
		return program == null ? "" : Program.parse(program).map(Program::chineseName).orElse(program);
	}

	/** Programs as stored ({@code DIBAO_URBAN;ELDERLY}) as names joined by 、. */
	public static String programs(@Nullable String programs) {
		return joined(programs, Terms::program, "、");
	}

	/** A bank's name (ICBC → 中国工商银行), or the text as it is. */
	public static String bank(@Nullable String code) {
		return code == null ? "" : Bank.parse(code).map(Bank::chineseName).orElse(code);
	}

	/** A region's name with its code beside ({@code 中原区（410102）}), or the code alone when no name is known. */
	public static String region(@Nullable String code, @Nullable String name) {
		if (code == null || code.isBlank()) {
			return "";
		}
		return name == null || name.isBlank() ? code : name + "（" + code + "）";
	}

	/**
	 * A payroll run as a person names it: its county, month and which computation of that month it is
	 * ({@code 中原区（410102） 2026-10 第 2 次计算}), not its batch number.
	 */
	public static String run(String county, @Nullable String countyName, YearMonth month, int revision) {
		return region(county, countyName) + " " + month + " 第 " + revision + " 次计算";
	}

	/** Yuan with thousands separators and two decimals ({@code 1,234,567.80}). */
	public static String money(@Nullable BigDecimal amount) {
		if (amount == null) {
			return "";
		}
		DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		f.setRoundingMode(RoundingMode.HALF_UP);
		return f.format(amount);
	}

	/** An instant in Beijing time ({@code 2026-10-25 14:03:07}). */
	public static String time(@Nullable Instant instant) {
		return instant == null ? "" : TIME.format(instant);
	}

	private static String joined(@Nullable String codes, java.util.function.UnaryOperator<String> word, String separator) {
		if (codes == null || codes.isBlank()) {
			return "";
		}
		return Arrays.stream(codes.split(";")).map(String::strip).filter(p -> !p.isEmpty()).map(word)
			.collect(Collectors.joining(separator));
	}
}
