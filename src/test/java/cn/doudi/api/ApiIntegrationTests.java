package cn.doudi.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import cn.doudi.payroll.MonthEnd;
import cn.doudi.security.AccessControl;
import cn.doudi.security.ApiTokens;
import cn.doudi.security.Passwords;
import cn.doudi.support.Commands;
import cn.doudi.support.DatabaseCleaner;
import cn.doudi.support.FreshSchemaConfiguration;
import cn.doudi.support.TestData;

/**
 * The HTTP API on a real server (random port) and the real PostgreSQL: a bearer token is required (none, a
 * wrong one, a revoked one, a disabled user's: 401), the façades' role and county scope hold (403 in their
 * words), an upload by API equals the same upload by {@code import} (counts and the snapshot's rows), every
 * call is in the audit trail, and the console's session and the API's token never open each other's side.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "doudi.api.max-upload-size=64KB",
			"spring.servlet.multipart.max-file-size=80KB" })
@ActiveProfiles("test")
@Import(FreshSchemaConfiguration.class)
@DirtiesContext // a server of its own: closed after, its connections with it
class ApiIntegrationTests {

	static final String A = "410102";
	static final String B = "410122";
	static final String PASSWORD = "Ping-an-2026";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	AccessControl access;

	@Autowired
	Passwords passwords;

	@Autowired
	MonthEnd monthEnd;

	@Autowired
	ConfigurableApplicationContext context;

	@TempDir
	Path temp;

	final HttpClient http = HttpClient.newHttpClient();

	long runA;
	long runB;
	String opA;
	String monA;
	String finA;
	String admin;

	@BeforeEach
	void setUp() {
		DatabaseCleaner.clean(jdbc);
		TestData data = new TestData(jdbc);
		for (String county : new String[] { A, B }) {
			data.standard(county, "ELDERLY", "80-89", "2026-01", "100.00")
				.beneficiary(county + "001001", "E" + county, TestData.id(county, "1940-03-02", 11), "张三", "户主", "ELDERLY",
						null, null, "2026-01", null);
		}
		data.user("opA", "OPERATOR", A)
			.user("monA", "MONITOR", A)
			.user("finA", "FINANCE", A)
			.user("finB", "FINANCE", B)
			.user("admin", "ADMIN", null);
		passwords.set("monA", "monA", PASSWORD);
		runA = monthEnd.one(A, YearMonth.of(2026, 10), LocalDate.of(2026, 10, 10), temp.resolve(A), "finA").id();
		runB = monthEnd.one(B, YearMonth.of(2026, 10), LocalDate.of(2026, 10, 10), temp.resolve(B), "finB").id();
		for (String county : new String[] { A, B }) {
			jdbc.update("""
					insert into finding (code, effect, county, id_number, name, programs, detail, status, first_month, last_month)
					values ('NAME_MISMATCH', 'HOLD', ?, ?, '张三', 'ELDERLY', '民政与公安姓名不一致', 'OPEN', '2026-10', '2026-10')
					""", county, TestData.id(county, "1940-03-02", 11));
		}
		opA = tokens.create("admin", "opA", "县民政系统").token();
		monA = tokens.create("admin", "monA", null).token();
		finA = tokens.create("admin", "finA", null).token();
		admin = tokens.create("admin", "admin", "省平台").token();
		jdbc.update("delete from audit_event");
	}

	HttpResponse<String> get(String path, String token) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	HttpResponse<String> upload(String source, String token, String fileName, byte[] content, Map<String, String> fields)
			throws Exception {
		String boundary = "----doudi" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (Map.Entry<String, String> f : fields.entrySet()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
					+ f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		if (content != null) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.writeBytes(content);
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/uploads/" + source))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	static final String HEADER = "区划代码,户编号,身份证号,姓名,与户主关系,项目,类别,家庭月收入,开始月份,结束月份,开户银行,银行账号,账户名";

	/** County A's roster: two good rows and one with a bad ID. */
	static byte[] rosterA() {
		return (HEADER + "\n" + A + "001001,H1," + TestData.id(A, "1940-03-02", 11)
				+ ",张三,户主,ELDERLY,,,2026-01,,ICBC,6222020200000000011,张三\n" + A + "001001,H2,"
				+ TestData.id(A, "1942-05-06", 21) + ",李四,户主,ELDERLY,,,2026-01,,ICBC,6222020200000000029,李四\n" + A
				+ "001001,H3,41010219400302999,王五,户主,ELDERLY,,,2026-01,,ICBC,6222020200000000037,王五\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void everyCallNeedsAValidToken() throws Exception {
		for (String path : List.of("/api/v1/runs", "/api/v1/findings", "/api/v1/openapi.json")) {
			HttpResponse<String> none = get(path, null);
			assertThat(none.statusCode()).as(path).isEqualTo(401);
			assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
			assertThat(none.body()).contains("\"message\":\"需要有效的 API 令牌");
			assertThat(get(path, "doudi_" + "x".repeat(43)).statusCode()).as(path).isEqualTo(401);
			assertThat(get(path, opA.substring(0, opA.length() - 1) + "y").statusCode()).as(path).isEqualTo(401);
		}
		assertThat(upload("deaths", null, "d.csv", "x".getBytes(StandardCharsets.UTF_8), Map.of()).statusCode()).isEqualTo(401);
		// the calls without a token are in the audit trail too, each with its method and path
		assertThat(jdbc.queryForList("select subject from audit_event where action = 'API_NO_TOKEN' order by id", String.class))
			.containsExactly("GET /api/v1/runs", "GET /api/v1/findings", "GET /api/v1/openapi.json",
					"POST /api/v1/uploads/deaths");
		// the OpenAPI document, for a token's holder
		HttpResponse<String> doc = get("/api/v1/openapi.json", opA);
		assertThat(doc.statusCode()).isEqualTo(200);
		assertThat(doc.body()).contains("\"openapi\"", "/api/v1/uploads/{source}", "/api/v1/runs", "/api/v1/findings");
	}

	@Test
	void aRevokedTokenAndADisabledUsersTokenStopAtOnce() throws Exception {
		assertThat(get("/api/v1/runs", finA).statusCode()).isEqualTo(200);
		long id = jdbc.queryForObject("select id from api_token where user_name = 'finA'", Long.class);
		tokens.revoke("admin", "finA", id);
		assertThat(get("/api/v1/runs", finA).statusCode()).isEqualTo(401);

		assertThat(get("/api/v1/findings", monA).statusCode()).isEqualTo(200);
		access.disable("admin", "monA");
		assertThat(get("/api/v1/findings", monA).statusCode()).isEqualTo(401);
		assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'API_TOKEN_REFUSED'", Integer.class))
			.isEqualTo(2);
	}

	@Test
	void rolesAndCountiesAreTheFacadesScope() throws Exception {
		// a MONITOR (or FINANCE) may read, not upload
		HttpResponse<String> monitor = upload("beneficiaries", monA, "roster.csv", rosterA(), Map.of());
		assertThat(monitor.statusCode()).isEqualTo(403);
		assertThat(monitor.body()).contains("无权导入在册对象花名册");
		assertThat(upload("beneficiaries", finA, "roster.csv", rosterA(), Map.of()).statusCode()).isEqualTo(403);
		// county A's token: its own county's runs and findings, not B's
		HttpResponse<String> runs = get("/api/v1/runs", finA);
		assertThat(runs.body()).contains(A + "-202610-01").doesNotContain(B);
		HttpResponse<String> other = get("/api/v1/runs?county=" + B, finA);
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(other.body()).contains("只能操作本县区 " + A);
		assertThat(get("/api/v1/findings?county=" + B, monA).statusCode()).isEqualTo(403);
		String findings = get("/api/v1/findings?month=2026-10", monA).body();
		String id = TestData.id(A, "1940-03-02", 11);
		// A's two (the name mismatch, and the month-end's shared account), numbers masked as on the console
		assertThat(findings).contains("\"total\":2", "\"county\":\"" + A + "\"", id.substring(0, 6) + "********" + id.substring(14),
				"622202********2011").doesNotContain(id).doesNotContain("\"county\":\"" + B + "\"");
		assertThat(get("/api/v1/findings?month=2026-11", monA).body()).contains("\"total\":0");
		// a city-wide token reads every county
		assertThat(get("/api/v1/runs?month=2026-10", admin).body()).contains(A + "-202610-01", B + "-202610-01");
		// an operator of A may not upload B's rows
		byte[] rosterB = new String(rosterA(), StandardCharsets.UTF_8).replace(A + "001001,", B + "001001,")
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> b = upload("beneficiaries", opA, "roster-b.csv", rosterB, Map.of());
		assertThat(b.statusCode()).isEqualTo(403);
		assertThat(b.body()).contains("只能导入本县区 " + A);
		// bad requests: 400 in Chinese
		assertThat(upload("nope", opA, "a.csv", rosterA(), Map.of()).body()).contains("没有这个数据来源");
		assertThat(upload("beneficiaries", opA, null, null, Map.of()).statusCode()).isEqualTo(400);
		assertThat(get("/api/v1/runs?month=10-2026", finA).statusCode()).isEqualTo(400);
		HttpResponse<String> nowhere = get("/api/v1/no-such-thing", finA);
		assertThat(nowhere.statusCode()).isEqualTo(404);
		assertThat(nowhere.body()).contains("没有这个 API 地址");
		// too large: 413 before it is read
		HttpResponse<String> large = upload("beneficiaries", opA, "big.csv", new byte[100 * 1024], Map.of());
		assertThat(large.statusCode()).isEqualTo(413);
		assertThat(large.body()).contains("超过上限");
	}

	record Snapshot(List<Map<String, Object>> rows, Map<String, Object> counts) {
	}

	Snapshot snapshot() {
		return new Snapshot(jdbc.queryForList("""
				select county, region_code, household_id, id_number, name, program, category, start_month, bank, account_number
				from current_beneficiary order by id_number"""),
				jdbc.queryForMap("select status, rows_read, rows_accepted, rows_rejected, counties from import_batch "
						+ "where source = 'beneficiaries' order by id desc limit 1"));
	}

	@Test
	void anUploadByApiEqualsTheSameImportByTheCommandLine() throws Exception {
		HttpResponse<String> r = upload("beneficiaries", opA, "roster.csv", rosterA(), Map.of("acceptValidRows", "true"));
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("\"status\":\"COMMITTED\"", "\"rowsRead\":3", "\"rowsAccepted\":2", "\"rowsRejected\":1",
				"\"row\":4", "roster.csv.errors.xlsx");
		Snapshot byApi = snapshot();

		// the error report, with the same token only
		Matcher m = Pattern.compile("\"url\":\"([^\"]+)\"").matcher(r.body());
		assertThat(m.find()).isTrue();
		HttpResponse<String> report = get(m.group(1), opA);
		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(report.body()).startsWith("PK");
		assertThat(get(m.group(1), admin).statusCode()).isEqualTo(403);

		// the same file through `import` on a database in the same state
		setUp();
		Path file = temp.resolve("roster.csv");
		Files.write(file, rosterA());
		assertThat(Commands.run(context, "import", "beneficiaries", file.toString(), "--accept-valid-rows", "--user=opA"))
			.isZero();
		Snapshot byCli = snapshot();
		assertThat(byApi.rows()).hasSize(3).isEqualTo(byCli.rows());
		assertThat(byApi.counts()).isEqualTo(byCli.counts());

		// the same content again: recognised, nothing changes
		HttpResponse<String> again = upload("beneficiaries", opA, "roster.csv", rosterA(), Map.of("acceptValidRows", "true"));
		assertThat(again.body()).contains("\"status\":\"DUPLICATE\"");
		assertThat(snapshot().rows()).isEqualTo(byCli.rows());
	}

	@Test
	void everyCallIsInTheAuditTrail() throws Exception {
		get("/api/v1/runs", finA);
		get("/api/v1/findings?county=" + B, monA);
		upload("beneficiaries", opA, "roster.csv", rosterA(), Map.of());
		List<Map<String, Object>> events = jdbc.queryForList(
				"select actor, action, county, subject, detail from audit_event where action = 'API' order by id");
		assertThat(events).hasSize(3);
		assertThat(events.get(0)).containsEntry("actor", "finA").containsEntry("subject", "GET /api/v1/runs");
		assertThat((String) events.get(0).get("detail")).startsWith("status=200 token=#");
		assertThat(events.get(1)).containsEntry("actor", "monA").containsEntry("county", B);
		assertThat((String) events.get(1).get("detail")).startsWith("status=403");
		assertThat(events.get(2)).containsEntry("actor", "opA").containsEntry("subject", "POST /api/v1/uploads/beneficiaries");
		assertThat((String) events.get(2).get("detail")).contains("县民政系统");
		// the import itself is audited under the token's user too
		assertThat(jdbc.queryForObject("select imported_by from import_batch order by id desc limit 1", String.class))
			.isEqualTo("opA");
	}

	@Test
	void theConsolesSessionDoesNotOpenTheApiNorTheTokenTheConsole() throws Exception {
		// log in to the console as monA (a real form login with its CSRF token)
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
		String login = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> in = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=monA&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
					+ "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(in.statusCode()).isEqualTo(302);
		assertThat(in.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
		HttpResponse<String> findings = browser.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/findings")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(findings.statusCode()).isEqualTo(200);
		assertThat(findings.body()).contains("疑点");
		// the session opens the console, not the API
		HttpResponse<String> api = browser.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/findings")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(api.statusCode()).isEqualTo(401);
		// and a token opens the API, not the console
		HttpResponse<String> console = get("/findings", monA);
		assertThat(console.statusCode()).isEqualTo(302);
		assertThat(console.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		assertThat(get("/api/v1/findings", monA).statusCode()).isEqualTo(200);
		// the API never hands out a session
		assertThat(get("/api/v1/findings", monA).headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void findingsArePagedInTheDatabaseWithTheirTotalInTheReadersCounty() throws Exception {
		// given 1,234 more open findings in A (three codes in turn) and 300 in B, and a closed one in A
		for (String county : new String[] { A, B }) {
			jdbc.update("""
					insert into finding (code, effect, county, id_number, name, household_id, programs, detail, status,
					                     first_month, last_month)
					select (array['AGE_INELIGIBLE','NAME_MISMATCH','SHARED_ACCOUNT'])[i % 3 + 1], 'HOLD', ?,
					       ? || '1940' || lpad(i::text, 8, '0'), '居民' || i, 'H' || i, 'ELDERLY', '核对说明', 'OPEN',
					       '2026-10', '2026-10'
					from generate_series(1, ?) i
					""", county, county, county.equals(A) ? 1_234 : 300);
		}
		jdbc.update("update finding set status = 'DISMISSED' where county = ? and name = '居民7'", A);
		List<Long> open = jdbc.queryForList(
				"select id from finding where county = ? and status in ('OPEN', 'CONFIRMED') order by id", Long.class, A);
		assertThat(open).hasSize(2 + 1_234 - 1);

		// when county A's monitor reads every page of 500
		List<Long> seen = new java.util.ArrayList<>();
		List<String> codes = new java.util.ArrayList<>();
		for (int page = 0; page < 4; page++) {
			HttpResponse<String> r = get("/api/v1/findings?size=500&page=" + page, monA);
			assertThat(r.statusCode()).isEqualTo(200);
			// then each page says the total and its place, and holds its part of the list
			assertThat(r.body()).contains("\"page\":" + page + ",\"size\":500,\"total\":1235,");
			Matcher m = Pattern.compile("\\{\"id\":(\\d+),\"code\":\"(\\w+)\"").matcher(r.body());
			int n = 0;
			while (m.find()) {
				seen.add(Long.parseLong(m.group(1)));
				codes.add(m.group(2));
				n++;
			}
			assertThat(n).isEqualTo(new int[] { 500, 500, 235, 0 }[page]);
			// no whole ID, of A or of B
			assertThat(r.body()).doesNotContainPattern("\"idNumber\":\"\\d{18}\"")
				.doesNotContain("\"county\":\"" + B + "\"");
		}
		// every open finding of A once, none of B, the closed one not, in the list's order (by code first)
		assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(open);
		assertThat(codes).isSorted();
		assertThat(get("/api/v1/findings?size=500&page=0", monA).body()).contains("\"idNumber\":\"410102********");
		// filters are the query's too: a code, and every status
		assertThat(get("/api/v1/findings?code=AGE_INELIGIBLE&size=1", monA).body()).contains("\"total\":411,");
		assertThat(get("/api/v1/findings?status=ALL&size=1", monA).body()).contains("\"total\":1236,");
		// a city-wide reader reads both counties' totals; a page out of range is empty, a size over 500 refused
		assertThat(get("/api/v1/findings?size=1", admin).body()).contains("\"total\":"
				+ jdbc.queryForObject("select count(*) from finding where status in ('OPEN', 'CONFIRMED')", Long.class) + ",")
			.contains("\"county\":\"" + A + "\"");
		assertThat(get("/api/v1/findings?size=500&page=99", monA).body()).contains("\"items\":[]");
		HttpResponse<String> tooMany = get("/api/v1/findings?size=501", monA);
		assertThat(tooMany.statusCode()).isEqualTo(400);
		assertThat(tooMany.body()).contains("size 应在 1 到 500 之间");
	}

	@Test
	void aWrongMethodOnAKnownAddressIs405AndAnUnknownAddress404() throws Exception {
		// a known address, another method: 405 with the methods it takes, JSON in Chinese
		HttpResponse<String> delete = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/runs"))
			.header("Authorization", "Bearer " + finA)
			.DELETE()
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(delete.statusCode()).isEqualTo(405);
		assertThat(delete.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
		assertThat(delete.headers().firstValue("Allow")).hasValue("GET");
		assertThat(delete.body()).contains("\"status\":405", "此地址不支持 DELETE 请求，应使用 GET");
		// an upload's address asked with GET: 405, POST is what it takes
		HttpResponse<String> get = get("/api/v1/uploads/beneficiaries", opA);
		assertThat(get.statusCode()).isEqualTo(405);
		assertThat(get.headers().firstValue("Allow")).hasValue("POST");
		// the right method with a body that is not multipart: 415, saying what it takes
		HttpResponse<String> form = http.send(HttpRequest.newBuilder(
				URI.create("http://127.0.0.1:" + port + "/api/v1/uploads/beneficiaries"))
			.header("Authorization", "Bearer " + opA)
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofByteArray(rosterA()))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(form.statusCode()).isEqualTo(415);
		assertThat(form.body()).contains("multipart/form-data");
		// an address that is not there at all stays 404
		HttpResponse<String> nowhere = http.send(HttpRequest.newBuilder(
				URI.create("http://127.0.0.1:" + port + "/api/v1/no-such-thing"))
			.header("Authorization", "Bearer " + finA)
			.DELETE()
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(nowhere.statusCode()).isEqualTo(404);
		assertThat(nowhere.body()).contains("没有这个 API 地址");
	}

	@Test
	void aChunkedUploadOverTheServletsLimitIsJson413() throws Exception {
		// given a multipart body of 100 KB sent without a length (chunked): it passes the length check before
		// reading, and the servlet's multipart limit (80 KB here) refuses it while it is parsed
		String boundary = "----doudi" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(new byte[100 * 1024]);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		byte[] bytes = body.toByteArray();

		// when it is sent
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(
				URI.create("http://127.0.0.1:" + port + "/api/v1/uploads/beneficiaries"))
			.version(HttpClient.Version.HTTP_1_1)
			.header("Authorization", "Bearer " + opA)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

		// then JSON 413 in Chinese (not the console's HTML page), and nothing imported
		assertThat(r.statusCode()).isEqualTo(413);
		assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
		assertThat(r.body()).contains("\"status\":413", "超过上限").doesNotContain("<html");
		assertThat(jdbc.queryForObject("select count(*) from import_batch where source = 'beneficiaries' and imported_by = 'opA'",
				Integer.class)).isZero();
	}
}
