package cn.doudi.notices.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.util.Hex;

/**
 * One font of one document, embedded as a subset: the dictionaries {@code PDType0Font.load(document, font, true)}
 * makes (copied from the {@link FontFace}'s), the characters and glyphs drawn, and at the end {@link #subset} — the
 * font program ({@link FontSubset}: fontbox's {@code TTFSubsetter}'s bytes), then the ToUnicode CMap, the FontFile2,
 * the subset tag in the names, the widths, the CIDToGIDMap and the CIDSet as PDFBox 3.0.6's {@code
 * PDCIDFontType2Embedder} builds them, from primitive arrays: without PDFBox's per-document work that the subset
 * throws away (the widths of all the font's glyphs written and parsed back into boxed maps, the subset font parsed
 * again). {@code PageContentTests} holds the saved bytes equal to PDFBox's, {@code FontSubsetTests} the programs.
 */
final class EmbeddedFont {

	/** The tables PDFBox's {@code TrueTypeEmbedder} keeps in a subset. */
	private static final List<String> TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx",
			"fpgm", "gasp");

	/** The characters PDFBox's {@code TrueTypeEmbedder} forces invisible in a subset. */
	static final int[] INVISIBLE = { 0x200B, 0x200C, 0x2060, 0xFEFF };

	private static final String BASE25 = "BCDEFGHIJKLMNOPQRSTUVWXYZ";

	final FontFace face;
	final COSDictionary type0;
	private final COSDictionary cidFont;
	private final COSDictionary descriptor;
	private final BitSet codePoints = new BitSet();
	private final Set<Integer> wideCodePoints = new TreeSet<>();
	/** Glyphs given to the subset by GSUB (fonts whose substitutions may apply): none for the fonts in use. */
	private final BitSet glyphs = new BitSet();
	private boolean subset;

	EmbeddedFont(FontFace face) {
		this.face = face;
		this.descriptor = FontFace.copy(face.descriptorTemplate);
		this.cidFont = new COSDictionary();
		for (Map.Entry<COSName, COSBase> e : face.cidFontTemplate.entrySet()) {
			if (e.getKey().equals(COSName.FONT_DESC)) {
				cidFont.setItem(COSName.FONT_DESC, descriptor);
			}
			else if (e.getKey().equals(COSName.W)) {
				cidFont.setItem(COSName.W, new COSArray()); // replaced by the subset's
			}
			else {
				cidFont.setItem(e.getKey(), FontFace.copy(e.getValue()));
			}
		}
		this.type0 = new COSDictionary();
		for (Map.Entry<COSName, COSBase> e : face.type0Template.entrySet()) {
			if (e.getKey().equals(COSName.DESCENDANT_FONTS)) {
				COSArray descendants = new COSArray();
				descendants.add(cidFont);
				type0.setItem(COSName.DESCENDANT_FONTS, descendants);
			}
			else {
				type0.setItem(e.getKey(), FontFace.copy(e.getValue()));
			}
		}
	}

	/** The character goes into the subset. */
	void addCodePoint(int cp) {
		if (cp < 0x10000) {
			codePoints.set(cp);
		}
		else {
			wideCodePoints.add(cp);
		}
	}

	/** A glyph GSUB produced goes into the subset. */
	void addGlyph(int gid) {
		glyphs.set(gid);
	}

	/**
	 * Subsets the font to the characters and glyphs drawn, once, before the document is saved: what {@code
	 * PDType0Font.subset()} does.
	 */
	void subset(PDDocument document, Flate flate) throws IOException {
		if (subset) {
			return;
		}
		subset = true;
		BitSet given = (BitSet) glyphs.clone();
		codePoints.stream().forEach(cp -> given.set(face.glyph(cp)));
		wideCodePoints.forEach(cp -> given.set(face.glyph(cp)));
		given.clear(0);
		int[] oldGlyphs = FontSubset.glyphs(face.data, face.subsetTemplate, given);
		String tag;
		byte[] program;
		if (!Arrays.stream(oldGlyphs).anyMatch(face.invisibleGlyphs::get)) {
			tag = tag(FontSubset.gidMapHash(oldGlyphs));
			program = FontSubset.program(face.data, face.subsetTemplate, oldGlyphs);
		}
		else {
			// fontbox's own subsetter, whose handling of glyphs forced invisible ours does not copy
			Set<Integer> unicodes = new HashSet<>();
			codePoints.stream().forEach(unicodes::add);
			unicodes.addAll(wideCodePoints);
			try (CjkFont.Parsed parsed = face.open()) {
				TTFSubsetter subsetter = new TTFSubsetter(parsed.font(), TABLES);
				subsetter.addAll(unicodes);
				for (int cp : INVISIBLE) {
					subsetter.forceInvisible(cp);
				}
				if (!glyphs.isEmpty()) {
					Set<Integer> ids = new HashSet<>();
					glyphs.stream().forEach(ids::add);
					subsetter.addGlyphIds(ids);
				}
				Map<Integer, Integer> gidToCid = subsetter.getGIDMap();
				tag = tag(gidToCid.hashCode());
				subsetter.setPrefix(tag);
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				subsetter.writeToStream(out);
				program = out.toByteArray();
				oldGlyphs = new int[gidToCid.size()];
				for (int g = 0; g < oldGlyphs.length; g++) {
					oldGlyphs[g] = gidToCid.get(g);
				}
			}
		}
		int n = oldGlyphs.length;
		toUnicode(document, flate, oldGlyphs);
		PDStream fontFile = flate.stream(document, program, program.length);
		fontFile.getCOSObject().setLong(COSName.LENGTH1, program.length);
		descriptor.setItem(COSName.FONT_FILE2, fontFile);
		String name = tag + descriptor.getNameAsString(COSName.FONT_NAME);
		type0.setName(COSName.BASE_FONT, name);
		descriptor.setName(COSName.FONT_NAME, name);
		cidFont.setName(COSName.BASE_FONT, name);
		widths(program, oldGlyphs);
		int cidMax = oldGlyphs[n - 1];
		byte[] cidToGid = new byte[cidMax * 2 + 2];
		for (int g = 0; g < n; g++) {
			cidToGid[2 * oldGlyphs[g]] = (byte) (g >> 8 & 0xff);
			cidToGid[2 * oldGlyphs[g] + 1] = (byte) (g & 0xff);
		}
		cidFont.setItem(COSName.CID_TO_GID_MAP,
				flate.stream(document, cidToGid, cidToGid.length));
		byte[] cidSet = new byte[cidMax / 8 + 1];
		for (int cid = 0; cid <= cidMax; cid++) {
			cidSet[cid / 8] |= (byte) (1 << 7 - cid % 8);
		}
		descriptor.setItem(COSName.CID_SET, flate.stream(document, cidSet, cidSet.length));
	}

	/** PDFBox's subset tag: six letters from the hash of the glyph map, and '+'. */
	static String tag(int gidToCidHash) {
		long num = gidToCidHash;
		StringBuilder sb = new StringBuilder();
		long div;
		do {
			div = num / 25;
			int mod = (int) (num % 25);
			sb.append(BASE25.charAt(mod));
			num = div;
		}
		while (div != 0 && sb.length() < 6);
		while (sb.length() < 6) {
			sb.insert(0, 'A');
		}
		return sb.append('+').toString();
	}

	/** The ToUnicode CMap as PDFBox's {@code ToUnicodeWriter} writes it: each old glyph id to its first character. */
	private void toUnicode(PDDocument document, Flate flate, int[] oldGlyphs) throws IOException {
		int max = face.numberOfGlyphs();
		int count = 0;
		int[] cids = new int[oldGlyphs.length];
		int[] codes = new int[oldGlyphs.length];
		boolean surrogates = false;
		for (int g = 1; g < oldGlyphs.length && g <= max; g++) {
			int code = face.firstCode(oldGlyphs[g]);
			if (code >= 0) {
				if (oldGlyphs[g] > 0xFFFF) {
					throw new IllegalArgumentException("CID is not valid");
				}
				cids[count] = oldGlyphs[g];
				codes[count++] = code;
				surrogates |= code > 0xFFFF;
			}
		}
		// ranges: consecutive ids within one high byte mapped to consecutive single characters likewise
		int[] from = new int[count];
		int[] to = new int[count];
		int[] dest = new int[count];
		int ranges = 0;
		for (int i = 0; i < count; i++) {
			if (i > 0 && codeRange(cids[i - 1], cids[i]) && codeRange(codes[i - 1], codes[i])) {
				to[ranges - 1] = cids[i];
			}
			else {
				from[ranges] = cids[i];
				to[ranges] = cids[i];
				dest[ranges++] = codes[i];
			}
		}
		StringBuilder sb = new StringBuilder(256 + 32 * ranges);
		sb.append("/CIDInit /ProcSet findresource begin\n12 dict begin\n\nbegincmap\n/CIDSystemInfo\n<< /Registry (Adobe)\n"
				+ "/Ordering (UCS)\n/Supplement 0\n>> def\n\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\n"
				+ "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n\n");
		int batches = (int) Math.ceil(ranges / 100.0);
		for (int batch = 0; batch < batches; batch++) {
			int n = batch == batches - 1 ? ranges - 100 * batch : 100;
			sb.append(n).append(" beginbfrange\n");
			for (int j = 0; j < n; j++) {
				int i = batch * 100 + j;
				sb.append('<').append(Hex.getChars((short) from[i])).append("> <").append(Hex.getChars((short) to[i]))
					.append("> <").append(Hex.getCharsUTF16BE(Character.toString(dest[i]))).append(">\n");
			}
			sb.append("endbfrange\n\n");
		}
		sb.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
		byte[] cmap = sb.toString().getBytes(StandardCharsets.US_ASCII);
		PDStream stream = flate.stream(document, cmap, cmap.length);
		if (surrogates && document.getVersion() < 1.5f) {
			document.setVersion(1.5f);
		}
		type0.setItem(COSName.TO_UNICODE, stream);
	}

	/** ToUnicodeWriter's rule for extending a range: the next value, within the same high byte. */
	private static boolean codeRange(int prev, int next) {
		return prev + 1 == next && (prev >> 8 & 0xff) == (next >> 8 & 0xff) && (prev & 0xff) < (next & 0xff);
	}

	/**
	 * The widths (/W) as {@code PDCIDFontType2Embedder.buildWidths} takes them from the subset font: each old glyph
	 * id with its new glyph's advance in the subset's {@code hmtx} (scaled to 1/1000 em, 1000 left out), runs of
	 * consecutive ids in one array.
	 */
	private void widths(byte[] program, int[] oldGlyphs) {
		int hhea = tableOffset(program, "hhea");
		int hmtx = tableOffset(program, "hmtx");
		int head = tableOffset(program, "head");
		int numHMetrics = u16(program, hhea + 34);
		float scaling = 1000f / u16(program, head + 18);
		int[] advances = new int[numHMetrics];
		for (int i = 0; i < numHMetrics; i++) {
			advances[i] = u16(program, hmtx + 4 * i);
		}
		COSArray widths = new COSArray();
		COSArray ws = new COSArray();
		int prev = Integer.MIN_VALUE;
		for (int g = 0; g < oldGlyphs.length; g++) {
			int cid = oldGlyphs[g];
			int advance = advances.length == 0 ? 250 : g < numHMetrics ? advances[g] : advances[advances.length - 1];
			long width = Math.round(advance * scaling);
			if (width != 1000) {
				if (prev != cid - 1) {
					ws = new COSArray();
					widths.add(COSInteger.get(cid));
					widths.add(ws);
				}
				ws.add(COSInteger.get(width));
				prev = cid;
			}
		}
		cidFont.setItem(COSName.W, widths);
	}

	private static int tableOffset(byte[] font, String tag) {
		int tables = u16(font, 4);
		byte[] name = tag.getBytes(StandardCharsets.US_ASCII);
		for (int i = 0; i < tables; i++) {
			int at = 12 + 16 * i;
			if (Arrays.equals(font, at, at + 4, name, 0, 4)) {
				return (int) (u16(font, at + 8) << 16 | u16(font, at + 10));
			}
		}
		throw new IllegalStateException("subset font without a " + tag + " table");
	}

	private static int u16(byte[] b, int at) {
		return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
	}
}
