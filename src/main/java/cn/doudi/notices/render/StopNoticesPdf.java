package cn.doudi.notices.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The stop notices (告知书) of one county and month as one A4 PDF, two pages per stop: the notice — the
 * issuer and title, the document number (文号), the addressee, the facts (name, masked ID, program, reason,
 * last paid month, stop month) in a ruled table, the decision, the right to appeal and the hotline, the
 * issuer and date — and its receipt of service (送达回执): the document and its number, the recipient,
 * the ways of service to tick, the signatures and dates of recipient, server and witness, and what to do
 * when the recipient refuses to sign (留置送达).
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
				canvas.newPage();
				receipt(canvas, notice);
			}
			canvas.close();
			canvas.subsetFonts();
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
		y -= 24;
		canvas.centered(notice.documentNumber(), Canvas.WIDTH / 2, y, 12, false);
		y -= 12;
		canvas.line(Canvas.LEFT, y, Canvas.RIGHT, y, 1.2f);
		y -= 30;
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

	private static final float RECEIPT_LABEL = 130;

	/** The receipt of service (送达回执) of one notice, to be signed and returned to the file. */
	private static void receipt(Canvas canvas, StopNotice notice) {
		float y = Canvas.TOP - 20;
		canvas.centered(notice.issuer(), Canvas.WIDTH / 2, y, 16, true);
		y -= 36;
		canvas.centered("送达回执", Canvas.WIDTH / 2, y, 20, true);
		y -= 16;
		canvas.line(Canvas.LEFT, y, Canvas.RIGHT, y, 1.2f);
		y -= 20;
		String[][] rows = { { "送达文书", notice.title() }, { "文号", notice.documentNumber() },
				{ "受送达人", notice.recipient() }, { "送达地点", "" },
				{ "送达方式", "□直接送达  □留置送达  □邮寄送达  □委托送达" }, { "受送达人签名（盖章）", "                    年    月    日" },
				{ "代收人签名及代收理由", "                    年    月    日" }, { "送达人签名", "                    年    月    日" },
				{ "见证人签名", "                    年    月    日" }, { "备注", "" } };
		for (String[] row : rows) {
			float h = row[0].equals("备注") ? 90 : 40;
			canvas.rect(Canvas.LEFT, y - h, RECEIPT_LABEL, h, 0.6f);
			canvas.rect(Canvas.LEFT + RECEIPT_LABEL, y - h, Canvas.RIGHT - Canvas.LEFT - RECEIPT_LABEL, h, 0.6f);
			canvas.centered(row[0], Canvas.LEFT + RECEIPT_LABEL / 2, y - h / 2 - 4, 11, true);
			canvas.text(row[1], Canvas.LEFT + RECEIPT_LABEL + 10, y - h / 2 - 4, 11, false);
			y -= h;
		}
		y -= 16;
		canvas.paragraph("受送达人拒绝签收的，送达人应在备注栏注明拒收事由和日期，由送达人、见证人签名或盖章，把告知书留在受送达人的住所，即视为送达。"
				+ "本回执由送达人填写后交回" + notice.issuer() + "存档。", y, 10.5f, 19, true);
	}
}
