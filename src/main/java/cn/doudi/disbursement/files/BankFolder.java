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
			Path tmp = dir.resolve("." + name + ".tmp");
			Files.write(tmp, bytes);
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

	public static String sha256(Path file) {
		try {
			return sha256(Files.readAllBytes(file));
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法读取文件 " + file, e);
		}
	}
}
