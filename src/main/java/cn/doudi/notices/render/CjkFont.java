package cn.doudi.notices.render;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The TrueType font with Chinese glyphs that every notice PDF embeds (as a subset). Parsed once and
 * shared by every document; not thread-safe (the notices are written one after the other).
 * <p>
 * The default is WenQuanYi Micro Hei (文泉驿微米黑, Apache-2.0 or GPL-3+ with the font exception, so
 * embedding and redistribution are allowed), from Debian's {@code fonts-wqy-microhei}: {@value #INSTALL}.
 * {@code doudi.notice.font} names another {@code .ttf} or {@code .ttc} (first font of a collection);
 * fonts with PostScript (CFF) outlines such as Noto CJK's {@code .ttc} are not supported.
 */
public final class CjkFont implements Closeable {

	/** Where the font is looked for when {@code doudi.notice.font} is empty, in this order. */
	public static final List<Path> DEFAULT_PATHS = List.of(Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
			Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));

	/** The command that installs the default font on Debian or Ubuntu. */
	public static final String INSTALL = "apt-get install -y fonts-wqy-microhei";

	private static final int REPLACEMENT = '?';

	private final Path path;
	private final TrueTypeCollection collection;
	private final TrueTypeFont font;
	private final CmapLookup cmap;
	private final float unitsPerEm;
	private final Map<Integer, Float> widths = new HashMap<>();

	private CjkFont(Path path, TrueTypeCollection collection, TrueTypeFont font) throws IOException {
		this.path = path;
		this.collection = collection;
		this.font = font;
		this.cmap = font.getUnicodeCmapLookup();
		this.unitsPerEm = font.getUnitsPerEm();
	}

	/**
	 * Opens the configured font, or the first of {@link #DEFAULT_PATHS} that exists; fails with a message
	 * that says how to install one.
	 */
	/** True when one of the usual font paths exists. */
	public static boolean defaultAvailable() {
		return DEFAULT_PATHS.stream().anyMatch(Files::isRegularFile);
	}

	public static CjkFont open(String configured) {
		Path path = configured == null || configured.isBlank() ? DEFAULT_PATHS.stream().filter(Files::isRegularFile)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no Chinese font for the notices: none of " + DEFAULT_PATHS
					+ " exists; install one (" + INSTALL + ") or set doudi.notice.font to a TrueType font (.ttf/.ttc)"))
				: Path.of(configured);
		if (!Files.isRegularFile(path)) {
			throw new IllegalStateException("doudi.notice.font: no such font file: " + path + " (or clear it and "
					+ INSTALL + ")");
		}
		try {
			if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
				TrueTypeCollection ttc = new TrueTypeCollection(path.toFile());
				TrueTypeFont[] first = new TrueTypeFont[1];
				ttc.processAllFonts(f -> {
					if (first[0] == null) {
						first[0] = f;
					}
				});
				if (first[0] == null) {
					ttc.close();
					throw new IllegalStateException("the font collection " + path + " holds no font");
				}
				return new CjkFont(path, ttc, first[0]);
			}
			return new CjkFont(path, null, new TTFParser().parse(new RandomAccessReadBufferedFile(path.toFile())));
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the notice font " + path, e);
		}
	}

	public Path path() {
		return path;
	}

	/** The font for one document, embedded as a subset of the glyphs the document uses. */
	public PDType0Font embedIn(PDDocument document) {
		try {
			return PDType0Font.load(document, font, true);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The advance width of a text at 1 pt, in points (the text {@link #printable}). */
	public float width(String text) {
		float w = 0;
		for (int cp : printable(text).codePoints().toArray()) {
			w += widths.computeIfAbsent(cp, this::glyphWidth);
		}
		return w;
	}

	private float glyphWidth(int cp) {
		try {
			return font.getAdvanceWidth(cmap.getGlyphId(cp)) / unitsPerEm;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The text with every character the font lacks (a rare 生僻字, a control character) replaced by '?'. */
	public String printable(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder sb = new StringBuilder(text.length());
		text.codePoints().forEach(cp -> sb.appendCodePoint(cp >= 0x20 && cmap.getGlyphId(cp) != 0 ? cp : REPLACEMENT));
		return sb.toString();
	}

	@Override
	public void close() {
		try {
			if (collection != null) {
				collection.close();
			}
			else {
				font.close();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
