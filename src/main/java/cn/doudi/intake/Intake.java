package cn.doudi.intake;

import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import cn.doudi.ingest.Source;

/**
 * One feed of {@code jobs/intake/<name>.yml}: where an agency's files of one source arrive, which of them
 * to take, when to look, how a finished file is recognised, what rejected rows do, and the system user
 * the imports act as (see {@code jobs/intake/README.md}).
 *
 * @param name the file's base name (unique; Quartz's job name, the job parameter {@code feed})
 * @param description free text for people
 * @param source the source of INPUTS.md the files hold
 * @param location a local folder or an SFTP server's folder
 * @param files file-name patterns (globs: {@code 死亡*.csv}); reports, markers, hidden and temporary files never match
 * @param cron a Quartz cron expression (seconds first)
 * @param timeZone the zone of the cron expression and of the month folders ({@code done/<YYYY-MM>/})
 * @param complete how a file is known to be finished
 * @param acceptValidRows false: a file with a rejected row is refused whole (INPUTS.md); true: its valid rows are imported
 * @param encoding the CSV encoding (null: detected)
 * @param user the system user the imports act as (must hold the import right for the source)
 * @param enabled false: checked and listed, never fired
 * @param file where it was read from
 */
public record Intake(String name, String description, Source source, Location location, List<String> files,
		String cron, ZoneId timeZone, Completion complete, boolean acceptValidRows, Charset encoding, String user,
		boolean enabled, Path file) {

	/** Where the files are. */
	public sealed interface Location permits Folder, Sftp {

		/** For people: the folder, or {@code sftp://user@host:port/folder}. */
		String describe();
	}

	/**
	 * A folder of this machine (an exchange folder of the 前置机); {@code archive} holds {@code done/} and
	 * {@code rejected/} (by default the folder itself).
	 */
	public record Folder(Path path, Path archive) implements Location {

		@Override
		public String describe() {
			return path.toString();
		}
	}

	/**
	 * A folder on an agency's SFTP server. The password comes from the environment variable
	 * {@code passwordEnv} and/or the private key from {@code privateKey} (never from the file); the server
	 * must show the host key whose fingerprint is {@code hostKey} ({@code SHA256:…}). {@code archive} is
	 * the server's folder that holds {@code done/} and {@code rejected/} (by default {@code folder}).
	 */
	public record Sftp(String host, int port, String user, String folder, String archive, String passwordEnv,
			Path privateKey, String hostKey) implements Location {

		@Override
		public String describe() {
			return "sftp://" + user + "@" + host + ":" + port + folder;
		}
	}

	/** How a finished file is recognised. */
	public enum Completion {
		/** A marker file {@code <name>.ok} / {@code <name>.done} (or with the extension replaced) beside it. */
		MARKER,
		/** Its size and modification time did not change between two polls. */
		STABLE;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** The marker suffixes of {@link Completion#MARKER}. */
	public static final List<String> MARKERS = List.of(".ok", ".done");

	/** True when {@code fileName} is one of this feed's files (never a report, marker, hidden or temporary file; case does not matter). */
	public boolean matches(String fileName) {
		String lower = fileName.toLowerCase(Locale.ROOT);
		if (fileName.startsWith(".") || fileName.startsWith("~$") || lower.endsWith(".errors.xlsx")
				|| MARKERS.stream().anyMatch(lower::endsWith) || lower.endsWith(".tmp") || lower.endsWith(".part")
				|| lower.endsWith(".filepart")) {
			return false;
		}
		// agencies' systems write .XLSX as often as .xlsx: names match whatever their case
		Path name = Path.of(lower);
		return files.stream().map(g -> matcher(g.toLowerCase(Locale.ROOT))).anyMatch(m -> m.matches(name));
	}

	/** The marker files that would say {@code fileName} is finished. */
	public static List<String> markersOf(String fileName) {
		int dot = fileName.lastIndexOf('.');
		String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
		return MARKERS.stream().flatMap(m -> dot > 0 ? List.of(fileName + m, stem + m).stream() : List.of(fileName + m).stream())
			.toList();
	}

	static PathMatcher matcher(String glob) {
		return FileSystems.getDefault().getPathMatcher("glob:" + glob);
	}
}
