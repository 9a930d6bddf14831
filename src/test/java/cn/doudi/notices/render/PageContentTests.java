package cn.doudi.notices.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.junit.jupiter.api.Test;

/**
 * {@link PageContent} writes the bytes PDFBox's {@code PDPageContentStream} writes: two documents drawn with the
 * same calls, one through each, saved alike, are the same file — pages of text in the main font (with spaces,
 * an ideographic space, digits, masked IDs, bold) and in the fallback font (CJK Extensions A and B),
 * lines and rectangles at fractional positions, and page numbers appended to pages already drawn — PDFBox with
 * its own fonts ({@code PDType0Font.load}, subset on save), ours with {@link EmbeddedFont}.
 */
class PageContentTests {

	static final CjkFont font = TestFonts.cjk();

	/** The calls both documents are drawn with. */
	interface Page {

		void beginText() throws IOException;

		void endText() throws IOException;

		void setRenderingMode(RenderingMode mode) throws IOException;

		void setLineWidth(float width) throws IOException;

		void newLineAtOffset(float x, float y) throws IOException;

		/** The face's font ({@code 0}: the main font) of the document the page belongs to. */
		void setFont(int face, float size) throws IOException;

		void showText(String text) throws IOException;

		void moveTo(float x, float y) throws IOException;

		void lineTo(float x, float y) throws IOException;

		void stroke() throws IOException;

		void addRect(float x, float y, float w, float h) throws IOException;

		void close() throws IOException;
	}

	interface Pages {

		Page newPage(PDDocument document, PDPage page) throws IOException;

		Page append(PDDocument document, PDPage page) throws IOException;

		void beforeSave() throws IOException;
	}

	static final List<String> TEXTS = List.of("建新社区2026年10月城乡低保等救助对象公示", "区划：中原区 林山寨街道 建新社区",
			"410102********0011", "1,380.00", "第 1 页 共 3 页", "a b  c ", " ", "王\u3000五", "\u3000", "合计（共668条）");

	static void draw(PDDocument document, Pages pages) throws IOException {
		int main = 0;
		int[] rareCharacters = { 0x4DAE, 0x2003E };
		for (int p = 0; p < 2; p++) {
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			Page content = pages.newPage(document, page);
			float y = 780.25f;
			for (String text : TEXTS) {
				content.beginText();
				boolean bold = text.length() % 2 == 0;
				if (bold) {
					content.setRenderingMode(RenderingMode.FILL_STROKE);
					content.setLineWidth(9 / 30f);
				}
				content.newLineAtOffset(56.123456f + p, y);
				content.setFont(main, 9);
				content.showText(text);
				int rare = rareCharacters[p];
				content.setFont(font.faceOf(rare), 9);
				content.showText(Character.toString(rare));
				if (bold) {
					content.setRenderingMode(RenderingMode.FILL);
				}
				content.endText();
				content.setLineWidth(0.6f);
				content.addRect(56, y - 4.333f, 1234.5678f, 18);
				content.stroke();
				y -= 18.7f;
			}
			content.setLineWidth(1.2f);
			content.moveTo(56, y);
			content.lineTo(539.28f, y);
			content.stroke();
			content.close();
		}
		for (int p = 0; p < 2; p++) {
			Page numbers = pages.append(document, document.getPage(p));
			numbers.beginText();
			numbers.newLineAtOffset(280.5f, 36);
			numbers.setFont(main, 9);
			numbers.showText("第 " + (p + 1) + " 页 共 2 页");
			numbers.endText();
			numbers.close();
		}
		pages.beforeSave();
	}

	/** The saved document, its /ID fixed (PDFBox would hash the clock into it). */
	static byte[] save(PDDocument document) throws IOException {
		COSArray id = new COSArray();
		id.add(new COSString(new byte[] { 1, 5 }));
		id.add(new COSString(new byte[] { 1, 5 }));
		document.getDocument().getTrailer().setItem(COSName.ID, id);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		document.save(out);
		return out.toByteArray();
	}

	/** PDFBox's own fonts for a document, one per face, loaded as the notices loaded them before {@link EmbeddedFont}. */
	static PDType0Font[] pdfboxFonts(PDDocument document, List<CjkFont.Parsed> parsed) throws IOException {
		PDType0Font[] fonts = new PDType0Font[font.paths().size()];
		for (int f = 0; f < fonts.length; f++) {
			parsed.add(font.face(f).open());
			fonts[f] = PDType0Font.load(document, parsed.get(f).font(), true);
		}
		return fonts;
	}

	static Page pdfbox(PDPageContentStream s, PDType0Font[] fonts) {
		return new Page() {
			public void beginText() throws IOException { s.beginText(); }
			public void endText() throws IOException { s.endText(); }
			public void setRenderingMode(RenderingMode mode) throws IOException { s.setRenderingMode(mode); }
			public void setLineWidth(float width) throws IOException { s.setLineWidth(width); }
			public void newLineAtOffset(float x, float y) throws IOException { s.newLineAtOffset(x, y); }
			public void setFont(int face, float size) throws IOException { s.setFont(fonts[face], size); }
			public void showText(String text) throws IOException { s.showText(text); }
			public void moveTo(float x, float y) throws IOException { s.moveTo(x, y); }
			public void lineTo(float x, float y) throws IOException { s.lineTo(x, y); }
			public void stroke() throws IOException { s.stroke(); }
			public void addRect(float x, float y, float w, float h) throws IOException { s.addRect(x, y, w, h); }
			public void close() throws IOException { s.close(); }
		};
	}

	static Page ours(PageContent s, CjkFont.Embedded fonts) {
		return new Page() {
			public void beginText() throws IOException { s.beginText(); }
			public void endText() throws IOException { s.endText(); }
			public void setRenderingMode(RenderingMode mode) throws IOException { s.setRenderingMode(mode); }
			public void setLineWidth(float width) throws IOException { s.setLineWidth(width); }
			public void newLineAtOffset(float x, float y) throws IOException { s.newLineAtOffset(x, y); }
			public void setFont(int face, float size) throws IOException { s.setFont(fonts.font(face), size); }
			public void showText(String text) throws IOException { s.showText(text); }
			public void moveTo(float x, float y) throws IOException { s.moveTo(x, y); }
			public void lineTo(float x, float y) throws IOException { s.lineTo(x, y); }
			public void stroke() throws IOException { s.stroke(); }
			public void addRect(float x, float y, float w, float h) throws IOException { s.addRect(x, y, w, h); }
			public void close() throws IOException { s.close(); }
		};
	}

	@Test
	void theSameCallsWriteTheSameFileAsPdfboxsContentStream() throws IOException {
		assertThat(font.paths()).as("the main font and the Hanazono fallbacks (fonts-hanazono)").hasSizeGreaterThan(1);
		byte[] expected;
		List<CjkFont.Parsed> parsed = new java.util.ArrayList<>();
		try (PDDocument document = new PDDocument()) {
			PDType0Font[] fonts = pdfboxFonts(document, parsed);
			draw(document, new Pages() {
				public Page newPage(PDDocument d, PDPage page) throws IOException {
					return pdfbox(new PDPageContentStream(d, page), fonts);
				}

				public Page append(PDDocument d, PDPage page) throws IOException {
					return pdfbox(new PDPageContentStream(d, page, PDPageContentStream.AppendMode.APPEND, true), fonts);
				}

				public void beforeSave() {
					// PDDocument.save subsets the fonts PDFBox's content streams registered
				}
			});
			expected = save(document);
		}
		finally {
			for (CjkFont.Parsed p : parsed) {
				p.close();
			}
		}
		byte[] actual;
		try (PDDocument document = new PDDocument()) {
			// at PDFBox's own level: the same bytes (the notices deflate at Flate.LEVEL, PublicNoticePdfLevelTests)
			PageContent.Subsets subsets = new PageContent.Subsets(org.apache.pdfbox.filter.Filter.getCompressionLevel());
			CjkFont.Embedded fonts = font.embedIn(document);
			draw(document, new Pages() {
				public Page newPage(PDDocument d, PDPage page) throws IOException {
					return ours(PageContent.of(d, page, subsets), fonts);
				}

				public Page append(PDDocument d, PDPage page) throws IOException {
					return ours(PageContent.appendedTo(d, page, subsets), fonts);
				}

				public void beforeSave() throws IOException {
					subsets.subsetFonts(d());
				}

				PDDocument d() {
					return document;
				}
			});
			actual = save(document);
		}

		assertThat(actual).hasSizeGreaterThan(2000).isEqualTo(expected);
	}
}
