package cn.doudi.notices.render;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.gsub.GsubWorker;
import org.apache.fontbox.ttf.gsub.GsubWorkerFactory;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.fontbox.ttf.model.Language;
import org.apache.pdfbox.contentstream.operator.OperatorName;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.COSWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.NumberFormatUtil;

/**
 * A page's content stream (deflated), written byte for byte as PDFBox 3.0.6's {@code PDPageContentStream} writes
 * it, for the operators the notices draw with: text objects (font, rendering mode, position, text), line width,
 * lines and rectangles. The page, its resources and the appended streams are set up as PDFBox does; the fonts
 * used are given the code points and the glyphs after GSUB for their subsets as PDFBox gives them, and are subset
 * by {@link Subsets#subsetFonts} before the document is saved (where {@code PDDocument.save} subsets those
 * PDFBox's own content streams register). The difference is the text: PDFBox splits every text at white space with a regular
 * expression compiled for the call and boxes every glyph twice; here a text is walked once, a glyph and a code
 * point given to a font's subset once per document, and a font whose GSUB substitutions cannot apply (Latin
 * script data without the {@code ccmp}, {@code liga} and {@code clig} features PDFBox applies — WenQuanYi's) is
 * not run through them. {@code PageContentTests} holds the bytes equal to PDFBox's.
 */
final class PageContent implements Closeable {

	/** What a document's fonts have been given for their subsets so far: each glyph and code point once. */
	static final class Subsets {

		private final Map<PDFont, BitSet> glyphs = new HashMap<>();
		private final Map<PDFont, BitSet> codePoints = new HashMap<>();
		private final Map<PDFont, Set<Integer>> wideCodePoints = new HashMap<>();
		private final Map<PDType0Font, Boolean> plainGsub = new HashMap<>();
		private final Set<PDFont> toSubset = new java.util.LinkedHashSet<>();

		/**
		 * Subsets the fonts the pages use, as {@code PDDocument.save} does for those PDFBox's content streams
		 * register: to be called once, before the document is saved.
		 */
		void subsetFonts() throws IOException {
			for (PDFont f : toSubset) {
				f.subset();
			}
			toSubset.clear();
		}

		/** True when PDFBox's GSUB worker for the font would return every glyph list as it is. */
		private boolean plainGsub(PDType0Font font) {
			return plainGsub.computeIfAbsent(font, f -> {
				GsubData gsub = f.getGsubData();
				return gsub.getLanguage() == Language.LATIN && !gsub.isFeatureSupported("ccmp")
						&& !gsub.isFeatureSupported("liga") && !gsub.isFeatureSupported("clig");
			});
		}

		private void addGlyphs(PDType0Font font, Set<Integer> ids) {
			BitSet known = glyphs.computeIfAbsent(font, f -> new BitSet());
			Set<Integer> added = null;
			for (Integer id : ids) {
				if (id < 0 || !known.get(id)) {
					if (added == null) {
						added = new HashSet<>();
					}
					added.add(id);
					if (id >= 0) {
						known.set(id);
					}
				}
			}
			if (added != null) {
				font.addGlyphsToSubset(added);
			}
		}

		private void addGlyph(PDType0Font font, int id, BitSet known) {
			if (!known.get(id)) {
				known.set(id);
				font.addGlyphsToSubset(Set.of(id));
			}
		}

		private void addCodePoints(PDFont font, String text) {
			BitSet known = codePoints.computeIfAbsent(font, f -> new BitSet());
			for (int i = 0; i < text.length();) {
				int cp = text.codePointAt(i);
				i += Character.charCount(cp);
				if (cp < 0x10000) {
					if (!known.get(cp)) {
						known.set(cp);
						font.addToSubset(cp);
					}
				}
				else if (wideCodePoints.computeIfAbsent(font, f -> new HashSet<>()).add(cp)) {
					font.addToSubset(cp);
				}
			}
		}
	}

	private final PDDocument document;
	private final PDResources resources;
	private final OutputStream out;
	private final Subsets subsets;
	private final NumberFormat decimal = NumberFormat.getNumberInstance(Locale.US);
	private final byte[] number = new byte[32];
	private final Map<PDType0Font, GsubWorker> workers = new HashMap<>();
	private PDFont font;
	private boolean inText;

	private PageContent(PDDocument document, PDResources resources, PDStream stream, Subsets subsets)
			throws IOException {
		this.document = document;
		this.resources = resources;
		this.subsets = subsets;
		this.out = stream.createOutputStream(COSName.FLATE_DECODE);
		decimal.setMaximumFractionDigits(5);
		decimal.setGroupingUsed(false);
	}

	/** The content of a new page (as {@code new PDPageContentStream(document, page)}). */
	static PageContent of(PDDocument document, PDPage page, Subsets subsets) throws IOException {
		PDStream stream = new PDStream(document);
		PageContent content = new PageContent(document, resources(page), stream, subsets);
		page.setContents(stream);
		return content;
	}

	/** More content after a page's own (as {@code new PDPageContentStream(document, page, APPEND, true)}). */
	static PageContent appendedTo(PDDocument document, PDPage page, Subsets subsets) throws IOException {
		if (!page.hasContents()) {
			return of(document, page, subsets);
		}
		PDStream stream = new PDStream(document);
		PageContent content = new PageContent(document, resources(page), stream, subsets);
		COSBase contents = page.getCOSObject().getDictionaryObject(COSName.CONTENTS);
		COSArray array;
		if (contents instanceof COSArray existing) {
			array = existing;
		}
		else {
			array = new COSArray();
			array.add(contents);
		}
		array.add(stream);
		page.getCOSObject().setItem(COSName.CONTENTS, array);
		return content;
	}

	private static PDResources resources(PDPage page) {
		PDResources resources = page.getResources() != null ? page.getResources() : new PDResources();
		if (page.getResources() == null) {
			page.setResources(resources);
		}
		return resources;
	}

	void beginText() throws IOException {
		if (inText) {
			throw new IllegalStateException("Error: Nested beginText() calls are not allowed.");
		}
		operator(OperatorName.BEGIN_TEXT);
		inText = true;
	}

	void endText() throws IOException {
		if (!inText) {
			throw new IllegalStateException("Error: You must call beginText() before calling endText.");
		}
		operator(OperatorName.END_TEXT);
		inText = false;
	}

	void setRenderingMode(RenderingMode mode) throws IOException {
		ascii(decimal.format(mode.intValue()));
		out.write(' ');
		operator(OperatorName.SET_TEXT_RENDERINGMODE);
	}

	void setLineWidth(float width) throws IOException {
		operand(width);
		operator(OperatorName.SET_LINE_WIDTH);
	}

	void newLineAtOffset(float tx, float ty) throws IOException {
		if (!inText) {
			throw new IllegalStateException("Error: must call beginText() before newLineAtOffset()");
		}
		operand(tx);
		operand(ty);
		operator(OperatorName.MOVE_TEXT);
	}

	void setFont(PDFont font, float size) throws IOException {
		this.font = font;
		if (font.willBeSubset()) {
			subsets.toSubset.add(font);
		}
		resources.add(font).writePDF(out);
		out.write(' ');
		operand(size);
		operator(OperatorName.SET_FONT_AND_SIZE);
	}

	void showText(String text) throws IOException {
		if (!inText) {
			throw new IllegalStateException("Must call beginText() before showText()");
		}
		if (font == null) {
			throw new IllegalStateException("Must call setFont() before showText()");
		}
		byte[] encoded;
		if (font instanceof PDType0Font type0 && type0.getGsubData() != GsubData.NO_DATA_FOUND
				&& type0.getDescendantFont() instanceof PDCIDFontType2) {
			encoded = withGsub(type0, text);
		}
		else {
			encoded = font.encode(text);
		}
		if (font.willBeSubset()) {
			subsets.addCodePoints(font, text);
		}
		COSWriter.writeString(encoded, out);
		out.write(' ');
		operator(OperatorName.SHOW_TEXT);
	}

	/**
	 * The text's codes as PDFBox encodes them for a font with GSUB data: each white-space character (PDFBox's
	 * {@code \s}) a word of its own, a lone white-space word by the font's encoding, any other word as its glyphs
	 * after the GSUB worker, and those glyphs given to the subset.
	 */
	private byte[] withGsub(PDType0Font type0, String text) throws IOException {
		boolean plain = subsets.plainGsub(type0);
		boolean subset = type0.willBeSubset();
		CmapLookup cmap = type0.getCmapLookup();
		BitSet known = subset && plain ? subsets.glyphs.computeIfAbsent(type0, f -> new BitSet()) : null;
		ByteArrayOutputStream encoded = new ByteArrayOutputStream(2 * text.length());
		Set<Integer> viaWorker = null;
		int n = text.length();
		int i = 0;
		while (i < n) {
			if (isSpace(text.charAt(i))) {
				word(type0, text, i, i + 1, plain, cmap, known, encoded, null);
				i++;
				continue;
			}
			int end = i + 1;
			while (end < n && !isSpace(text.charAt(end))) {
				end++;
			}
			if (!plain && viaWorker == null) {
				viaWorker = new HashSet<>();
			}
			word(type0, text, i, end, plain, cmap, known, encoded, viaWorker);
			i = end;
		}
		if (subset && viaWorker != null) {
			subsets.addGlyphs(type0, viaWorker);
		}
		return encoded.toByteArray();
	}

	private void word(PDType0Font type0, String text, int from, int to, boolean plain, CmapLookup cmap, BitSet known,
			ByteArrayOutputStream encoded, Set<Integer> viaWorker) throws IOException {
		if (to - from == 1 && Character.isWhitespace(text.charAt(from))) {
			encoded.write(type0.encode(text.substring(from, to)));
			return;
		}
		List<Integer> ids = plain ? null : new ArrayList<>(to - from);
		for (int i = from; i < to;) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			int id = cmap.getGlyphId(cp);
			if (id <= 0) {
				throw new IllegalStateException("could not find the glyphId for the character: "
						+ new String(new int[] { cp }, 0, 1) + ", codePoint: " + cp + " (0x"
						+ Integer.toHexString(cp).toUpperCase(Locale.ROOT) + ")");
			}
			if (plain) {
				encoded.write(id >> 8 & 0xff);
				encoded.write(id & 0xff);
				if (known != null) {
					subsets.addGlyph(type0, id, known);
				}
			}
			else {
				ids.add(id);
			}
		}
		if (!plain) {
			for (Integer id : worker(type0).applyTransforms(ids)) {
				encoded.write(type0.encodeGlyphId(id));
				viaWorker.add(id);
			}
		}
	}

	private GsubWorker worker(PDType0Font type0) {
		return workers.computeIfAbsent(type0,
				f -> new GsubWorkerFactory().getGsubWorker(f.getCmapLookup(), f.getGsubData()));
	}

	/** PDFBox's {@code \s}: the characters its text is split at. */
	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
	}

	void moveTo(float x, float y) throws IOException {
		outsideText("moveTo");
		operand(x);
		operand(y);
		operator(OperatorName.MOVE_TO);
	}

	void lineTo(float x, float y) throws IOException {
		outsideText("lineTo");
		operand(x);
		operand(y);
		operator(OperatorName.LINE_TO);
	}

	void stroke() throws IOException {
		outsideText("stroke");
		operator(OperatorName.STROKE_PATH);
	}

	void addRect(float x, float y, float width, float height) throws IOException {
		outsideText("addRect");
		operand(x);
		operand(y);
		operand(width);
		operand(height);
		operator(OperatorName.APPEND_RECT);
	}

	private void outsideText(String operator) {
		if (inText) {
			throw new IllegalStateException("Error: " + operator + " is not allowed within a text block.");
		}
	}

	private void operand(float real) throws IOException {
		if (!Float.isFinite(real)) {
			throw new IllegalArgumentException(real + " is not a finite number");
		}
		int length = NumberFormatUtil.formatFloatFast(real, decimal.getMaximumFractionDigits(), number);
		if (length == -1) {
			ascii(decimal.format(real));
		}
		else {
			out.write(number, 0, length);
		}
		out.write(' ');
	}

	private void operator(String operator) throws IOException {
		ascii(operator);
		out.write('\n');
	}

	private void ascii(String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.US_ASCII));
	}

	@Override
	public void close() throws IOException {
		out.close();
	}
}
