package cn.doudi.notices.render;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.fontbox.ttf.gsub.GsubWorker;
import org.apache.fontbox.ttf.gsub.GsubWorkerFactory;
import org.apache.pdfbox.contentstream.operator.OperatorName;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.NumberFormatUtil;

/**
 * A page's content stream (deflated), written byte for byte as PDFBox 3.0.6's {@code PDPageContentStream} writes
 * it, for the operators the notices draw with: text objects (font, rendering mode, position, text), line width,
 * lines and rectangles. The page, its resources and the appended streams are set up as PDFBox does; the fonts
 * ({@link EmbeddedFont}) are named in the resources as {@code PDResources.add} names them, given the code points
 * and the glyphs after GSUB for their subsets as PDFBox gives them, and are subset by {@link Subsets#subsetFonts}
 * before the document is saved (where {@code PDDocument.save} subsets those PDFBox's own content streams
 * register). The difference is the text: PDFBox splits every text at white space with a regular expression
 * compiled for the call and boxes every glyph twice; here a text is walked once, each character's glyph taken from
 * the font's arrays ({@link FontFace}), and a font whose GSUB substitutions cannot apply (none, or Latin script
 * data without the {@code ccmp}, {@code liga} and {@code clig} features PDFBox applies — WenQuanYi's, Hanazono's)
 * is not run through them. {@code PageContentTests} holds the bytes equal to PDFBox's.
 */
final class PageContent implements Closeable {

	/** The fonts a document's pages draw with, each subset once before the document is saved. */
	static final class Subsets implements AutoCloseable {

		private final Set<EmbeddedFont> toSubset = new LinkedHashSet<>();
		/** The document's deflating of its page contents and font streams. */
		final Flate flate;
		/** The last closed page's buffer, taken by the next page (a page's content: some 20 KB). */
		private byte[] spare;
		/** The numbers the pages write, as written: {@link #operand}. */
		final Numbers numbers = new Numbers();

		/** Deflating at the notices' level, {@link Flate#LEVEL}. */
		Subsets() {
			this(Flate.LEVEL);
		}

		/** Deflating at {@code level} (PDFBox's own: {@code Filter.getCompressionLevel()}). */
		Subsets(int level) {
			this.flate = new Flate(level);
		}

		/**
		 * Subsets the fonts the pages use, as {@code PDDocument.save} does for those PDFBox's content streams
		 * register: to be called once, before the document is saved.
		 */
		void subsetFonts(PDDocument document) throws IOException {
			for (EmbeddedFont f : toSubset) {
				f.subset(document, flate);
			}
			toSubset.clear();
		}

		/** Frees the deflater. */
		@Override
		public void close() {
			flate.close();
		}
	}

	/**
	 * The bytes PDFBox's fast formatting wrote for the numbers a document's pages use, by their bits: the same few
	 * positions, widths and sizes come back on every row and page, and that formatting (its exponent taken by a
	 * loop of divisions) is a tenth of a notice's PDF time. A number's slot holds the last one that used it.
	 */
	static final class Numbers {

		private static final int SLOTS = 1 << 10;
		private final int[] bits = new int[SLOTS];
		private final byte[][] bytes = new byte[SLOTS][];

		/** The bytes written for {@code real} earlier, or null. */
		byte[] get(float real) {
			int b = Float.floatToRawIntBits(real);
			int slot = slot(b);
			return bytes[slot] != null && bits[slot] == b ? bytes[slot] : null;
		}

		void put(float real, byte[] written) {
			int b = Float.floatToRawIntBits(real);
			int slot = slot(b);
			bits[slot] = b;
			bytes[slot] = written;
		}

		private static int slot(int bits) {
			int h = bits * 0x9E3779B9;
			return h >>> 22;
		}
	}

	private final PDDocument document;
	private final PDResources resources;
	/** The page's stream, given the content deflated whole on {@link #close}. */
	private final PDStream stream;
	/**
	 * The content as it is written: PDFBox's stream output takes a byte at a time into its buffer, the content
	 * is the same bytes given once (the stream deflates all its bytes on close either way).
	 */
	private final Bytes out;
	private boolean closed;

	/** A growing byte buffer, not synchronized ({@code ByteArrayOutputStream} is). */
	private static final class Bytes extends OutputStream {

		private byte[] buf;
		private int size;

		Bytes(byte[] buf) {
			this.buf = buf != null ? buf : new byte[32 * 1024];
		}

		@Override
		public void write(int b) {
			if (size == buf.length) {
				buf = Arrays.copyOf(buf, 2 * buf.length);
			}
			buf[size++] = (byte) b;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			if (size + len > buf.length) {
				buf = Arrays.copyOf(buf, Math.max(2 * buf.length, size + len));
			}
			System.arraycopy(b, off, buf, size, len);
			size += len;
		}

	}
	private final Subsets subsets;
	/** PDFBox's format for the numbers its fast formatting cannot write: made when first needed. */
	private NumberFormat decimal;
	private final byte[] number = new byte[32];
	private final Map<EmbeddedFont, GsubWorker> workers = new HashMap<>();
	private EmbeddedFont font;
	private boolean inText;

	private PageContent(PDDocument document, PDResources resources, PDStream stream, Subsets subsets)
			throws IOException {
		this.document = document;
		this.resources = resources;
		this.subsets = subsets;
		this.stream = stream;
		this.out = new Bytes(subsets.spare);
		subsets.spare = null;
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
		ascii(Integer.toString(mode.intValue())); // as PDFBox's decimal format writes a small whole number
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

	void setFont(EmbeddedFont font, float size) throws IOException {
		this.font = font;
		subsets.toSubset.add(font);
		fontName(font.type0).writePDF(out);
		out.write(' ');
		operand(size);
		operator(OperatorName.SET_FONT_AND_SIZE);
	}

	/** The font's name in the page's resources, the font added as {@code PDResources.add(PDFont)} adds it. */
	private COSName fontName(COSDictionary font) {
		COSDictionary fonts = resources.getCOSObject().getCOSDictionary(COSName.FONT);
		if (fonts != null && fonts.containsValue(font)) {
			return fonts.getKeyForValue(font);
		}
		if (fonts != null) {
			for (Map.Entry<COSName, COSBase> e : fonts.entrySet()) {
				if (e.getValue() instanceof COSObject o && o.getObject() == font) {
					return e.getKey();
				}
			}
		}
		COSName name;
		if (fonts == null) {
			name = COSName.getPDFName("F1");
			fonts = new COSDictionary();
			resources.getCOSObject().setItem(COSName.FONT, fonts);
		}
		else {
			int n = fonts.keySet().size();
			String key;
			do {
				key = "F" + ++n;
			}
			while (fonts.containsKey(key));
			name = COSName.getPDFName(key);
		}
		fonts.setItem(name, font);
		return name;
	}

	void showText(String text) throws IOException {
		if (!inText) {
			throw new IllegalStateException("Must call beginText() before showText()");
		}
		if (font == null) {
			throw new IllegalStateException("Must call setFont() before showText()");
		}
		FontFace face = font.face;
		byte[] encoded;
		if (!face.plainGsub) {
			encoded = withGsub(text);
			for (int i = 0; i < text.length();) {
				int cp = text.codePointAt(i);
				i += Character.charCount(cp);
				font.addCodePoint(cp);
			}
		}
		else {
			// each character's glyph: what PDFBox's encoding writes for these fonts, with or without GSUB data
			encoded = new byte[2 * text.length()];
			int n = 0;
			for (int i = 0; i < text.length();) {
				int cp = text.codePointAt(i);
				i += Character.charCount(cp);
				int id = glyph(face, cp);
				encoded[n++] = (byte) (id >> 8);
				encoded[n++] = (byte) id;
				font.addCodePoint(cp);
			}
			if (n < encoded.length) {
				encoded = Arrays.copyOf(encoded, n);
			}
		}
		writeString(encoded);
		out.write(' ');
		operator(OperatorName.SHOW_TEXT);
	}

	/** The fraction digits of PDFBox's content stream numbers. */
	private static final int FRACTION_DIGITS = 5;

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

	/** A string operand as {@code COSWriter.writeString} writes it: literal when plain ASCII, else hexadecimal. */
	private void writeString(byte[] bytes) {
		boolean ascii = true;
		for (byte b : bytes) {
			if (b < 0 || b == 13 || b == 10) {
				ascii = false;
				break;
			}
		}
		if (ascii) {
			out.write('(');
			for (byte b : bytes) {
				if (b == '(' || b == ')' || b == '\\') {
					out.write('\\');
				}
				out.write(b);
			}
			out.write(')');
		}
		else {
			out.write('<');
			for (byte b : bytes) {
				out.write(HEX[(b & 0xf0) >> 4]);
				out.write(HEX[b & 0x0f]);
			}
			out.write('>');
		}
	}

	private static int glyph(FontFace face, int cp) {
		int id = face.glyph(cp);
		if (id == 0) {
			throw new IllegalArgumentException(String.format("No glyph for U+%04X (%c) in font %s", cp, (char) cp,
					face.path.getFileName()));
		}
		return id;
	}

	/**
	 * The text's codes as PDFBox encodes them for a font whose GSUB substitutions may apply: each white-space
	 * character (PDFBox's {@code \s}) a word of its own, a lone white-space word by the font's encoding, any other
	 * word as its glyphs after PDFBox's GSUB worker, and those glyphs given to the subset.
	 */
	private byte[] withGsub(String text) throws IOException {
		FontFace face = font.face;
		ByteArrayOutputStream encoded = new ByteArrayOutputStream(2 * text.length());
		int n = text.length();
		int i = 0;
		while (i < n) {
			if (isSpace(text.charAt(i))) {
				int id = glyph(face, text.charAt(i));
				encoded.write(id >> 8 & 0xff);
				encoded.write(id & 0xff);
				i++;
				continue;
			}
			int end = i + 1;
			while (end < n && !isSpace(text.charAt(end))) {
				end++;
			}
			List<Integer> ids = new ArrayList<>(end - i);
			for (int j = i; j < end;) {
				int cp = text.codePointAt(j);
				j += Character.charCount(cp);
				int id = face.glyph(cp);
				if (id <= 0) {
					throw new IllegalStateException("could not find the glyphId for the character: "
							+ new String(new int[] { cp }, 0, 1) + ", codePoint: " + cp + " (0x"
							+ Integer.toHexString(cp).toUpperCase(Locale.ROOT) + ")");
				}
				ids.add(id);
			}
			for (Integer id : worker(font).applyTransforms(ids)) {
				encoded.write(id >> 8 & 0xff);
				encoded.write(id & 0xff);
				font.addGlyph(id);
			}
			i = end;
		}
		return encoded.toByteArray();
	}

	private GsubWorker worker(EmbeddedFont f) {
		return workers.computeIfAbsent(f,
				x -> new GsubWorkerFactory().getGsubWorker(x.face.cmap, x.face.gsubData));
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
		byte[] known = subsets.numbers.get(real);
		if (known != null) {
			out.write(known, 0, known.length);
			out.write(' ');
			return;
		}
		int length = NumberFormatUtil.formatFloatFast(real, FRACTION_DIGITS, number);
		if (length != -1) {
			subsets.numbers.put(real, Arrays.copyOf(number, length));
		}
		if (length == -1) {
			if (decimal == null) {
				decimal = NumberFormat.getNumberInstance(Locale.US);
				decimal.setMaximumFractionDigits(FRACTION_DIGITS);
				decimal.setGroupingUsed(false);
			}
			ascii(decimal.format(real));
		}
		else {
			out.write(number, 0, length);
		}
		out.write(' ');
	}

	private void operator(String operator) throws IOException {
		for (int i = 0; i < operator.length(); i++) {
			out.write(operator.charAt(i));
		}
		out.write('\n');
	}

	private void ascii(String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.US_ASCII));
	}

	@Override
	public void close() throws IOException {
		if (closed) {
			return;
		}
		closed = true;
		subsets.flate.fill(stream.getCOSObject(), out.buf, out.size);
		subsets.spare = out.buf;
	}
}
