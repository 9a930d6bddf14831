package cn.doudi.kernel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Determinism for zip-based files (XLSX): the same zip with every entry's time fixed and the entries in
 * the same order, so that the same content always gives the same bytes (RULES.md "Runs and re-runs":
 * no wall-clock time in any file). POI stamps entries with the current time; this removes it. {@link #of}
 * takes the entries as POI writes them, before any compression, and compresses them once: the same bytes as
 * {@link #restamp} of POI's own zip, without deflating every entry twice and inflating it once in between.
 */
public final class StableZip {

	/** The time every entry carries (DOS local time: no time zone involved). */
	public static final LocalDateTime FIXED_TIME = LocalDateTime.of(2026, 1, 1, 0, 0);

	private StableZip() {
	}

	/**
	 * The stable zip of what {@code save} writes into a {@link ZipArchiveOutputStream} — POI's {@code
	 * XSSFWorkbook.write} (its OPC package writes straight into a {@code ZipArchiveOutputStream} it is given):
	 * the entries in the order written, each stamped {@link #FIXED_TIME} and deflated once. The same bytes as
	 * {@code restamp} of the zip {@code save} would have written on its own.
	 */
	public static byte[] of(Save save) {
		try (Entries entries = new Entries()) {
			save.to(entries);
			return zip(entries.list(), entries.total);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** One entry of a zip: its name and its uncompressed bytes. */
	public record Entry(String name, byte[] content) {
	}

	/** The entries {@code save} writes, in order, uncompressed: what {@link #of} would zip. */
	public static List<Entry> entries(Save save) {
		try (Entries entries = new Entries()) {
			save.to(entries);
			return entries.list();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The stable zip of {@code entries}, in their order: the bytes {@link #of} gives for the same entries. */
	public static byte[] of(List<Entry> entries) {
		try {
			return zip(entries, entries.stream().mapToInt(e -> e.content().length).sum());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Something that writes a zip into the stream it is given (POI's {@code wb::write}). */
	@FunctionalInterface
	public interface Save {
		void to(OutputStream zip) throws IOException;
	}

	/** A zip output that keeps each entry's name and uncompressed bytes, in order, and writes nothing. */
	private static final class Entries extends ZipArchiveOutputStream {

		final List<String> names = new ArrayList<>();
		final List<ByteArrayOutputStream> contents = new ArrayList<>();
		int total;
		private ByteArrayOutputStream current;

		Entries() {
			super(OutputStream.nullOutputStream());
		}

		@Override
		public void putArchiveEntry(ZipArchiveEntry entry) {
			if (current != null) {
				throw new IllegalStateException("zip entry " + names.get(names.size() - 1) + " not closed");
			}
			names.add(entry.getName());
			current = new ByteArrayOutputStream(8 * 1024);
			contents.add(current);
		}

		@Override
		public void write(byte[] b, int offset, int length) {
			if (current == null) {
				throw new IllegalStateException("no current zip entry");
			}
			current.write(b, offset, length);
			total += length;
		}

		@Override
		public void closeArchiveEntry() {
			current = null;
		}

		List<Entry> list() {
			List<Entry> out = new ArrayList<>(names.size());
			for (int i = 0; i < names.size(); i++) {
				out.add(new Entry(names.get(i), contents.get(i).toByteArray()));
			}
			return out;
		}

		@Override
		public void addRawArchiveEntry(ZipArchiveEntry entry, InputStream raw) {
			throw new UnsupportedOperationException("raw zip entries are not kept");
		}

		@Override
		public void finish() {
			// nothing is written: the entries are kept
		}

		@Override
		public void close() {
			def.end();
		}
	}

	private static byte[] zip(List<Entry> entries, int size) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, size / 4));
		try (ZipOutputStream zos = new ZipOutputStream(out)) {
			zos.setLevel(6);
			for (Entry e : entries) {
				ZipEntry copy = new ZipEntry(e.name());
				copy.setTimeLocal(FIXED_TIME);
				copy.setMethod(ZipEntry.DEFLATED);
				zos.putNextEntry(copy);
				zos.write(e.content());
				zos.closeEntry();
			}
		}
		return out.toByteArray();
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
