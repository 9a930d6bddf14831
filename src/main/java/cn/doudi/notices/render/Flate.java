package cn.doudi.notices.render;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * A document's deflating of its streams (page contents, fonts): one {@link Deflater}, reset for every stream,
 * each stream's bytes given to it whole and its output written raw into the stream — the bytes PDFBox's {@code
 * FlateFilter} writes for the same data at the same level (zlib's output does not depend on how its input and
 * output are cut), without a new deflater and PDFBox's buffers and copies per stream. The dictionary gets {@code
 * /Filter /FlateDecode} and {@code /Length} as {@code PDStream(document, input, COSName.FLATE_DECODE)} gives them.
 * Not thread-safe: one per document. {@link #close} frees the deflater (a stream deflated after makes a new one).
 */
final class Flate implements AutoCloseable {

	/**
	 * The notices' level: zlib's 2 (its fast way, without lazy matching) instead of PDFBox's default 6 — 1.6 × less
	 * CPU for a village's PDF, deflating being two thirds of it at 6 (the font program and the pages' text), for
	 * files about a tenth larger (the bench's 95 villages: 9.9 MB at 6, 10.8 MB at 2). The same input still gives
	 * the same bytes.
	 */
	static final int LEVEL = 2;

	private final int level;
	private final byte[] buffer = new byte[32 * 1024];
	private Deflater deflater;

	/** Deflating at {@code level} ({@link Deflater#DEFAULT_COMPRESSION}, 1–9). */
	Flate(int level) {
		this.level = level;
	}

	/** A new stream of {@code document} holding the first {@code length} bytes of {@code data}, deflated. */
	PDStream stream(PDDocument document, byte[] data, int length) throws IOException {
		PDStream stream = new PDStream(document);
		fill(stream.getCOSObject(), data, length);
		return stream;
	}

	/** {@code stream} (new, empty) made to hold the first {@code length} bytes of {@code data}, deflated. */
	void fill(COSStream stream, byte[] data, int length) throws IOException {
		stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
		if (deflater == null) {
			deflater = new Deflater(level);
		}
		else {
			deflater.reset();
		}
		deflater.setInput(data, 0, length);
		deflater.finish();
		try (OutputStream raw = stream.createRawOutputStream()) {
			while (!deflater.finished()) {
				int n = deflater.deflate(buffer);
				raw.write(buffer, 0, n);
			}
		}
	}

	@Override
	public void close() {
		if (deflater != null) {
			deflater.end();
			deflater = null;
		}
	}
}
