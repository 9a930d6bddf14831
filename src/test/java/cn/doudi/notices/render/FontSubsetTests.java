package cn.doudi.notices.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.junit.jupiter.api.Test;

/**
 * {@link FontSubset} writes the font program fontbox's {@code TTFSubsetter} writes, as PDFBox runs it (its tables,
 * the characters drawn, the characters forced invisible), and numbers the glyphs alike: for the characters of a
 * notice, for a few characters, for hundreds of random characters of each font (WenQuanYi's composite glyphs among
 * them) and for the rare characters of the fallback fonts.
 */
class FontSubsetTests {

	static final CjkFont font = TestFonts.cjk();

	@Test
	void theProgramAndTheGlyphNumbersAreFontboxs() throws IOException {
		assertThat(font.paths()).as("the main font and the Hanazono fallbacks (fonts-hanazono)").hasSizeGreaterThan(1);
		String notice = "建新社区2026年10月城乡低保等救助对象公示 序号户主/姓名身份证号救助项目保障人数金额（元）备注 410102********0011 1,380.00 第 1 页 共 3 页";
		assertSame(0, notice.codePoints().toArray());
		assertSame(0, new int[] { 'A' });
		assertSame(0, new int[] { ' ', '\u3000' });
		Random random = new Random(15);
		for (int face = 0; face < font.paths().size(); face++) {
			for (int round = 0; round < 4; round++) {
				int[] cps = random.ints(50 + round * 300, 0x20, 0x2FFFF).filter(cp -> font.faceOf(cp) >= 0).toArray();
				int f = face;
				assertSame(face, java.util.Arrays.stream(cps).filter(cp -> font.faceOf(cp) == f).toArray());
			}
		}
		assertSame(font.faceOf(0x4DAE), new int[] { 0x4DAE });
		assertSame(font.faceOf(0x2003E), new int[] { 0x2003E, 0x20000 });
	}

	private static void assertSame(int face, int[] codePoints) throws IOException {
		FontFace f = face(face);
		BitSet given = new BitSet();
		Set<Integer> unicodes = new HashSet<>();
		for (int cp : codePoints) {
			if (f.glyph(cp) != 0) {
				given.set(f.glyph(cp));
			}
			unicodes.add(cp);
		}
		try (CjkFont.Parsed parsed = f.open()) {
			assertSame(f, parsed.font(), given, unicodes);
		}
	}

	private static void assertSame(FontFace f, TrueTypeFont ttf, BitSet given, Set<Integer> unicodes) throws IOException {
		TTFSubsetter subsetter = new TTFSubsetter(ttf, List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf",
				"hmtx", "fpgm", "gasp"));
		subsetter.addAll(unicodes);
		for (int cp : EmbeddedFont.INVISIBLE) {
			subsetter.forceInvisible(cp);
		}
		Map<Integer, Integer> gidToCid = subsetter.getGIDMap();
		ByteArrayOutputStream expected = new ByteArrayOutputStream();
		subsetter.writeToStream(expected);

		int[] glyphs = FontSubset.glyphs(f.data, f.subsetTemplate, given);
		assertThat(glyphs).hasSize(gidToCid.size());
		for (int g = 0; g < glyphs.length; g++) {
			assertThat(glyphs[g]).isEqualTo(gidToCid.get(g));
		}
		assertThat(FontSubset.gidMapHash(glyphs)).isEqualTo(gidToCid.hashCode());
		assertThat(FontSubset.program(f.data, f.subsetTemplate, glyphs)).isEqualTo(expected.toByteArray());
	}

	private static FontFace face(int face) {
		return font.face(face);
	}
}
