package cn.doudi.notices.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The stop notices (告知书) of one county and month as one A4 PDF, one page per stop: the issuer and
 * title, the addressee, the facts (name, masked ID, program, reason, last paid month, stop month) in a
 * ruled table, the decision, the right to appeal and the hotline, the issuer and date.
 */
public final class StopNoticesPdf {

	private static final float LABEL_WIDTH = 120;
	private static final float FACT_HEIGHT = 26;

	private final CjkFont font;

	public StopNoticesPdf(CjkFont font) {
		this.font = font;
	}

	/** Writes the notices, a page each; returns the characters no font has (printed as {@code ?}), in order. */
	public Set<Integer> write(List<StopNotice> notices, Path target, String title, LocalDate date, String key) {
		if (notices.isEmpty()) {
			throw new IllegalArgumentException("no stop notice to write");
		}
		try (PDDocument document = new PDDocument(); Canvas canvas = new Canvas(document, font)) {
			for (StopNotice notice : notices) {
				canvas.newPage();
				page(canvas, notice);
			}
			canvas.close();
			StablePdf.save(document, target, title, date, key);
			return new java.util.LinkedHashSet<>(canvas.missing());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void page(Canvas canvas, StopNotice notice) {
		float y = Canvas.TOP - 20;
		canvas.centered(notice.issuer(), Canvas.WIDTH / 2, y, 16, true);
		y -= 36;
		canvas.centered(notice.title(), Canvas.WIDTH / 2, y, 20, true);
		y -= 16;
		canvas.line(Canvas.LEFT, y, Canvas.RIGHT, y, 1.2f);
		y -= 34;
		canvas.text(notice.addressee(), Canvas.LEFT, y, 12, false);
		y -= 18;
		for (StopNotice.Fact fact : notice.facts()) {
			canvas.rect(Canvas.LEFT, y - FACT_HEIGHT, LABEL_WIDTH, FACT_HEIGHT, 0.6f);
			canvas.rect(Canvas.LEFT + LABEL_WIDTH, y - FACT_HEIGHT, Canvas.RIGHT - Canvas.LEFT - LABEL_WIDTH,
					FACT_HEIGHT, 0.6f);
			canvas.centered(fact.label(), Canvas.LEFT + LABEL_WIDTH / 2, y - FACT_HEIGHT / 2 - 4, 11, true);
			canvas.text(fact.value(), Canvas.LEFT + LABEL_WIDTH + 10, y - FACT_HEIGHT / 2 - 4, 11, false);
			y -= FACT_HEIGHT;
		}
		y -= 10;
		for (String paragraph : notice.paragraphs()) {
			y = canvas.paragraph(paragraph, y, 12, 22, true) - 4;
		}
		y -= 50;
		canvas.rightAligned(notice.issuer() + "（盖章）", Canvas.RIGHT - 24, y, 12, false);
		canvas.rightAligned(notice.issueDate(), Canvas.RIGHT - 24, y - 22, 12, false);
	}
}
