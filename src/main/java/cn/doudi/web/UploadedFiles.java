package cn.doudi.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.web.multipart.MultipartFile;

/**
 * Files a browser uploaded, saved under a new random folder of {@code root}: each in a numbered folder of
 * its own under the name the operator gave it (made safe), so that two files of one name do not collide
 * and messages, error reports and bank-name detection see the real file name. A name too long for the
 * file system (most allow 255 bytes: 85 Chinese characters) is shortened on disk, its extension kept, and
 * {@link Saved#display} gives the name in full for pages and downloads.
 */
final class UploadedFiles {

	/** Longest name on disk, in UTF-8 bytes: room for {@code .errors.xlsx} beside it within 255. */
	static final int MAX_NAME_BYTES = 180;

	private UploadedFiles() {
	}

	/** The files saved, and the name each was uploaded under (by the name on disk). */
	record Saved(List<Path> paths, Map<String, String> names) {

		/** The uploaded name for a name on disk (or a report's name beside it); the name itself otherwise. */
		String display(String diskName) {
			if (diskName == null) {
				return null;
			}
			for (Map.Entry<String, String> e : names.entrySet()) {
				if (diskName.startsWith(e.getKey())) {
					return e.getValue() + diskName.substring(e.getKey().length());
				}
			}
			return diskName;
		}

		Path folder() {
			return paths.get(0).getParent().getParent();
		}
	}

	/** Saves the non-empty files; throws IllegalArgumentException ({@code none}) when there is none. */
	static Saved save(Path root, List<MultipartFile> files, String none) throws IOException {
		List<MultipartFile> given = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
		if (given.isEmpty()) {
			throw new IllegalArgumentException(none);
		}
		Path dir = Files.createDirectories(root.resolve(UUID.randomUUID().toString()));
		List<Path> paths = new ArrayList<>();
		Map<String, String> names = new LinkedHashMap<>();
		for (MultipartFile f : given) {
			String name = safeName(f.getOriginalFilename(), paths.size());
			String onDisk = shortened(name);
			Path target = Files.createDirectories(dir.resolve(Integer.toString(paths.size() + 1))).resolve(onDisk);
			try (InputStream in = f.getInputStream()) {
				Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
			}
			paths.add(target);
			if (!onDisk.equals(name)) {
				names.put(onDisk, name);
			}
		}
		return new Saved(List.copyOf(paths), Map.copyOf(names));
	}

	/** The browser's file name without any folder part, or a neutral one; the extension decides CSV or XLSX. */
	static String safeName(String original, int index) {
		String name = original == null ? "" : original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}:*?\"<>|]", "_").strip();
		if (name.isEmpty() || name.startsWith(".")) {
			name = "upload-" + (index + 1) + name;
		}
		if (name.length() > 1000) {
			name = name.substring(0, 1000);
		}
		return name;
	}

	/** The name within {@link #MAX_NAME_BYTES}: its start, "…", and its extension (if short). */
	static String shortened(String name) {
		if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
		String base = ext.isEmpty() ? name : name.substring(0, dot);
		int budget = MAX_NAME_BYTES - ext.getBytes(StandardCharsets.UTF_8).length - 3;
		StringBuilder kept = new StringBuilder();
		int bytes = 0;
		for (int i = 0; i < base.length();) {
			int cp = base.codePointAt(i);
			int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
			if (bytes + n > budget) {
				break;
			}
			kept.appendCodePoint(cp);
			bytes += n;
			i += Character.charCount(cp);
		}
		return kept + "…" + ext;
	}
}
