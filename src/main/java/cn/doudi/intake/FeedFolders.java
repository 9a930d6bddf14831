package cn.doudi.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import cn.doudi.intake.folder.FeedFolder;
import cn.doudi.intake.folder.LocalFolder;
import cn.doudi.intake.folder.SftpFolder;

/**
 * Opens a feed's folder. An SFTP feed's password is read from the environment variable its file names
 * ({@code password-env}; through Spring's environment, so a system property of that name works too), never
 * from the file. Local work of a feed lives under {@code <doudi.home>/intake/<feed>/}: {@code staging/}
 * (SFTP downloads being imported) and, for SFTP feeds, the local copies in {@code done/} and {@code rejected/}.
 */
@Component
class FeedFolders {

	static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final Environment environment;
	private final Path home;

	FeedFolders(Environment environment, @Value("${doudi.home}") Path home) {
		this.environment = environment;
		this.home = home;
	}

	FeedFolder open(Intake intake) throws IOException {
		if (intake.location() instanceof Intake.Sftp s) {
			return new SftpFolder(s.host(), s.port(), s.user(), s.folder(), s.archive(), password(s), s.privateKey(),
					s.hostKey(), workOf(intake), TIMEOUT);
		}
		Intake.Folder f = (Intake.Folder) intake.location();
		return new LocalFolder(f.path(), f.archive());
	}

	/** {@code <doudi.home>/intake/<feed>/}. */
	Path workOf(Intake intake) {
		return home.toAbsolutePath().resolve("intake").resolve(intake.name());
	}

	Path staging(Intake intake) {
		return workOf(intake).resolve("staging");
	}

	/** The password, or null when the feed logs in by key only; throws when the variable named is not set. */
	String password(Intake.Sftp s) throws IOException {
		if (s.passwordEnv() == null) {
			return null;
		}
		String p = environment.getProperty(s.passwordEnv());
		if (p == null || p.isEmpty()) {
			throw new IOException("环境变量 " + s.passwordEnv() + " 未设置（SFTP 密码）");
		}
		return p;
	}

	/** What keeps the feed from working, found without connecting (null: nothing found). */
	String check(Intake intake) {
		if (intake.location() instanceof Intake.Sftp s) {
			String password = s.passwordEnv() == null ? null : environment.getProperty(s.passwordEnv());
			if (s.passwordEnv() != null && (password == null || password.isEmpty())) {
				return "环境变量 " + s.passwordEnv() + " 未设置（SFTP 密码）";
			}
			return s.privateKey() != null && !Files.isReadable(s.privateKey()) ? "私钥文件 " + s.privateKey() + " 不可读" : null;
		}
		Intake.Folder f = (Intake.Folder) intake.location();
		return !Files.isDirectory(f.path()) ? "目录 " + f.path() + " 不存在"
				: !Files.isWritable(f.path()) ? "目录 " + f.path() + " 不可写（接收后要把文件移入 done/、rejected/）"
						: Files.exists(f.archive()) && !Files.isWritable(f.archive()) ? "归档目录 " + f.archive() + " 不可写" : null;
	}
}
