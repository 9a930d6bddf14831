package cn.doudi.notices.render;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The two parts of a public notice's XLSX that hold its text — the sheet ({@code xl/worksheets/sheet1.xml})
 * and the shared strings ({@code xl/sharedStrings.xml}) — written as text, byte for byte as POI 5.5.1 and
 * XMLBeans write them for the calls {@link PublicNoticeWorkbook} makes: the same elements and attributes in
 * the same order (an attribute keeps the place of its first setting), the strings numbered in the order the
 * cells are filled, numbers as {@link String#valueOf(double)}. Only for {@linkplain #plain plain} texts, which
 * XMLBeans writes as they are; the others go through POI. {@code NoticeSheetXmlTests} holds the bytes equal.
 */
final class NoticeSheetXml {

	private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	/** POI's row limit is far above a village's rows; beyond this POI's own checks decide. */
	private static final int MAX_ROWS = 1_000_000;

	/** Excel's (and POI's) longest cell text. */
	private static final int MAX_TEXT = 32_767;

	private static final char[] COLUMNS = { 'A', 'B', 'C', 'D', 'E', 'F', 'G' };

	/** The cell styles' numbers, in the order {@code PublicNoticeWorkbook.Styles} makes them. */
	private static final int TITLE = 1, WRAPPED = 2, RIGHT = 3, HEADER = 4, CELL = 5, CELL_LEFT = 6, MONEY = 7,
			MONEY_BOLD = 8;

	private final StringBuilder sheet = new StringBuilder(64 * 1024);
	private final StringBuilder strings = new StringBuilder(16 * 1024);
	private final Map<String, Integer> index = new HashMap<>();
	private int count;

	private NoticeSheetXml() {
	}

	/** The sheet and the shared strings, UTF-8: {@code [0]} the sheet, {@code [1]} the strings. */
	static byte[][] of(PublicNotice notice, String[] header, int[] widths) {
		return new NoticeSheetXml().write(notice, header, widths);
	}

	/**
	 * True when every text of the notice is one XMLBeans writes unchanged and POI takes as it is: no character
	 * XML escapes or replaces ({@code < > & "}, controls, unpaired surrogates, U+FFFE/U+FFFF), no leading or
	 * trailing white space (POI marks it {@code xml:space="preserve"}), none longer than a cell holds, and a
	 * number of rows far within POI's limit.
	 */
	static boolean plain(PublicNotice notice, String[] header) {
		if (notice.rows().size() > MAX_ROWS) {
			return false;
		}
		if (!plain(notice.title()) || !plain(notice.lead()) || !plain(notice.place()) || !plain(notice.totalLabel())
				|| !plain(notice.issuer()) || !plain(notice.issueDate())) {
			return false;
		}
		for (String h : header) {
			if (!plain(h)) {
				return false;
			}
		}
		for (String f : notice.footer()) {
			if (!plain(f)) {
				return false;
			}
		}
		for (NoticeRow r : notice.rows()) {
			if (!plain(r.name()) || !plain(r.maskedId()) || !plain(r.program()) || !plain(r.remark())) {
				return false;
			}
		}
		return true;
	}

	static boolean plain(String text) {
		if (text == null || text.length() > MAX_TEXT) {
			return false;
		}
		int n = text.length();
		if (n > 0 && (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(n - 1)))) {
			return false;
		}
		for (int i = 0; i < n; i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '"' || c == '\'' || c == 0xFFFE || c == 0xFFFF) {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= n || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	private byte[][] write(PublicNotice notice, String[] header, int[] widths) {
		int last = header.length - 1;
		List<NoticeRow> rows = notice.rows();
		// the rows as PublicNoticeWorkbook fills them: 1 title, 2 lead, 3 place, 4 header, the notice's rows,
		// the totals, a blank row, the footer, a blank row, the issuer and the date
		int totalRow = 5 + rows.size();
		int firstFooter = totalRow + 2;
		int issuerRow = firstFooter + notice.footer().size() + 1;
		int lastRow = issuerRow + 1;

		sheet.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\"").append(MAIN)
			.append("\"><sheetPr><pageSetUpPr fitToPage=\"true\"/></sheetPr><dimension ref=\"A1:")
			.append(COLUMNS[last]).append(lastRow)
			.append("\"/><sheetViews><sheetView workbookViewId=\"0\" tabSelected=\"true\"/></sheetViews>"
					+ "<sheetFormatPr defaultRowHeight=\"15.0\"/><cols>");
		for (int c = 0; c <= last; c++) {
			sheet.append("<col min=\"").append(c + 1).append("\" max=\"").append(c + 1).append("\" width=\"")
				.append(String.valueOf((double) widths[c])).append("\" customWidth=\"true\"/>");
		}
		sheet.append("</cols><sheetData>");

		tallRow(1, "30.0", notice.title(), TITLE);
		tallRow(2, "48.0", notice.lead(), WRAPPED);
		row(3);
		text(0, 3, notice.place(), 0);
		text(5, 3, "单位：元", RIGHT);
		sheet.append("</row>");
		row(4);
		for (int c = 0; c <= last; c++) {
			text(c, 4, header[c], HEADER);
		}
		sheet.append("</row>");
		int r = 5;
		int seq = 1;
		for (NoticeRow nr : rows) {
			row(r);
			number(0, r, seq++, CELL);
			text(1, r, nr.name(), CELL);
			text(2, r, nr.maskedId(), CELL);
			text(3, r, nr.program(), CELL_LEFT);
			number(4, r, nr.members(), CELL);
			number(5, r, nr.amount().doubleValue(), MONEY);
			text(6, r, nr.remark(), CELL_LEFT);
			sheet.append("</row>");
			r++;
		}
		row(totalRow);
		text(0, totalRow, notice.totalLabel(), HEADER);
		for (int c = 1; c <= last; c++) {
			if (c == 5) {
				// styled first, then given its value: the style attribute comes before the type
				cell(c, totalRow).append("\" s=\"").append(MONEY_BOLD).append("\" t=\"n\"><v>")
					.append(String.valueOf(notice.total().doubleValue())).append("</v></c>");
			}
			else {
				cell(c, totalRow).append("\" s=\"").append(HEADER).append("\"/>");
			}
		}
		sheet.append("</row>");
		r = firstFooter;
		for (String line : notice.footer()) {
			tallRow(r++, "34.0", line, WRAPPED);
		}
		for (String line : new String[] { notice.issuer(), notice.issueDate() }) {
			row(issuerRow);
			text(4, issuerRow, line, RIGHT);
			sheet.append("</row>");
			issuerRow++;
		}
		sheet.append("</sheetData><mergeCells count=\"").append(7 + notice.footer().size()).append("\">");
		merge(0, last, 1);
		merge(0, last, 2);
		merge(0, 4, 3);
		merge(5, last, 3);
		merge(0, 4, totalRow);
		for (int i = 0; i < notice.footer().size(); i++) {
			merge(0, last, firstFooter + i);
		}
		merge(4, last, lastRow - 1);
		merge(4, last, lastRow);
		sheet.append("</mergeCells><printOptions horizontalCentered=\"true\"/><pageMargins bottom=\"0.75\""
				+ " footer=\"0.3\" header=\"0.3\" left=\"0.7\" right=\"0.7\" top=\"0.75\"/><pageSetup"
				+ " usePrinterDefaults=\"false\" paperSize=\"9\" fitToWidth=\"1\" fitToHeight=\"0\"/></worksheet>");

		StringBuilder sst = new StringBuilder(strings.length() + 200);
		sst.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst count=\"").append(count)
			.append("\" uniqueCount=\"").append(index.size()).append("\" xmlns=\"").append(MAIN).append("\">")
			.append(strings).append("</sst>");
		return new byte[][] { sheet.toString().getBytes(StandardCharsets.UTF_8),
				sst.toString().getBytes(StandardCharsets.UTF_8) };
	}

	private void row(int r) {
		sheet.append("<row r=\"").append(r).append("\">");
	}

	/** A row of one merged text, its height set. */
	private void tallRow(int r, String height, String text, int style) {
		sheet.append("<row r=\"").append(r).append("\" ht=\"").append(height).append("\" customHeight=\"true\">");
		text(0, r, text, style);
		sheet.append("</row>");
	}

	private StringBuilder cell(int c, int r) {
		return sheet.append("<c r=\"").append(COLUMNS[c]).append(r);
	}

	/** A text cell: filled, then styled (type before style). */
	private void text(int c, int r, String text, int style) {
		cell(c, r).append("\" t=\"s\" s=\"").append(style).append("\"><v>").append(string(text)).append("</v></c>");
	}

	private void number(int c, int r, double value, int style) {
		cell(c, r).append("\" t=\"n\" s=\"").append(style).append("\"><v>").append(String.valueOf(value))
			.append("</v></c>");
	}

	/** The shared string's number, the string added on its first use. */
	private int string(String text) {
		count++;
		Integer known = index.get(text);
		if (known != null) {
			return known;
		}
		int n = index.size();
		index.put(text, n);
		if (text.isEmpty()) {
			strings.append("<si><t/></si>");
		}
		else {
			strings.append("<si><t>").append(text).append("</t></si>");
		}
		return n;
	}

	private void merge(int from, int to, int r) {
		sheet.append("<mergeCell ref=\"").append(COLUMNS[from]).append(r).append(':').append(COLUMNS[to]).append(r)
			.append("\"/>");
	}
}
