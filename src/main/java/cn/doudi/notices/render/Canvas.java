package cn.doudi.notices.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Drawing on A4 pages with the CJK fonts: text (bold is the font filled and stroked, as the font has
 * no bold face; a character the main font lacks is drawn from the first fallback font that has it), centred
 * and right-aligned text, wrapping by width (any character may break a line, as in Chinese typesetting,
 * except before closing punctuation), lines and rectangles. Coordinates are PDF points from the bottom left.
 * The characters no font has (printed as {@code ?}) are collected in {@link #missing()}.
 */
final class Canvas implements AutoCloseable {

	static final float WIDTH = PDRectangle.A4.getWidth();
	static final float HEIGHT = PDRectangle.A4.getHeight();
	static final float LEFT = 56;
	static final float RIGHT = WIDTH - 56;
	static final float TOP = HEIGHT - 64;
	static final float BOTTOM = 64;

	/** Punctuation that never starts a line (避头点): it hangs at the end of the line before. */
	private static final String NO_LINE_START = "，。、；：！？）》」』”’,.;:!?)%";

	private final PDDocument document;
	private final CjkFont cjk;
	private final CjkFont.Embedded fonts;
	private final Set<Integer> missing = new LinkedHashSet<>();
	private final PageContent.Subsets subsets;
	private PageContent content;

	/** Drawing on {@code document}, its streams deflated at the notices' level ({@link Flate#LEVEL}). */
	Canvas(PDDocument document, CjkFont cjk) {
		this(document, cjk, Flate.LEVEL);
	}

	/** Drawing on {@code document}, its streams deflated at {@code level}. */
	Canvas(PDDocument document, CjkFont cjk, int level) {
		this.document = document;
		this.cjk = cjk;
		this.fonts = cjk.embedIn(document);
		this.subsets = new PageContent.Subsets(level);
	}

	/** Subsets the fonts drawn with: once, after the last page, before the document is saved. */
	void subsetFonts() {
		closeContent();
		try {
			subsets.subsetFonts(document);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The characters drawn so far that no font has (each printed as {@code ?}). */
	Set<Integer> missing() {
		return missing;
	}

	/** Starts a new page (closing the previous one's content). */
	void newPage() {
		closeContent();
		PDPage page = new PDPage(PDRectangle.A4);
		document.addPage(page);
		try {
			content = PageContent.of(document, page, subsets);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Appends to an existing page (page numbers once the page count is known). */
	void onPage(PDPage page) {
		closeContent();
		try {
			content = PageContent.appendedTo(document, page, subsets);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	float width(String text, float size) {
		return cjk.width(text) * size;
	}

	void text(String text, float x, float baseline, float size, boolean bold) {
		int single = text == null ? -1 : cjk.singleFace(text);
		List<CjkFont.Run> runs;
		if (single >= 0) {
			// the usual text: every character from one font, none missing
			runs = List.of(new CjkFont.Run(single, text));
		}
		else {
			Set<Integer> lacking = cjk.missing(text);
			if (!lacking.isEmpty()) {
				missing.addAll(lacking);
			}
			runs = cjk.runs(text);
		}
		if (runs.isEmpty()) {
			return;
		}
		try {
			content.beginText();
			if (bold) {
				content.setRenderingMode(RenderingMode.FILL_STROKE);
				content.setLineWidth(size / 30f);
			}
			content.newLineAtOffset(x, baseline);
			for (CjkFont.Run run : runs) {
				EmbeddedFont font = fonts.font(run.face());
				content.setFont(font, size);
				content.showText(run.text());
			}
			if (bold) {
				content.setRenderingMode(RenderingMode.FILL);
			}
			content.endText();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void centered(String text, float centre, float baseline, float size, boolean bold) {
		text(text, centre - width(text, size) / 2, baseline, size, bold);
	}

	void rightAligned(String text, float right, float baseline, float size, boolean bold) {
		text(text, right - width(text, size), baseline, size, bold);
	}

	/** The text broken into lines no wider than {@code max}; an empty text is one empty line. */
	List<String> wrap(String text, float size, float max) {
		return wrap(text, size, max, max);
	}

	/** As {@link #wrap(String, float, float)}, the first line no wider than {@code firstMax}. */
	List<String> wrap(String text, float size, float firstMax, float max) {
		String whole = text == null ? "" : text;
		// the width as the loop below adds it up: when the whole text fits, no line is broken
		float width = 0;
		for (int i = 0; i < whole.length();) {
			int cp = whole.codePointAt(i);
			i += Character.charCount(cp);
			width += cjk.width(cp) * size;
		}
		if (width <= firstMax) {
			return List.of(whole);
		}
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		float lineWidth = 0;
		String t = text == null ? "" : text;
		for (int i = 0; i < t.length();) {
			int cp = t.codePointAt(i);
			i += Character.charCount(cp);
			float w = cjk.width(cp) * size;
			float limit = lines.isEmpty() ? firstMax : max;
			if (!line.isEmpty() && lineWidth + w > limit && NO_LINE_START.indexOf(cp) < 0) {
				lines.add(line.toString());
				line.setLength(0);
				lineWidth = 0;
			}
			line.appendCodePoint(cp);
			lineWidth += w;
		}
		lines.add(line.toString());
		return lines;
	}

	/**
	 * A paragraph from {@code top} down, wrapped to the text column, the first line indented by two
	 * characters when {@code indent}; returns the y of its last baseline.
	 */
	float paragraph(String text, float top, float size, float leading, boolean indent) {
		float indentWidth = indent ? 2 * size : 0;
		List<String> lines = wrap(text, size, RIGHT - LEFT - indentWidth, RIGHT - LEFT);
		float y = top;
		for (int i = 0; i < lines.size(); i++) {
			y -= leading;
			text(lines.get(i), LEFT + (i == 0 ? indentWidth : 0), y, size, false);
		}
		return y;
	}

	void line(float x1, float y1, float x2, float y2, float width) {
		try {
			content.setLineWidth(width);
			content.moveTo(x1, y1);
			content.lineTo(x2, y2);
			content.stroke();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void rect(float x, float y, float w, float h, float width) {
		try {
			content.setLineWidth(width);
			content.addRect(x, y, w, h);
			content.stroke();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void closeContent() {
		if (content != null) {
			try {
				content.close();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			content = null;
		}
	}

	/** Closes the page's content and frees the deflater (drawing on after makes a new one). */
	@Override
	public void close() {
		closeContent();
		subsets.close();
	}
}
