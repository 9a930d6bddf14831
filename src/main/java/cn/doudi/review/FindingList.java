package cn.doudi.review;

import java.util.List;

/** One page of the findings list (masked), the total of the filtered list and the number of pages. */
public record FindingList(List<Row> rows, long total, int page, int pages) {

	/** A finding (masked) with the names of its county and village (codes beside; "" when unknown). */
	public record Row(FindingView finding, String countyName, String villageCode, String villageName) {
	}
}
