package cn.doudi.disbursement.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.doudi.disbursement.files.BankFileRecords.BankFileRow;
import cn.doudi.kernel.Money;

/**
 * {@code bank/MANIFEST.sha256}: one line per bank file in the folder, sorted by file name —
 * {@code <sha256>  <file>  lines=<payment lines>  total=<0.00>} (UTF-8, LF). Line counts and totals come
 * from the {@code bank_file} row of that name and content; a file no run wrote (or one changed since) is
 * left out, with a warning.
 */
public final class Manifest {

	public static final String NAME = "MANIFEST.sha256";
	private static final Logger log = LoggerFactory.getLogger(Manifest.class);

	private Manifest() {
	}

	public static void rewrite(Path bankDir, BankFileRecords records) {
		if (!Files.isDirectory(bankDir)) {
			return;
		}
		List<Path> files;
		try (Stream<Path> s = Files.list(bankDir)) {
			files = s.filter(Files::isRegularFile)
				.filter(p -> !p.getFileName().toString().startsWith("."))
				.filter(p -> !p.getFileName().toString().equals(NAME))
				.sorted(java.util.Comparator.comparing((Path p) -> p.getFileName().toString()))
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		StringBuilder out = new StringBuilder();
		for (Path f : files) {
			String name = f.getFileName().toString();
			String sha = BankFolder.sha256(f);
			Optional<BankFileRow> row = records.find(BankFolder.NAME + "/" + name, sha);
			if (row.isEmpty()) {
				log.warn("{}: not written by any run (or changed since): left out of {}", f, NAME);
				continue;
			}
			out.append(line(sha, name, row.get().lineCount(), row.get().total()));
		}
		BankFolder.writeAtomically(bankDir, NAME, out.toString().getBytes(StandardCharsets.UTF_8));
	}

	public static String line(String sha256, String file, int lines, java.math.BigDecimal total) {
		return sha256 + "  " + file + "  lines=" + lines + "  total=" + Money.format(total) + "\n";
	}
}
