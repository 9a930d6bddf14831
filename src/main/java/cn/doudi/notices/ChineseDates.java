package cn.doudi.notices;

import java.time.LocalDate;
import java.time.YearMonth;

/** Months and dates as notices write them: {@code 2026年11月}, {@code 2026年11月10日}. */
final class ChineseDates {

	private ChineseDates() {
	}

	static String month(YearMonth month) {
		return month.getYear() + "年" + month.getMonthValue() + "月";
	}

	static String date(LocalDate date) {
		return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}
}
