package cn.doudi.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's third finding, with real processes on one {@code --home} and its embedded PostgreSQL: while
 * {@code serve} runs, {@code status} on the same home connects to the running server instead of stopping
 * it, and the console keeps working (a logged-in page, a new login); after {@code serve} is killed with
 * {@code kill -9}, the server it left is recognised as an orphan and adopted by the next command, which
 * stops it when it ends.
 */
class SharedHomeIntegrationTests {

	static final String PASSWORD = "Ping-an-2026";

	@TempDir
	Path dir;

	@Test
	void aSecondCommandOnTheConsolesHomeLeavesTheConsoleWorking() throws Exception {
		Path home = dir.resolve("home");
		assertThat(doudi(home, Map.of(), "users", "add", "--name=admin", "--role=ADMIN").exit()).isZero();
		assertThat(doudi(home, Map.of("DOUDI_NEW_PASSWORD", PASSWORD), "users", "password", "--name=admin").exit()).isZero();
		int port = freePort();
		Process serve = start(home, dir.resolve("serve.log"), "serve", "--port=" + port);
		try {
			HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
			waitFor(() -> get(browser, port, "/login") == 200, Duration.ofMinutes(3), serve);
			assertThat(login(browser, port)).isEqualTo("/");
			long postmaster = postmasterPid(home).orElseThrow();

			Run status = doudi(home, Map.of(), "status");

			assertThat(status.exit()).as(status.output()).isZero();
			assertThat(status.output()).contains("connecting to the PostgreSQL server", "PostgreSQL 17")
				.doesNotContain("stopping");
			assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).contains(true);
			assertThat(get(browser, port, "/uploads")).isEqualTo(200);
			HttpClient another = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
			assertThat(login(another, port)).isEqualTo("/");

			// serve dies without closing anything: its server is an orphan, adopted and then stopped by the next command
			serve.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).contains(true);
			Run after = doudi(home, Map.of(), "status");
			assertThat(after.exit()).as(after.output()).isZero();
			assertThat(after.output()).contains("adopting the PostgreSQL server");
			waitFor(() -> ProcessHandle.of(postmaster).map(p -> !p.isAlive()).orElse(true), Duration.ofSeconds(60), null);
		}
		finally {
			serve.destroyForcibly();
			postmasterPid(home).flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroy);
		}
	}

	record Run(int exit, String output) {
	}

	Run doudi(Path home, Map<String, String> env, String... args) throws Exception {
		Path log = Files.createTempFile(dir, "run", ".log");
		Process p = start(home, log, env, args);
		assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("doudi " + String.join(" ", args) + " ended").isTrue();
		return new Run(p.exitValue(), Files.readString(log));
	}

	Process start(Path home, Path log, String... args) throws IOException {
		return start(home, log, Map.of(), args);
	}

	Process start(Path home, Path log, Map<String, String> env, String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-cp", System.getProperty("java.class.path"), "cn.doudi.DoudiApplication", "--home=" + home));
		command.addAll(List.of(args));
		ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		pb.environment().keySet().removeIf(k -> k.startsWith("DOUDI_"));
		pb.environment().putAll(env);
		return pb.start();
	}

	static Optional<Long> postmasterPid(Path home) throws IOException {
		Path pid = home.resolve("pgdata/postmaster.pid");
		return Files.exists(pid) ? Optional.of(Long.parseLong(Files.readAllLines(pid).get(0).trim())) : Optional.empty();
	}

	static int get(HttpClient client, int port, String path) {
		try {
			return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException e) {
			return -1;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/** Logs in as admin through the form (with its CSRF token); the page it redirects to. */
	static String login(HttpClient client, int port) throws Exception {
		String form = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
		assertThat(m.find()).isTrue();
		String body = "username=admin&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + m.group(1);
		HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.discarding());
		return URI.create(r.headers().firstValue("Location").orElse("")).getPath();
	}

	static int freePort() throws IOException {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}

	static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout, Process alive) throws Exception {
		long end = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > end || alive != null && !alive.isAlive()) {
				throw new AssertionError("condition not met within " + timeout);
			}
			Thread.sleep(500);
		}
	}
}
