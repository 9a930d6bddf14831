package cn.doudi.notices.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * The public notice as an A4 PDF in the usual form: the title, the lead paragraph, the place and unit,
 * the table (header repeated on every page, a totals row), then the period, hotline and how to object,
 * the issuer and date, and 第 x 页 共 y 页 under every page. The closing part never stands alone on a page:
 * when it would spill over, the table's last rows go over with it.
 */
public final class PublicNoticePdf {

	private static final String[] HEADER = { "序号", "户主/姓名", "身份证号", "救助项目", "保障人数", "金额（元）", "备注" };
	private static final float[] COLUMNS = { 28, 56, 104, 120, 44, 64, 67 };
	private static final int LEFT_ALIGNED = 0, CENTRED = 1, RIGHT_ALIGNED = 2;
	private static final int[] ALIGN = { CENTRED, CENTRED, CENTRED, LEFT_ALIGNED, CENTRED, RIGHT_ALIGNED, LEFT_ALIGNED };
	private static final float CELL_SIZE = 9;
	private static final float CELL_LEADING = 12;
	private static final float PAD = 3;

	private final CjkFont font;
	private final int level;

	public PublicNoticePdf(CjkFont font) {
		this(font, Flate.LEVEL);
	}

	/** Its streams deflated at {@code level} (tests: the same notice at PDFBox's level). */
	PublicNoticePdf(CjkFont font, int level) {
		this.font = font;
		this.level = level;
	}

	/**
	 * Writes the notice to {@code target}; {@code date} stamps the document, {@code key} names it (its /ID).
	 * Returns the characters no font has (printed as {@code ?}), in order.
	 */
	public Set<Integer> write(PublicNotice notice, Path target, LocalDate date, String key) {
		try (PDDocument document = new PDDocument(); Canvas canvas = new Canvas(document, font, level)) {
			canvas.newPage();
			float y = Canvas.TOP;
			for (String line : canvas.wrap(notice.title(), 18, Canvas.RIGHT - Canvas.LEFT)) {
				y -= 26;
				canvas.centered(line, Canvas.WIDTH / 2, y, 18, true);
			}
			y = canvas.paragraph(notice.lead(), y - 8, 11, 19, true);
			y -= 24;
			canvas.text(notice.place(), Canvas.LEFT, y, 10, false);
			canvas.rightAligned("单位：元", Canvas.RIGHT, y, 10, false);
			y -= 6;
			y = header(canvas, y);
			List<NoticeRow> rows = notice.rows();
			// the closing paragraphs never stand alone on a page: the last rows go over with them
			int keep = Math.min(KEEP_WITH_FOOTER, rows.size());
			float tail = TOTALS_HEIGHT + footerHeight(canvas, notice);
			for (int i = 0; i < rows.size(); i++) {
				if (i == rows.size() - keep && i > 0) {
					float group = tail;
					for (int j = i; j < rows.size(); j++) {
						group += rowHeight(canvas, cells(rows.get(j), j));
					}
					if (y - group < Canvas.BOTTOM && group + rowHeight(canvas, HEADER) <= Canvas.TOP - Canvas.BOTTOM) {
						canvas.newPage();
						y = header(canvas, Canvas.TOP);
					}
				}
				y = row(canvas, y, cells(rows.get(i), i), false);
			}
			y = totals(canvas, y, notice);
			footer(canvas, y, notice);
			canvas.close();
			pageNumbers(document, canvas);
			canvas.subsetFonts();
			StablePdf.save(document, target, notice.title(), date, key);
			return new java.util.LinkedHashSet<>(canvas.missing());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** How many of the last rows go to a new page with the totals and the closing paragraphs, if these would spill. */
	private static final int KEEP_WITH_FOOTER = 3;
	private static final float TOTALS_HEIGHT = CELL_LEADING + 2 * PAD + 4;

	private static String[] cells(NoticeRow r, int i) {
		return new String[] { Integer.toString(i + 1), r.name(), r.maskedId(), r.program(), Integer.toString(r.members()),
				Amounts.format(r.amount()), r.remark() };
	}

	private static float rowHeight(Canvas canvas, String[] cells) {
		int height = 1;
		for (int c = 0; c < cells.length; c++) {
			height = Math.max(height, canvas.wrap(cells[c], CELL_SIZE, COLUMNS[c] - 2 * PAD).size());
		}
		return height * CELL_LEADING + 2 * PAD + 4;
	}

	/** The height the closing paragraphs, the issuer and the date take below the table. */
	private static float footerHeight(Canvas canvas, PublicNotice notice) {
		float needed = 0;
		for (String line : notice.footer()) {
			needed += 19 * canvas.wrap(line, 11, Canvas.RIGHT - Canvas.LEFT - 22).size();
		}
		return needed + 14 + 60;
	}

	private float header(Canvas canvas, float y) {
		return row(canvas, y, HEADER, true);
	}

	/** One table row below {@code y} (a new page with the header first when it does not fit). */
	private float row(Canvas canvas, float y, String[] cells, boolean bold) {
		List<List<String>> lines = new ArrayList<>();
		int height = 1;
		for (int c = 0; c < cells.length; c++) {
			List<String> wrapped = canvas.wrap(cells[c], CELL_SIZE, COLUMNS[c] - 2 * PAD);
			lines.add(wrapped);
			height = Math.max(height, wrapped.size());
		}
		float h = height * CELL_LEADING + 2 * PAD + 4;
		if (y - h < Canvas.BOTTOM && !bold) {
			canvas.newPage();
			y = header(canvas, Canvas.TOP);
		}
		float x = Canvas.LEFT;
		for (int c = 0; c < cells.length; c++) {
			canvas.rect(x, y - h, COLUMNS[c], h, 0.6f);
			List<String> cell = lines.get(c);
			float baseline = y - (h - cell.size() * CELL_LEADING) / 2 - CELL_LEADING + 3;
			for (String line : cell) {
				int align = bold ? CENTRED : ALIGN[c];
				if (align == CENTRED) {
					canvas.centered(line, x + COLUMNS[c] / 2, baseline, CELL_SIZE, bold);
				}
				else if (align == RIGHT_ALIGNED) {
					canvas.rightAligned(line, x + COLUMNS[c] - PAD, baseline, CELL_SIZE, bold);
				}
				else {
					canvas.text(line, x + PAD, baseline, CELL_SIZE, bold);
				}
				baseline -= CELL_LEADING;
			}
			x += COLUMNS[c];
		}
		return y - h;
	}

	private float totals(Canvas canvas, float y, PublicNotice notice) {
		float h = TOTALS_HEIGHT;
		if (y - h < Canvas.BOTTOM) {
			canvas.newPage();
			y = header(canvas, Canvas.TOP);
		}
		float labelWidth = COLUMNS[0] + COLUMNS[1] + COLUMNS[2] + COLUMNS[3] + COLUMNS[4];
		float baseline = y - h / 2 - 3;
		canvas.rect(Canvas.LEFT, y - h, labelWidth, h, 0.6f);
		canvas.centered(notice.totalLabel(), Canvas.LEFT + labelWidth / 2, baseline, CELL_SIZE, true);
		canvas.rect(Canvas.LEFT + labelWidth, y - h, COLUMNS[5], h, 0.6f);
		canvas.rightAligned(Amounts.format(notice.total()), Canvas.LEFT + labelWidth + COLUMNS[5] - PAD, baseline,
				CELL_SIZE, true);
		canvas.rect(Canvas.LEFT + labelWidth + COLUMNS[5], y - h, COLUMNS[6], h, 0.6f);
		return y - h;
	}

	private void footer(Canvas canvas, float y, PublicNotice notice) {
		if (y - footerHeight(canvas, notice) < Canvas.BOTTOM) {
			canvas.newPage();
			y = Canvas.TOP;
		}
		y -= 10;
		for (String line : notice.footer()) {
			y = canvas.paragraph(line, y, 11, 19, true);
		}
		y -= 34;
		canvas.rightAligned(notice.issuer(), Canvas.RIGHT - 24, y, 11, false);
		canvas.rightAligned(notice.issueDate(), Canvas.RIGHT - 24, y - 19, 11, false);
	}

	private static void pageNumbers(PDDocument document, Canvas canvas) {
		int n = document.getNumberOfPages();
		for (int i = 0; i < n; i++) {
			PDPage page = document.getPage(i);
			canvas.onPage(page);
			canvas.centered("第 " + (i + 1) + " 页 共 " + n + " 页", Canvas.WIDTH / 2, 36, 9, false);
		}
		canvas.close();
	}
}
