package cn.doudi.intake.folder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * A folder on an agency's SFTP server, through Apache MINA SSHD's client. The server must show the host
 * key whose fingerprint the intake names (never trust on first use). A file is downloaded into a local
 * staging folder under the home and imported from there (the server's copy is never read twice and the
 * import's whole-file-or-nothing holds whatever the network does); then, on the server, it is renamed into
 * {@code <archive>/done|rejected/<YYYY-MM>/} with its error report uploaded beside it (the agency sees
 * why), and the local copy is kept in the same layout under {@code localArchive}.
 */
public final class SftpFolder implements FeedFolder {

	private final SshClient client;
	private final ClientSession session;
	private final SftpClient sftp;
	private final String folder;
	private final String archive;
	private final Path localArchive;
	private final String describe;

	/**
	 * Connects and logs in with {@code password} (may be null) and/or the private key file {@code privateKey}
	 * (may be null); throws an IOException with the reason in Chinese.
	 */
	public SftpFolder(String host, int port, String user, String folder, String archive, String password,
			Path privateKey, String hostKey, Path localArchive, Duration timeout) throws IOException {
		this.folder = strip(folder);
		this.archive = strip(archive);
		this.localArchive = localArchive;
		this.describe = "sftp://" + user + "@" + host + ":" + port + folder;
		String[] refused = new String[1];
		client = SshClient.setUpDefaultClient();
		client.setServerKeyVerifier((s, address, key) -> {
			boolean known = Boolean.TRUE.equals(KeyUtils.checkFingerPrint(hostKey, key).getKey());
			if (!known) {
				refused[0] = KeyUtils.getFingerPrint(key);
			}
			return known;
		});
		ClientSession opened = null;
		try {
			client.start();
			opened = client.connect(user, host, port).verify(timeout).getSession();
			if (password != null) {
				opened.addPasswordIdentity(password);
			}
			if (privateKey != null) {
				opened.setKeyIdentityProvider(new FileKeyPairProvider(privateKey));
			}
			opened.auth().verify(timeout);
			session = opened;
			sftp = SftpClientFactory.instance().createSftpClient(session);
		}
		catch (IOException | RuntimeException e) {
			if (opened != null) {
				opened.close(true);
			}
			client.stop();
			String why = refused[0] != null ? "服务器主机公钥指纹为 " + refused[0] + "，与 host-key 不符（可能被冒充，未登录）"
					: e.getMessage();
			throw new IOException("无法连接 " + describe + "：" + why, e);
		}
	}

	@Override
	public List<Entry> list() throws IOException {
		List<Entry> out = new ArrayList<>();
		for (SftpClient.DirEntry e : sftp.readDir(folder.isEmpty() ? "/" : folder)) {
			SftpClient.Attributes a = e.getAttributes();
			if (a.isRegularFile()) {
				out.add(new Entry(e.getFilename(), a.getSize(), modified(a)));
			}
		}
		out.sort(Comparator.comparing(Entry::name));
		return out;
	}

	@Override
	public Path fetch(Entry entry, Path staging) throws IOException {
		SftpClient.Attributes a = stat(path(folder, entry.name()));
		if (a == null) {
			throw new ChangedException("文件已不在服务器的 " + folder);
		}
		if (a.getSize() != entry.size() || !modified(a).equals(entry.modified())) {
			throw new ChangedException("文件在确认完整后又被改动（大小 " + entry.size() + " → " + a.getSize() + "）");
		}
		Files.createDirectories(staging);
		Path local = staging.resolve(entry.name());
		Path tmp = Files.createTempFile(staging, ".download-", ".tmp");
		try {
			try (InputStream in = sftp.read(path(folder, entry.name()))) {
				Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
			}
			if (Files.size(tmp) != entry.size()) {
				throw new ChangedException("下载的大小 " + Files.size(tmp) + " 与服务器所列 " + entry.size() + " 不符");
			}
			Files.move(tmp, local, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
		return local;
	}

	@Override
	public Archived archive(String name, Path fetched, List<String> markers, String into, List<Path> reports)
			throws IOException {
		String dir = path(archive, into);
		mkdirs(dir);
		String target = name;
		for (int n = 2; stat(path(dir, target)) != null || !reports.isEmpty() && stat(path(dir, target + ".errors.xlsx")) != null; n++) {
			target = FeedFolder.numbered(name, n);
		}
		// the local copy first: should the connection drop now, the server's file is still there for the next poll
		Path localDir = localArchive.resolve(into);
		Files.createDirectories(localDir);
		String report = null;
		for (Path r : reports) {
			try (OutputStream out = sftp.write(path(dir, target + ".errors.xlsx"))) {
				Files.copy(r, out);
			}
			LocalFolder.move(r, localDir.resolve(target + ".errors.xlsx"));
			report = path(dir, target + ".errors.xlsx");
		}
		Files.move(fetched, localDir.resolve(target), StandardCopyOption.REPLACE_EXISTING);
		sftp.rename(path(folder, name), path(dir, target));
		for (String m : markers) {
			if (stat(path(folder, m)) != null) {
				sftp.remove(path(folder, m));
			}
		}
		String file = path(dir, target);
		return new Archived(file.startsWith(archive + "/") ? file.substring(archive.length() + 1) : file,
				report == null ? null : report.startsWith(archive + "/") ? report.substring(archive.length() + 1) : report);
	}

	private void mkdirs(String dir) throws IOException {
		StringBuilder p = new StringBuilder();
		for (String part : dir.split("/")) {
			if (part.isEmpty()) {
				continue;
			}
			p.append('/').append(part);
			SftpClient.Attributes a = stat(p.toString());
			if (a == null) {
				sftp.mkdir(p.toString());
			}
			else if (!a.isDirectory()) {
				throw new IOException("服务器上的 " + p + " 不是目录");
			}
		}
	}

	private SftpClient.Attributes stat(String path) throws IOException {
		try {
			return sftp.stat(path);
		}
		catch (SftpException e) {
			if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE || e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH) {
				return null;
			}
			throw e;
		}
	}

	private static Instant modified(SftpClient.Attributes a) {
		return a.getModifyTime() == null ? Instant.EPOCH : a.getModifyTime().toInstant();
	}

	private static String strip(String path) {
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

	private static String path(String dir, String name) {
		return dir + "/" + name;
	}

	@Override
	public String describe() {
		return describe;
	}

	@Override
	public void close() throws IOException {
		try {
			sftp.close();
		}
		finally {
			try {
				session.close();
			}
			finally {
				client.stop();
			}
		}
	}
}
