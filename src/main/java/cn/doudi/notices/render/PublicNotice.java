package cn.doudi.notices.render;

import java.math.BigDecimal;
import java.util.List;

/**
 * A village's or community's monthly public notice (公示), every text already worded: the renderers only
 * lay it out. {@code footer} are the lines under the table (period, hotline, how to object).
 */
public record PublicNotice(String title, String lead, String place, List<NoticeRow> rows, BigDecimal total,
		List<String> footer, String issuer, String issueDate) {

	public PublicNotice {
		rows = List.copyOf(rows);
		footer = List.copyOf(footer);
	}

	/** The label of the totals row. */
	public String totalLabel() {
		return "合计（共" + rows.size() + "条）";
	}
}
