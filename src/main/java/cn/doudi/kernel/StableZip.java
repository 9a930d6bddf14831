package cn.doudi.kernel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Determinism for zip-based files (XLSX): the same zip with every entry's time fixed and the entries in
 * the same order, so that the same content always gives the same bytes (RULES.md "Runs and re-runs":
 * no wall-clock time in any file). POI stamps entries with the current time; this removes it.
 */
public final class StableZip {

	/** The time every entry carries (DOS local time: no time zone involved). */
	public static final LocalDateTime FIXED_TIME = LocalDateTime.of(2026, 1, 1, 0, 0);

	private StableZip() {
	}

	public static byte[] restamp(byte[] zip) {
		return restamp(zip, FIXED_TIME);
	}

	/** The same zip with every entry stamped {@code time}. */
	public static byte[] restamp(byte[] zip, LocalDateTime time) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
		try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
			copy(in, out, time);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/**
	 * The zip file {@code zip} restamped with {@link #FIXED_TIME} into {@code out}, entry by entry (a large file
	 * is never held in memory); {@code out} is finished, not closed.
	 */
	public static void restamp(Path zip, OutputStream out) throws IOException {
		try (ZipFile in = ZipFile.builder().setPath(zip).get()) {
			copy(in, out, FIXED_TIME);
		}
	}

	private static void copy(ZipFile in, OutputStream out, LocalDateTime time) throws IOException {
		ZipOutputStream zos = new ZipOutputStream(out);
		zos.setLevel(6);
		Enumeration<ZipArchiveEntry> entries = in.getEntriesInPhysicalOrder();
		while (entries.hasMoreElements()) {
			ZipArchiveEntry entry = entries.nextElement();
			ZipEntry copy = new ZipEntry(entry.getName());
			copy.setTimeLocal(time);
			copy.setMethod(ZipEntry.DEFLATED);
			zos.putNextEntry(copy);
			try (InputStream data = in.getInputStream(entry)) {
				data.transferTo(zos);
			}
			zos.closeEntry();
		}
		zos.finish();
	}
}
