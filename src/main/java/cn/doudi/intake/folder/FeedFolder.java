package cn.doudi.intake.folder;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The folder a feed's files arrive in: a local folder or an SFTP server's folder, opened for one poll.
 * Files are read from a local path ({@link #fetch}) and, once imported, moved into the archive's
 * {@code done/<YYYY-MM>/} or {@code rejected/<YYYY-MM>/} ({@link #archive}) with their error reports
 * beside them.
 */
public interface FeedFolder extends AutoCloseable {

	/** A regular file directly in the folder. */
	record Entry(String name, long size, Instant modified) {
	}

	/** The regular files directly in the folder (not in its sub-folders). */
	List<Entry> list() throws IOException;

	/**
	 * A local path the import reads the file from: the file itself for a local folder, a copy downloaded
	 * into {@code staging} for SFTP. Throws {@link ChangedException} when the file is no longer the one
	 * listed (size or time changed, or gone).
	 */
	Path fetch(Entry entry, Path staging) throws IOException;

	/**
	 * Moves the file {@code name} (read from {@code fetched}) into {@code <archive>/<into>/} ({@code into} is
	 * {@code done/2026-11}, say), under its own name or, when that is taken, {@code <stem>-2.<ext>} …; each
	 * report goes beside it as {@code <its new name>.errors.xlsx} (first: a crash before the file moved
	 * leaves the file, which the next poll takes again); then its {@code markers} are removed.
	 * Returns where the file went, relative to the archive ({@code done/2026-11/x.csv}), and the report's path.
	 */
	Archived archive(String name, Path fetched, List<String> markers, String into, List<Path> reports) throws IOException;

	/** Where a file went: {@code file} relative to the archive, {@code report} (null when none) for people. */
	record Archived(String file, String report) {
	}

	/** For people: the folder or {@code sftp://user@host:port/folder}. */
	String describe();

	@Override
	void close() throws IOException;

	/** The file changed or went away after it was listed as finished. */
	class ChangedException extends IOException {

		public ChangedException(String message) {
			super(message);
		}
	}

	/** {@code name} with {@code -n} before its extension. */
	static String numbered(String name, int n) {
		if (n <= 1) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
	}
}
