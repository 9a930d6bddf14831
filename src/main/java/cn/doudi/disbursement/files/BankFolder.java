package cn.doudi.disbursement.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The {@code bank/} folder of a month: files written under a temporary name and moved into place atomically. */
public final class BankFolder {

	public static final String NAME = "bank";

	private BankFolder() {
	}

	public static Path of(Path monthFolder) {
		return monthFolder.resolve(NAME);
	}

	/** Writes {@code bytes} to {@code dir/name} through {@code dir/.name.tmp} and an atomic move. */
	public static void writeAtomically(Path dir, String name, byte[] bytes) {
		try {
			Files.createDirectories(dir);
			Files.write(temp(dir, name), bytes);
			place(dir, name);
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法写入文件 " + dir.resolve(name), e);
		}
	}

	/** The temporary name {@code dir/name} is written under ({@code dir/.name.tmp}, left out of the manifest). */
	static Path temp(Path dir, String name) {
		return dir.resolve("." + name + ".tmp");
	}

	/** Moves {@link #temp} into place as {@code dir/name}, atomically. */
	static void place(Path dir, String name) {
		Path tmp = temp(dir, name);
		try {
			try {
				Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法写入文件 " + dir.resolve(name), e);
		}
	}

	/** Moves {@code file} into {@code dir} (created when missing), replacing a file of that name; returns the new path. */
	public static Path move(Path file, Path dir) {
		try {
			Files.createDirectories(dir);
			Path target = dir.resolve(file.getFileName());
			try {
				return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException e) {
				return Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法把 " + file + " 移到 " + dir, e);
		}
	}

	public static void delete(Path dir, String name) {
		try {
			Files.deleteIfExists(dir.resolve(name));
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法删除 " + dir.resolve(name), e);
		}
	}

	public static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The file's SHA-256, read a block at a time. */
	public static String sha256(Path file) {
		try (java.io.InputStream in = Files.newInputStream(file)) {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			byte[] block = new byte[1 << 16];
			for (int n; (n = in.read(block)) > 0;) {
				sha.update(block, 0, n);
			}
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法读取文件 " + file, e);
		}
	}
}
