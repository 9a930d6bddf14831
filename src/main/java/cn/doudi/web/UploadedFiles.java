package cn.doudi.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.web.multipart.MultipartFile;

/**
 * Files a browser uploaded, saved under a new random folder of {@code root}: each in a numbered folder of
 * its own under the name the operator gave it (made safe), so that two files of one name do not collide
 * and messages, error reports and bank-name detection see the real file name.
 */
final class UploadedFiles {

	private UploadedFiles() {
	}

	/** Saves the non-empty files; throws IllegalArgumentException ({@code none}) when there is none. */
	static List<Path> save(Path root, List<MultipartFile> files, String none) throws IOException {
		List<MultipartFile> given = files.stream().filter(f -> !f.isEmpty()).toList();
		if (given.isEmpty()) {
			throw new IllegalArgumentException(none);
		}
		Path dir = Files.createDirectories(root.resolve(UUID.randomUUID().toString()));
		List<Path> paths = new ArrayList<>();
		for (MultipartFile f : given) {
			Path target = Files.createDirectories(dir.resolve(Integer.toString(paths.size() + 1)))
				.resolve(safeName(f.getOriginalFilename(), paths.size()));
			try (InputStream in = f.getInputStream()) {
				Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
			}
			paths.add(target);
		}
		return paths;
	}

	/** The browser's file name without any folder part, or a neutral one; the extension decides CSV or XLSX. */
	static String safeName(String original, int index) {
		String name = original == null ? "" : original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}:*?\"<>|]", "_").strip();
		if (name.isEmpty() || name.startsWith(".")) {
			name = "upload-" + (index + 1) + name;
		}
		return name;
	}
}
