package cn.doudi.notices.render;

import java.io.Closeable;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.fontbox.ttf.model.Language;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDCIDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * One font file of {@link CjkFont}, read once per process and shared by every thread, immutable: its Unicode cmap
 * and advance widths as primitive arrays, the first code point of each glyph (for the ToUnicode CMap), the
 * dictionaries {@code PDType0Font.load} makes for it (font, CID font, descriptor), which {@link EmbeddedFont}
 * copies for each document, what {@link FontSubset} needs besides the glyphs, and the file mapped read-only for
 * the glyphs. The font as fontbox parses it is not kept.
 */
final class FontFace implements Closeable {

	final Path path;
	/** The font file mapped read-only (outside the heap): where a subset's glyphs are read from. */
	final ByteBuffer data;
	private final FileChannel channel;
	final float unitsPerEm;
	/** The glyph of each Basic Multilingual Plane character (0: none). */
	private final char[] bmpGlyphs = new char[0x10000];
	/** The characters beyond the Basic Multilingual Plane the font has, ascending, and their glyphs. */
	private final int[] wideCodes;
	private final int[] wideGlyphs;
	/** The advance width of each glyph, in font units. */
	private final int[] advances;
	/** The smallest code point of each glyph, as {@code CmapLookup.getCharCodes(gid).get(0)}; -1: none. */
	private final int[] firstCodes;
	/** True when PDFBox's GSUB worker would return every glyph list as it is (see {@link PageContent}). */
	final boolean plainGsub;
	/** The GSUB data and the cmap PDFBox's GSUB worker needs: for a font that is not {@link #plainGsub} only. */
	final GsubData gsubData;
	final CmapLookup cmap;
	/** The dictionaries {@code PDType0Font.load(document, font, true)} makes, before any subset. */
	final COSDictionary type0Template;
	final COSDictionary cidFontTemplate;
	final COSDictionary descriptorTemplate;
	/** The parts of a subset's font program that do not depend on its glyphs ({@link FontSubset}). */
	final FontSubset.Template subsetTemplate;
	/** The glyphs PDFBox forces invisible in a subset: a subset holding one is left to {@code TTFSubsetter}. */
	final BitSet invisibleGlyphs = new BitSet();

	/**
	 * Reads what the notices need of a parsed font, which the caller then closes: fontbox holds a parsed font's
	 * whole file and its tables in the heap (71 MiB for HanaMinB's 30 MB), this keeps a few arrays and the file
	 * mapped.
	 */
	FontFace(Path path, TrueTypeFont font) throws IOException {
		this.path = path;
		this.unitsPerEm = font.getUnitsPerEm();
		CmapLookup cmap = font.getUnicodeCmapLookup();
		GsubData gsub = font.getGsubData();
		this.plainGsub = gsub == GsubData.NO_DATA_FOUND || gsub.getLanguage() == Language.LATIN
				&& !gsub.isFeatureSupported("ccmp") && !gsub.isFeatureSupported("liga")
				&& !gsub.isFeatureSupported("clig");
		this.cmap = plainGsub ? null : cmap;
		this.gsubData = plainGsub ? GsubData.NO_DATA_FOUND : gsub;
		for (int cp = 0; cp < bmpGlyphs.length; cp++) {
			bmpGlyphs[cp] = (char) cmap.getGlyphId(cp);
		}
		int glyphs = font.getNumberOfGlyphs();
		advances = new int[glyphs];
		firstCodes = new int[glyphs];
		int[] wide = new int[16];
		int wideCount = 0;
		for (int gid = 0; gid < glyphs; gid++) {
			advances[gid] = font.getAdvanceWidth(gid);
			List<Integer> codes = cmap.getCharCodes(gid);
			firstCodes[gid] = codes == null || codes.isEmpty() ? -1 : codes.get(0);
			if (codes != null) {
				for (int code : codes) {
					if (code >= 0x10000) {
						if (wideCount == wide.length) {
							wide = Arrays.copyOf(wide, 2 * wideCount);
						}
						wide[wideCount++] = code;
					}
				}
			}
		}
		wideCodes = Arrays.stream(wide, 0, wideCount).sorted().distinct().toArray();
		wideGlyphs = new int[wideCodes.length];
		for (int i = 0; i < wideCodes.length; i++) {
			wideGlyphs[i] = cmap.getGlyphId(wideCodes[i]);
		}
		// PDFBox's own dictionaries for the font, and one subset through it (the subset's font-wide tables kept for
		// FontSubset): a font that does not permit embedding or subsetting fails here
		try (PDDocument scratch = new PDDocument()) {
			PDType0Font pdfbox = PDType0Font.load(scratch, font, true);
			PDCIDFont descendant = pdfbox.getDescendantFont();
			type0Template = template(pdfbox.getCOSObject(), COSName.DESCENDANT_FONTS);
			cidFontTemplate = template(descendant.getCOSObject(), COSName.FONT_DESC, COSName.W);
			descriptorTemplate = template(descendant.getFontDescriptor().getCOSObject());
			int sample = firstCodes.length > 1 && firstCodes[1] >= 0 ? firstCodes[1] : 'A';
			pdfbox.addToSubset(sample);
			pdfbox.subset();
			try (java.io.InputStream program = descendant.getFontDescriptor().getFontFile2().createInputStream()) {
				subsetTemplate = FontSubset.Template.of(font, program.readAllBytes());
			}
		}
		this.channel = FileChannel.open(path, StandardOpenOption.READ);
		this.data = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
		for (int cp : EmbeddedFont.INVISIBLE) {
			int gid = glyph(cp);
			if (gid != 0) {
				invisibleGlyphs.set(gid);
			}
		}
	}

	/**
	 * The font file parsed anew, for the caller to close: for fontbox's own subsetter (a subset holding a glyph
	 * forced invisible) and the tests that hold ours equal to PDFBox's.
	 */
	CjkFont.Parsed open() throws IOException {
		return CjkFont.parse(path);
	}

	/** The glyph of a character, 0 when the font has none. */
	int glyph(int cp) {
		if (cp >= 0 && cp < bmpGlyphs.length) {
			return bmpGlyphs[cp];
		}
		int i = Arrays.binarySearch(wideCodes, cp);
		return i >= 0 ? wideGlyphs[i] : 0;
	}

	boolean has(int cp) {
		return glyph(cp) != 0;
	}

	/** The advance width of a character at 1 pt, in points (as fontbox's {@code getAdvanceWidth} of its glyph). */
	float width(int cp) {
		return advances[glyph(cp)] / unitsPerEm;
	}

	int numberOfGlyphs() {
		return advances.length;
	}

	/** The smallest code point mapped to the glyph, -1 when none. */
	int firstCode(int gid) {
		return gid >= 0 && gid < firstCodes.length ? firstCodes[gid] : -1;
	}

	/** A copy of a dictionary made by PDFBox, the entries under {@code own} (a document's own objects) left null. */
	private static COSDictionary template(COSDictionary dict, COSName... own) {
		COSDictionary out = copy(dict);
		for (COSName key : own) {
			out.setItem(key, COSNull.NULL);
		}
		return out;
	}

	/**
	 * A copy of a dictionary made by PDFBox, its entries in their order: arrays, dictionaries and strings copied,
	 * names and numbers (immutable) shared.
	 */
	static COSDictionary copy(COSDictionary dict) {
		COSDictionary out = new COSDictionary();
		for (Map.Entry<COSName, COSBase> e : dict.entrySet()) {
			out.setItem(e.getKey(), copy(e.getValue()));
		}
		out.setDirect(dict.isDirect());
		return out;
	}

	static COSBase copy(COSBase value) {
		if (value instanceof COSDictionary d) {
			return copy(d);
		}
		if (value instanceof COSArray a) {
			COSArray out = new COSArray();
			for (int i = 0; i < a.size(); i++) {
				out.add(copy(a.get(i)));
			}
			out.setDirect(a.isDirect());
			return out;
		}
		if (value instanceof COSString s) {
			COSString out = new COSString(s.getBytes());
			out.setForceHexForm(s.getForceHexForm());
			out.setDirect(s.isDirect());
			return out;
		}
		return value;
	}

	@Override
	public void close() {
		try {
			channel.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
