package cn.doudi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.TestData;

/**
 * {@code /actuator/health} goes DOWN when the database is gone, and says it is the database: the
 * application reaches PostgreSQL through a small TCP proxy on 127.0.0.1 that the test starts and then
 * stops, cutting every connection (no mock: the real driver, pool and server). Its own database
 * ({@code <test db>_down}), so the other tests' schema is never touched.
 */
@WebIntegrationTest
@DirtiesContext // its pool would go on trying the stopped proxy in the other tests' time
class DatabaseDownHealthIntegrationTests {

	static final TcpProxy proxy = TcpProxy.toTestServer();

	@DynamicPropertySource
	static void throughTheProxy(DynamicPropertyRegistry registry) {
		String name = System.getenv().getOrDefault("DOUDI_TEST_DB", "doudi_test") + "_down";
		registry.add("doudi.db.url", () -> "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + name);
		registry.add("doudi.db.connection-timeout", () -> "2s");
	}

	@AfterAll
	static void stopTheProxy() {
		proxy.close();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	MockHttpServletResponse health(String url) throws Exception {
		return mvc.perform(get(url).with(user("admin").roles("ADMIN", "MANAGEMENT"))).andReturn().getResponse();
	}

	@Test
	void healthGoesDownAndNamesTheDatabase() throws Exception {
		DatabaseCleaner.clean(jdbc);
		new TestData(jdbc).user("admin", "ADMIN", null); // who reads the details, checked in the database
		MockHttpServletResponse up = health("/actuator/health/database");
		assertThat(up.getStatus()).isEqualTo(200);
		assertThat(up.getContentAsString(StandardCharsets.UTF_8)).contains("\"status\":\"UP\"");

		proxy.close();

		MockHttpServletResponse down = health("/actuator/health");
		String body = down.getContentAsString(StandardCharsets.UTF_8);
		assertThat(down.getStatus()).isEqualTo(503);
		assertThat(body).startsWith("{").contains("\"status\":\"DOWN\"");
		// the component that is down is the database, with the driver's reason; the disk is still up
		assertThat((String) JsonPath.read(body, "$.components.db.status")).isEqualTo("DOWN");
		assertThat((String) JsonPath.read(body, "$.components.db.details.error")).contains("Connection");
		assertThat((String) JsonPath.read(body, "$.components.diskSpace.status")).isEqualTo("UP");
		MockHttpServletResponse database = health("/actuator/health/database");
		assertThat(database.getStatus()).isEqualTo(503);
		assertThat(database.getContentAsString(StandardCharsets.UTF_8)).contains("\"status\":\"DOWN\"", "error");
		// and anyone (a load balancer) sees the bare DOWN
		assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.contains("\"status\":\"DOWN\"").doesNotContain("\"db\"");
	}

	/** Forwards 127.0.0.1:port to the test's PostgreSQL server until closed; closing cuts every connection. */
	static final class TcpProxy implements AutoCloseable {

		private final ServerSocket server;
		private final String host;
		private final int targetPort;
		private final List<Socket> sockets = new CopyOnWriteArrayList<>();

		private TcpProxy(String host, int targetPort) throws IOException {
			this.host = host;
			this.targetPort = targetPort;
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			Thread accept = new Thread(this::accept, "db-proxy");
			accept.setDaemon(true);
			accept.start();
		}

		static TcpProxy toTestServer() {
			// DOUDI_TEST_DB_URL points the tests at another server: the proxy forwards there
			URI target = URI.create(System.getenv().getOrDefault("DOUDI_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/x")
				.substring("jdbc:".length()));
			try {
				return new TcpProxy(target.getHost(), target.getPort() < 0 ? 5432 : target.getPort());
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		int port() {
			return server.getLocalPort();
		}

		private void accept() {
			while (!server.isClosed()) {
				try {
					Socket client = server.accept();
					Socket upstream = new Socket(host, targetPort);
					sockets.add(client);
					sockets.add(upstream);
					pipe(client, upstream);
					pipe(upstream, client);
				}
				catch (IOException e) {
					// closed
				}
			}
		}

		private void pipe(Socket from, Socket to) {
			Thread t = new Thread(() -> {
				try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
					in.transferTo(out);
				}
				catch (IOException e) {
					// a side closed
				}
				finally {
					closeQuietly(from);
					closeQuietly(to);
				}
			}, "db-proxy-pipe");
			t.setDaemon(true);
			t.start();
		}

		@Override
		public void close() {
			closeQuietly(server);
			sockets.forEach(TcpProxy::closeQuietly);
		}

		private static void closeQuietly(AutoCloseable c) {
			try {
				c.close();
			}
			catch (Exception e) {
				// already closed
			}
		}
	}
}
