package cn.doudi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.doudi.support.FreshSchemaConfiguration;

/**
 * The session cookie on a real server (Tomcat sets it, not MockMvc): {@code HttpOnly} and
 * {@code SameSite=Lax} always; {@code Secure} behind a reverse proxy that forwards HTTPS ({@code serve
 * --behind-proxy}), and over {@code serve --tls} with a keystore; never {@code Secure} on plain HTTP, where
 * the browser would not send it back.
 */
class ConsoleCookiesIntegrationTests {

	static List<String> cookies(HttpResponse<?> r) {
		return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).toList();
	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "spring.main.web-application-type=servlet", "server.forward-headers-strategy=native" })
	@ActiveProfiles("test")
	@Import(FreshSchemaConfiguration.class)
	@DirtiesContext // a context of its own: closed after, its connections with it
	class BehindAProxy {

		@LocalServerPort
		int port;

		@Test
		void secureOnlyWhenTheProxyForwardedHttps() throws Exception {
			HttpClient client = HttpClient.newHttpClient();
			HttpResponse<Void> plain = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
					HttpResponse.BodyHandlers.discarding());
			HttpResponse<Void> forwarded = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
				.header("X-Forwarded-Proto", "https")
				.build(), HttpResponse.BodyHandlers.discarding());

			assertThat(cookies(plain)).singleElement()
				.satisfies(c -> assertThat(c).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure"));
			assertThat(cookies(forwarded)).singleElement()
				.satisfies(c -> assertThat(c).contains("HttpOnly", "SameSite=Lax", "Secure"));
			assertThat(forwarded.headers().firstValue("Strict-Transport-Security")).isPresent();
		}
	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "spring.main.web-application-type=servlet" })
	@ActiveProfiles("test")
	@Import(FreshSchemaConfiguration.class)
	@DirtiesContext
	class OverTls {

		@LocalServerPort
		int port;

		/** What {@code serve --tls --keystore=K} sets, with a keystore made here by the JDK's keytool. */
		@DynamicPropertySource
		static void tls(DynamicPropertyRegistry registry) throws Exception {
			Path dir = Files.createTempDirectory("i11-tls");
			Path keystore = dir.resolve("console.p12");
			Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
					"-alias", "console", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-validity", "2",
					"-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "Ping-an-2026")
				.redirectErrorStream(true)
				.start();
			keytool.getInputStream().readAllBytes();
			assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
			cn.doudi.cli.ServeCommandProperties.of(List.of("--tls", "--keystore=" + keystore),
					java.util.Map.of("DOUDI_KEYSTORE_PASSWORD", "Ping-an-2026"))
				.forEach((k, v) -> registry.add(k, () -> v));
		}

		@Test
		void httpsAndASecureCookie() throws Exception {
			SSLContext trustAll = SSLContext.getInstance("TLS");
			trustAll.init(null, new TrustManager[] { new X509TrustManager() {
				public void checkClientTrusted(X509Certificate[] c, String a) {
				}

				public void checkServerTrusted(X509Certificate[] c, String a) {
				}

				public X509Certificate[] getAcceptedIssuers() {
					return new X509Certificate[0];
				}
			} }, new SecureRandom());
			HttpClient client = HttpClient.newBuilder().sslContext(trustAll).build();

			HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/login")).build(),
					HttpResponse.BodyHandlers.discarding());

			assertThat(r.statusCode()).isEqualTo(200);
			assertThat(cookies(r)).singleElement().satisfies(c -> assertThat(c).contains("HttpOnly", "SameSite=Lax", "Secure"));
		}
	}
}
