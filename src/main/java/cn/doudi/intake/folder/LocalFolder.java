package cn.doudi.intake.folder;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder of this machine (an exchange folder of the 前置机). Files are imported where they are and then
 * moved (a rename within one file system) into {@code <archive>/done|rejected/<YYYY-MM>/}.
 */
public final class LocalFolder implements FeedFolder {

	private final Path folder;
	private final Path archive;

	public LocalFolder(Path folder, Path archive) {
		this.folder = folder;
		this.archive = archive;
	}

	@Override
	public List<Entry> list() throws IOException {
		if (!Files.isDirectory(folder)) {
			throw new NoSuchFileException(folder.toString(), null, "目录不存在");
		}
		List<Entry> out = new ArrayList<>();
		try (Stream<Path> s = Files.list(folder)) {
			for (Path p : s.sorted(Comparator.comparing(Path::toString)).toList()) {
				BasicFileAttributes a;
				try {
					a = Files.readAttributes(p, BasicFileAttributes.class);
				}
				catch (NoSuchFileException gone) {
					continue;
				}
				if (a.isRegularFile()) {
					out.add(new Entry(p.getFileName().toString(), a.size(), modified(a)));
				}
			}
		}
		return out;
	}

	@Override
	public Path fetch(Entry entry, Path staging) throws IOException {
		Path file = folder.resolve(entry.name());
		BasicFileAttributes a;
		try {
			a = Files.readAttributes(file, BasicFileAttributes.class);
		}
		catch (NoSuchFileException e) {
			throw new ChangedException("文件已不在 " + folder);
		}
		if (a.size() != entry.size() || !modified(a).equals(entry.modified())) {
			throw new ChangedException("文件在确认完整后又被改动（大小 " + entry.size() + " → " + a.size() + "）");
		}
		return file;
	}

	@Override
	public Archived archive(String name, Path fetched, List<String> markers, String into, List<Path> reports)
			throws IOException {
		Path dir = archive.resolve(into);
		Files.createDirectories(dir);
		String target = name;
		for (int n = 2; exists(dir, target, reports.isEmpty()); n++) {
			target = FeedFolder.numbered(name, n);
		}
		String report = null;
		for (Path r : reports) {
			Path to = dir.resolve(target + ".errors.xlsx");
			move(r, to);
			report = archive.relativize(to).toString();
		}
		move(folder.resolve(name), dir.resolve(target));
		for (String m : markers) {
			Files.deleteIfExists(folder.resolve(m));
		}
		return new Archived(archive.relativize(dir.resolve(target)).toString(), report);
	}

	private static boolean exists(Path dir, String name, boolean noReport) {
		return Files.exists(dir.resolve(name)) || !noReport && Files.exists(dir.resolve(name + ".errors.xlsx"));
	}

	static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException e) {
			// the archive on another file system: copy, then remove (a crash in between leaves both: the next
			// poll recognises the same content and changes nothing)
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/** To the microsecond, as PostgreSQL keeps it (intake_seen compares a listing with the last one). */
	private static java.time.Instant modified(BasicFileAttributes a) {
		return a.lastModifiedTime().toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
	}

	@Override
	public String describe() {
		return folder.toString();
	}

	@Override
	public void close() {
	}
}
