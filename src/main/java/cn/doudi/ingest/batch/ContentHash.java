package cn.doudi.ingest.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 over the files' own SHA-256s, in argument order (the {@code import_batch.content_hash}). */
final class ContentHash {

	private ContentHash() {
	}

	static String of(List<Path> files) throws IOException {
		MessageDigest all = sha256();
		for (Path f : files) {
			all.update(HexFormat.of().formatHex(fileHash(f)).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		}
		return HexFormat.of().formatHex(all.digest());
	}

	private static byte[] fileHash(Path file) throws IOException {
		MessageDigest md = sha256();
		byte[] buf = new byte[1 << 16];
		try (InputStream in = Files.newInputStream(file)) {
			int n;
			while ((n = in.read(buf)) > 0) {
				md.update(buf, 0, n);
			}
		}
		return md.digest();
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
