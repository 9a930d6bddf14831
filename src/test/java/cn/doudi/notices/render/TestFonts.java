package cn.doudi.notices.render;

/**
 * The notice fonts of the machine (the configured default: WenQuanYi with the Hanazono fallbacks), opened once for
 * the test JVM and shared by the rendering tests, as month-end shares them across its renderers ({@link FontFace}).
 */
public final class TestFonts {

	private static CjkFont font;

	private TestFonts() {
	}

	/** The default fonts, opened on first use; left open until the JVM ends. */
	public static synchronized CjkFont cjk() {
		if (font == null) {
			font = CjkFont.open("");
		}
		return font;
	}
}
