package cn.doudi.payroll;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Locale;

/**
 * Where a month-end stands, as its job records it in the job repository ({@link MonthEndProgresses}): the
 * run and county being run, the {@code countyNo}-th of {@code countyCount} counties of that month-end, the step
 * ({@link Step}), the lines written so far of the lines computed, and when the county's job started and
 * ended ({@code ended} null while it runs). The same from every process sharing the database.
 */
public record MonthEndProgress(long runId, String county, YearMonth month, int countyNo, int countyCount, Step step,
		long linesWritten, long linesTotal, Instant started, Instant ended) {

	/** The steps of a county's month-end, in order, with their Chinese names. */
	public enum Step {
		CHECKS("交叉核对"), LINES("计算并写入发放明细"), FILES("生成文件"), DONE("已完成"), FAILED("失败");

		private final String title;

		Step(String title) {
			this.title = title;
		}

		public String title() {
			return title;
		}
	}

	public boolean running() {
		return step == Step.CHECKS || step == Step.LINES || step == Step.FILES;
	}

	/** Counties whose lines are computed. */
	public int countiesDone() {
		return step == Step.CHECKS || step == Step.LINES || step == Step.FAILED ? countyNo - 1 : countyNo;
	}

	/** In Chinese, e.g. {@code 第 2/5 个区县（410102）：计算并写入发放明细，已写 3,000 条发放明细（共 8,120 条）}. */
	public String text() {
		return text(null);
	}

	/** As {@link #text()}, the county named where its name is known ({@code 第 1/1 个区县（中原区 410102）：…}). */
	public String text(String countyName) {
		String shown = countyName == null || countyName.isBlank() ? county : countyName + " " + county;
		String lines = step == Step.CHECKS ? ""
				: String.format(Locale.ROOT, "，已写 %,d 条发放明细%s", linesWritten,
						linesTotal > 0 ? String.format(Locale.ROOT, "（共 %,d 条）", linesTotal) : "");
		return String.format(Locale.ROOT, "第 %d/%d 个区县（%s）：%s%s", countyNo, countyCount, shown, step.title(), lines);
	}
}
