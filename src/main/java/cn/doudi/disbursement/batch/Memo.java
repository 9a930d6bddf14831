package cn.doudi.disbursement.batch;

import java.time.YearMonth;

import cn.doudi.kernel.Program;

/** The 摘要 of a bank line: program's Chinese name and pay month ({@code 城市最低生活保障2026年11月}), {@code 补发} first for arrears. */
public final class Memo {

	private Memo() {
	}

	public static String of(Program program, YearMonth payMonth, boolean arrears) {
		return (arrears ? "补发" : "") + program.chineseName() + payMonth.getYear() + "年" + payMonth.getMonthValue() + "月";
	}
}
