package cn.doudi.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the encoding of a CSV file: a UTF-8 byte-order mark means UTF-8; otherwise the bytes are
 * checked as strict UTF-8 until enough non-ASCII text has been seen (or the end), and a file that is
 * not valid UTF-8 is read as GB18030, the superset of GBK that government machines export.
 */
public final class EncodingDetector {

	public static final Charset GB18030 = Charset.forName("GB18030");
	private static final int ENOUGH_NON_ASCII = 16 * 1024;

	private EncodingDetector() {
	}

	/** The detected encoding and whether the file starts with a UTF-8 BOM (to be skipped). */
	public record Detected(Charset charset, boolean bom) {
	}

	public static Detected detect(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buf = new byte[64 * 1024];
			int n = in.readNBytes(buf, 0, 3);
			if (n == 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
				return new Detected(StandardCharsets.UTF_8, true);
			}
			Utf8Check check = new Utf8Check();
			if (!check.feed(buf, n)) {
				return new Detected(GB18030, false);
			}
			while ((n = in.read(buf)) > 0) {
				if (!check.feed(buf, n)) {
					return new Detected(GB18030, false);
				}
				if (check.nonAscii >= ENOUGH_NON_ASCII) {
					break;
				}
			}
			return new Detected(StandardCharsets.UTF_8, false);
		}
	}

	/** A strict UTF-8 validator fed in chunks (sequences may span chunks). */
	private static final class Utf8Check {

		private int pending; // continuation bytes still expected
		private long nonAscii;

		boolean feed(byte[] b, int n) {
			for (int i = 0; i < n; i++) {
				int c = b[i] & 0xFF;
				if (pending > 0) {
					if ((c & 0xC0) != 0x80) {
						return false;
					}
					pending--;
					nonAscii++;
				}
				else if (c >= 0x80) {
					if (c >= 0xC2 && c <= 0xDF) {
						pending = 1;
					}
					else if (c >= 0xE0 && c <= 0xEF) {
						pending = 2;
					}
					else if (c >= 0xF0 && c <= 0xF4) {
						pending = 3;
					}
					else {
						return false;
					}
					nonAscii++;
				}
			}
			return true;
		}
	}
}
