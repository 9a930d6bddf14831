package cn.doudi.notices.render;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;

import cn.doudi.identity.PersonName;

/**
 * The TrueType fonts with Chinese glyphs that the notice PDFs embed (each as a subset of the glyphs a
 * document uses): the main font, and fallback fonts for the characters it lacks — the rare characters of
 * people's names (生僻字) of CJK Extension A (䶮, U+4DAE) and, outside the Basic Multilingual Plane,
 * Extension B and later (𠀾, U+2003E). Each character is drawn from the first font that has it; a
 * character that no font has is printed as {@code ?} and reported by {@link #missing}. Parsed once per process
 * and shared by every document and thread: which font draws a character and how wide it is are looked up in
 * arrays made at opening ({@link FontFace}), and each document embeds its own subsets ({@link EmbeddedFont}).
 * <p>
 * The main font's default is WenQuanYi Micro Hei (文泉驿微米黑, Apache-2.0 or GPL-3+ with the font exception, so
 * embedding and redistribution are allowed), from Debian's {@code fonts-wqy-microhei}: {@value #INSTALL}.
 * The fallbacks' default is HanaMin A and B (花園明朝, the Hanazono fonts, free to embed: SIL OFL or the
 * Hanazono licence) from Debian's {@code fonts-hanazono} ({@value #INSTALL_FALLBACK}), which cover CJK
 * Extensions A and B between them. {@code doudi.notice.font} names another {@code .ttf} or {@code .ttc} (first
 * font of a collection), {@code doudi.notice.fallback-fonts} other fallbacks ({@code none}: none); fonts
 * with PostScript (CFF) outlines such as Noto CJK's {@code .ttc} are not supported.
 */
public final class CjkFont implements Closeable {

	/** Where the main font is looked for when {@code doudi.notice.font} is empty, in this order. */
	public static final List<Path> DEFAULT_PATHS = List.of(Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
			Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));

	/** The fallback fonts used when {@code doudi.notice.fallback-fonts} is empty: those of these that exist. */
	public static final List<Path> DEFAULT_FALLBACKS = List.of(Path.of("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"),
			Path.of("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"));

	/** The command that installs the default font on Debian or Ubuntu. */
	public static final String INSTALL = "apt-get install -y fonts-wqy-microhei";

	/** The command that installs the default fallback fonts on Debian or Ubuntu. */
	public static final String INSTALL_FALLBACK = "apt-get install -y fonts-hanazono";

	/** {@code doudi.notice.fallback-fonts: none}: no fallback font. */
	public static final String NO_FALLBACK = "none";

	static final int REPLACEMENT = '?';

	/** A run of text drawn from one font: {@code face} 0 is the main font. */
	public record Run(int face, String text) {
	}

	private final List<FontFace> faces;
	/** The face of each Basic Multilingual Plane character, plus 1 (0: none). */
	private final byte[] bmpFaceOf = new byte[0x10000];

	private CjkFont(List<FontFace> faces) {
		this.faces = List.copyOf(faces);
		for (int cp = 0; cp < bmpFaceOf.length; cp++) {
			bmpFaceOf[cp] = (byte) (lookUp(cp) + 1);
		}
	}

	/** True when one of the usual font paths exists. */
	public static boolean defaultAvailable() {
		return DEFAULT_PATHS.stream().anyMatch(Files::isRegularFile);
	}

	/** The configured main font (or the first of {@link #DEFAULT_PATHS}) with the default fallbacks. */
	public static CjkFont open(String configured) {
		return open(configured, "");
	}

	/**
	 * Opens the configured main font, or the first of {@link #DEFAULT_PATHS} that exists, and the fallbacks:
	 * {@code fallbacks} is a comma-separated list of font files (each must exist), empty for those of {@link
	 * #DEFAULT_FALLBACKS} that exist, or {@value #NO_FALLBACK}. Fails with a message that says how to install
	 * a missing font.
	 */
	public static CjkFont open(String configured, String fallbacks) {
		Path main = configured == null || configured.isBlank() ? DEFAULT_PATHS.stream().filter(Files::isRegularFile)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("公示和告知书没有可用的中文字体：" + DEFAULT_PATHS
					+ " 都不存在；请安装（" + INSTALL + "）或把 doudi.notice.font 设为一个 TrueType 字体（.ttf/.ttc）"))
				: Path.of(configured.strip());
		if (!Files.isRegularFile(main)) {
			throw new IllegalStateException("doudi.notice.font：字体文件 " + main + " 不存在（或清空该设置并 "
					+ INSTALL + "）");
		}
		List<Path> paths = new ArrayList<>();
		paths.add(main);
		String list = fallbacks == null ? "" : fallbacks.strip();
		if (list.isEmpty()) {
			DEFAULT_FALLBACKS.stream().filter(Files::isRegularFile).forEach(paths::add);
		}
		else if (!list.equals(NO_FALLBACK)) {
			for (String p : list.split(",")) {
				Path path = Path.of(p.strip());
				if (!Files.isRegularFile(path)) {
					throw new IllegalStateException("doudi.notice.fallback-fonts：字体文件 " + path
							+ " 不存在（清空该设置则用 " + INSTALL_FALLBACK + " 的字体，设为 none 则不用）");
				}
				paths.add(path);
			}
		}
		List<FontFace> faces = new ArrayList<>();
		try {
			for (Path p : paths) {
				faces.add(face(p));
			}
		}
		catch (RuntimeException e) {
			faces.forEach(CjkFont::close);
			throw e;
		}
		return new CjkFont(faces);
	}

	private static FontFace face(Path path) {
		try (Parsed parsed = parse(path)) {
			return new FontFace(path, parsed.font());
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法读取公示用字体 " + path + "：" + e.getMessage(), e);
		}
	}

	/** A font as fontbox parses it, and the file it holds open (for a collection, the collection's). */
	record Parsed(TrueTypeFont font, Closeable file) implements Closeable {

		@Override
		public void close() throws IOException {
			file.close();
		}
	}

	/** The font of a {@code .ttf} file, or the first font of a {@code .ttc} collection; the caller closes it. */
	static Parsed parse(Path path) throws IOException {
		if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
			TrueTypeCollection ttc = new TrueTypeCollection(path.toFile());
			TrueTypeFont[] first = new TrueTypeFont[1];
			try {
				ttc.processAllFonts(f -> {
					if (first[0] == null) {
						first[0] = f;
					}
				});
			}
			catch (IOException | RuntimeException e) {
				ttc.close();
				throw e;
			}
			if (first[0] == null) {
				ttc.close();
				throw new IllegalStateException("字体集 " + path + " 中没有字体");
			}
			return new Parsed(first[0], ttc);
		}
		TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(path.toFile()));
		return new Parsed(font, font);
	}

	/** The main font's file. */
	public Path path() {
		return faces.get(0).path;
	}

	/** Every font file, the main font first. */
	public List<Path> paths() {
		return faces.stream().map(f -> f.path).toList();
	}

	/**
	 * The fonts for one document: each is embedded (as a subset) only when the document draws a character
	 * from it, so a document without a rare character carries the main font alone.
	 */
	Embedded embedIn(PDDocument document) {
		return new Embedded(document);
	}

	/** A face: 0 the main font, 1… the fallbacks. */
	FontFace face(int face) {
		return faces.get(face);
	}

	/** The fonts of one document. */
	final class Embedded {

		private final PDDocument document;
		private final EmbeddedFont[] loaded = new EmbeddedFont[faces.size()];

		private Embedded(PDDocument document) {
			this.document = document;
		}

		EmbeddedFont font(int face) {
			if (loaded[face] == null) {
				loaded[face] = new EmbeddedFont(faces.get(face));
			}
			return loaded[face];
		}

		PDDocument document() {
			return document;
		}
	}

	/** The font that draws {@code cp}: 0 the main font, 1… a fallback; -1 when none has it (or it is invisible). */
	public int faceOf(int cp) {
		if (cp >= 0 && cp < bmpFaceOf.length) {
			return bmpFaceOf[cp] - 1;
		}
		return lookUp(cp);
	}

	private int lookUp(int cp) {
		if (cp < 0x20 || PersonName.invisible(cp)) {
			return -1;
		}
		for (int i = 0; i < faces.size() && i < Byte.MAX_VALUE - 1; i++) {
			if (faces.get(i).has(cp)) {
				return i;
			}
		}
		return -1;
	}

	/** The character as printed: itself, or '?' when no font has it (or it is a control character). */
	private int printed(int cp) {
		return faceOf(cp) >= 0 ? cp : REPLACEMENT;
	}

	/** The advance width of a text at 1 pt, in points (the text {@link #printable}). */
	public float width(String text) {
		float w = 0;
		if (text != null) {
			for (int i = 0; i < text.length();) {
				int cp = text.codePointAt(i);
				i += Character.charCount(cp);
				w += width(cp);
			}
		}
		return w;
	}

	/** The advance width of one character at 1 pt, in points (as {@link #printable} prints it). */
	public float width(int cp) {
		int p = printed(cp);
		return faces.get(faceOf(p)).width(p);
	}

	/** The text with every character no font has (or a control character) replaced by '?'. */
	public String printable(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder sb = new StringBuilder(text.length());
		text.codePoints().forEach(cp -> sb.appendCodePoint(printed(cp)));
		return sb.toString();
	}

	/**
	 * The one font that draws every character of a non-empty text (as {@link #runs} would give it: one run, the
	 * text itself), or -1 when the text is empty, has a character no font has, or needs more than one font.
	 */
	int singleFace(String text) {
		int face = -1;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			int f = faceOf(cp);
			if (f < 0 || face >= 0 && f != face) {
				return -1;
			}
			face = f;
		}
		return face;
	}

	/** The {@link #printable} text cut into runs that each come from one font. */
	public List<Run> runs(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		List<Run> runs = new ArrayList<>(1);
		StringBuilder run = new StringBuilder(text.length());
		int face = -1;
		for (int i = 0; i < text.length();) {
			int cp = printed(text.codePointAt(i));
			i += Character.charCount(text.codePointAt(i));
			int f = faceOf(cp);
			if (f != face && !run.isEmpty()) {
				runs.add(new Run(face, run.toString()));
				run.setLength(0);
			}
			face = f;
			run.appendCodePoint(cp);
		}
		if (!run.isEmpty()) {
			runs.add(new Run(face, run.toString()));
		}
		return runs;
	}

	/** The characters of {@code text} that no font has (printed as '?'), in order, each once; controls excepted. */
	public Set<Integer> missing(String text) {
		Set<Integer> out = null;
		if (text != null) {
			for (int i = 0; i < text.length();) {
				int cp = text.codePointAt(i);
				i += Character.charCount(cp);
				if (cp >= 0x20 && faceOf(cp) < 0 && !PersonName.invisible(cp)) {
					if (out == null) {
						out = new LinkedHashSet<>();
					}
					out.add(cp);
				}
			}
		}
		return out == null ? Set.of() : out;
	}

	@Override
	public void close() {
		faces.forEach(CjkFont::close);
	}

	private static void close(FontFace f) {
		f.close();
	}
}
