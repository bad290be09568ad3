package io.audittrail.capture.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.audittrail.capture.http.app.HttpTestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the audit log holds for API requests made to a secured application over HTTP.
 */
@SpringBootTest(classes = HttpTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:http-capture;DB_CLOSE_DELAY=-1")
class HttpCaptureIntegrationTests {

	private static final AtomicInteger requests = new AtomicInteger();

	private final HttpClient client = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SimpleMeterRegistry meters;

	@Test
	void apiKeyRequestIsRecordedWithEveryFieldAndSecretsMasked() throws Exception {
		String id = requestId();
		byte[] body = """
				{"title":"Hello","author":{"profile":{"password":"hunter2","nickname":"ed"},"apiKey":"k-9"},
				 "items":[{"cardNumber":"4111111111111111","cvc":123}]}""".getBytes(StandardCharsets.UTF_8);
		HttpResponse<byte[]> response = send(
				post("/api/echo/hello?lang=en&token=abc&lang=ja", id).header("X-API-KEY", HttpTestApplication.API_KEY)
					.header("X-Workspace", "ws-1")
					.header("X-Trace", "trace-1")
					.header("Cookie", "SESSION=secret-cookie")
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofByteArray(body)));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(body);
		Map<String, Object> entry = onlyEntry(id);
		assertThat(entry).containsEntry("OPERATION", "http.request")
			.containsEntry("TARGET", "http")
			.containsEntry("ACTION", "OTHER")
			.containsEntry("OUTCOME", "SUCCESS")
			.containsEntry("ACTOR_TYPE", "API_KEY")
			.containsEntry("ACTOR_ID", "key-1")
			.containsEntry("ACTOR_NAME", "Deploy bot")
			.containsEntry("TENANT", "ws-1")
			.containsEntry("IP", "127.0.0.1")
			.containsEntry("HTTP_METHOD", "POST")
			.containsEntry("HTTP_PATH", "/api/echo/hello")
			.containsEntry("HTTP_STATUS", 200)
			.containsEntry("HTTP_RESOURCE", "EchoController")
			.containsEntry("HTTP_AUTH_TYPE", "API_KEY");
		assertThat(entry.get("OCCURRED_AT")).isNotNull();
		JsonNode detail = detail(entry);
		JsonNode recordedBody = detail.get("body");
		assertThat(recordedBody.get("title").asString()).isEqualTo("Hello");
		assertThat(recordedBody.at("/author/profile/password").asString()).isEqualTo("***");
		assertThat(recordedBody.at("/author/profile/nickname").asString()).isEqualTo("ed");
		assertThat(recordedBody.at("/author/apiKey").asString()).isEqualTo("***");
		assertThat(recordedBody.at("/items/0/cardNumber").asString()).isEqualTo("***");
		assertThat(recordedBody.at("/items/0/cvc").asString()).isEqualTo("***");
		assertThat(detail.get("query").toString()).isEqualTo("{\"lang\":[\"en\",\"ja\"],\"token\":\"***\"}");
		assertThat(detail.get("pathParameters").toString()).isEqualTo("{\"name\":\"hello\"}");
		assertThat(detail.get("headers").toString()).isEqualTo("{\"x-trace\":\"trace-1\"}");
		assertThat(entry.get("HTTP_DETAIL").toString()).doesNotContain("hunter2", "k-9", "4111", "abc", "key-123",
				"secret-cookie");
	}

	@Test
	void jwtRequestIsRecordedForTheMemberWithoutTheToken() throws Exception {
		String id = requestId();
		String token = HttpTestApplication.jwt("m-7", "editor@demo.test");
		HttpResponse<byte[]> response = send(post("/api/echo/jwt", id).header("Authorization", "Bearer " + token)
			.header("X-Workspace", "ws-2")
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("plain words")));

		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> entry = onlyEntry(id);
		assertThat(entry).containsEntry("ACTOR_TYPE", "MEMBER")
			.containsEntry("ACTOR_ID", "m-7")
			.containsEntry("ACTOR_NAME", "editor@demo.test")
			.containsEntry("TENANT", "ws-2")
			.containsEntry("HTTP_AUTH_TYPE", "JWT")
			.containsEntry("HTTP_RESOURCE", "EchoController")
			.containsEntry("HTTP_STATUS", 200);
		assertThat(detail(entry).get("body").asString()).isEqualTo("plain words");
		assertThat(entry.get("HTTP_DETAIL").toString()).doesNotContain(token)
			.doesNotContainIgnoringCase("authorization");
	}

	@Test
	void sessionRequestsAreRecordedWithTheSignInFormMasked() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String signIn = requestId();
		HttpResponse<byte[]> signedIn = browser
			.send(post("/login", signIn).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString("username=editor%40demo.test&password=" + HttpTestApplication.PASSWORD + "&remember=yes"))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		String id = requestId();
		HttpResponse<byte[]> response = browser
			.send(post("/api/forms", id).header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-Workspace", "ws-3")
				.POST(HttpRequest.BodyPublishers.ofString("name=Ed&Secret=s3&name=Eddie&note=caf%C3%A9"))
				.build(), HttpResponse.BodyHandlers.ofByteArray());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"Secret\":\"s3\"");
		Map<String, Object> entry = onlyEntry(id);
		assertThat(entry).containsEntry("ACTOR_TYPE", "MEMBER")
			.containsEntry("ACTOR_NAME", "editor@demo.test")
			.containsEntry("TENANT", "ws-3")
			.containsEntry("HTTP_AUTH_TYPE", "SESSION")
			.containsEntry("HTTP_RESOURCE", "EchoController")
			.containsEntry("HTTP_PATH", "/api/forms")
			.containsEntry("HTTP_STATUS", 200);
		assertThat(detail(entry).get("body").toString())
			.isEqualTo("{\"name\":[\"Ed\",\"Eddie\"],\"Secret\":\"***\",\"note\":\"café\"}");
		assertThat(entry.get("HTTP_DETAIL").toString()).doesNotContain("JSESSIONID");
		Map<String, Object> login = onlyEntry(signIn);
		assertThat(login).containsEntry("HTTP_STATUS", 302)
			.containsEntry("HTTP_AUTH_TYPE", "SESSION")
			.containsEntry("ACTOR_NAME", "editor@demo.test");
		assertThat(detail(login).get("body").toString())
			.isEqualTo("{\"username\":\"editor@demo.test\",\"password\":\"***\",\"remember\":\"yes\"}");
	}

	@Test
	void auditedRequestIsOneEntryWithItsRequestPartAndStatus() throws Exception {
		String id = requestId();
		HttpResponse<byte[]> response = send(post("/api/articles", id)
			.header("Authorization", "Bearer " + HttpTestApplication.jwt("m-8", "writer@demo.test"))
			.header("X-Workspace", "ws-4")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Audited\",\"note\":\"n\",\"token\":\"t-1\"}")));

		assertThat(response.statusCode()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject(
					"select count(*) from audit_event e where request_id = ? and (http_status "
							+ "is not null or exists (select 1 from audit_request_status st where st.event_id = e.id))",
					Long.class, id) == 1);
		Map<String, Object> entry = onlyEntry(id);
		assertThat(entry).containsEntry("OPERATION", "content.create")
			.containsEntry("ENTITY_NAME", "Audited")
			.containsEntry("ACTOR_NAME", "writer@demo.test")
			.containsEntry("TENANT", "ws-4")
			.containsEntry("HTTP_METHOD", "POST")
			.containsEntry("HTTP_PATH", "/api/articles")
			.containsEntry("HTTP_STATUS", 201)
			.containsEntry("HTTP_RESOURCE", "ArticleController")
			.containsEntry("HTTP_AUTH_TYPE", "JWT");
		assertThat(entry.get("REVISION_ID")).isNotNull();
		assertThat(detail(entry).get("body").toString())
			.isEqualTo("{\"title\":\"Audited\",\"note\":\"n\",\"token\":\"***\"}");
		sendRecordedMarker();
		assertThat(entries(id)).hasSize(1);
	}

	@Test
	void entriesCarryTheTraceOfTheirRequest() throws Exception {
		String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
		String audited = requestId();
		assertThat(send(post("/api/articles", audited)
			.header("Authorization", "Bearer " + HttpTestApplication.jwt("m-8", "writer@demo.test"))
			.header("traceparent", traceparent)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Traced\",\"note\":\"n\"}"))).statusCode())
			.isEqualTo(201);
		String plain = requestId();
		assertThat(send(post("/api/echo/traced", plain).header("X-API-KEY", HttpTestApplication.API_KEY)
			.header("traceparent", traceparent)
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("words"))).statusCode()).isEqualTo(200);
		String forged = requestId();
		assertThat(send(post("/api/echo/forged", forged).header("X-API-KEY", HttpTestApplication.API_KEY)
			.header("traceparent", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01' or 1=1")
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("words"))).statusCode()).isEqualTo(200);

		for (String id : List.of(audited, plain)) {
			assertThat(onlyEntry(id)).containsEntry("TRACE_ID", "4bf92f3577b34da6a3ce929d0e0e4736")
				.containsEntry("SPAN_ID", "00f067aa0ba902b7");
		}
		assertThat(onlyEntry(forged)).containsEntry("TRACE_ID", null).containsEntry("SPAN_ID", null);
	}

	@Test
	void requestsRejectedBySecurityAreRecordedWithTheirStatus() throws Exception {
		String anonymous = requestId();
		assertThat(send(post("/api/echo/x", anonymous).POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode())
			.isEqualTo(401);
		String forbidden = requestId();
		assertThat(send(post("/admin/settings", forbidden).header("X-API-KEY", HttpTestApplication.API_KEY)
			.POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(403);

		assertThat(onlyEntry(anonymous)).containsEntry("HTTP_STATUS", 401)
			.containsEntry("OUTCOME", "FAILURE")
			.containsEntry("ACTOR_TYPE", "ANONYMOUS")
			.containsEntry("HTTP_AUTH_TYPE", null)
			.containsEntry("HTTP_RESOURCE", null);
		assertThat(onlyEntry(forbidden)).containsEntry("HTTP_STATUS", 403)
			.containsEntry("OUTCOME", "FAILURE")
			.containsEntry("ACTOR_TYPE", "API_KEY")
			.containsEntry("ACTOR_NAME", "Deploy bot")
			.containsEntry("HTTP_AUTH_TYPE", "API_KEY");
	}

	@Test
	void handlerFailureIsRecordedWithItsStatus() throws Exception {
		String id = requestId();
		assertThat(send(post("/api/failures", id).header("X-API-KEY", HttpTestApplication.API_KEY)
			.POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(500);

		assertThat(onlyEntry(id)).containsEntry("HTTP_STATUS", 500)
			.containsEntry("OUTCOME", "FAILURE")
			.containsEntry("HTTP_RESOURCE", "EchoController")
			.containsEntry("ERROR", "jakarta.servlet.ServletException");
	}

	@Test
	void largeBodyIsCutWithAMarkerAndReachesTheControllerWhole() throws Exception {
		String id = requestId();
		String large = "{\"password\":\"p-1\",\"text\":\"" + "é".repeat(70_000) + "\"}";
		byte[] body = large.getBytes(StandardCharsets.UTF_8);
		HttpResponse<byte[]> response = send(
				post("/api/echo/large", id).header("X-API-KEY", HttpTestApplication.API_KEY)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofByteArray(body)));

		assertThat(response.body()).isEqualTo(body);
		String recorded = detail(onlyEntry(id)).get("body").asString();
		assertThat(recorded).startsWith("{\"password\":\"***\",\"text\":\"éé")
			.endsWith("...[truncated: kept 131072 of " + body.length + " bytes]")
			.doesNotContain("p-1", "\uFFFD");
	}

	@Test
	void malformedAndNonUtf8BodiesAreRecordedSafely() throws Exception {
		String malformed = requestId();
		send(post("/api/echo/bad", malformed).header("X-API-KEY", HttpTestApplication.API_KEY)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"password\": \"p-2\", \"title\": oops")));
		String binary = requestId();
		byte[] latin = { '{', '"', 'a', '"', ':', '"', (byte) 0xE9, (byte) 0xFF, '"', '}' };
		HttpResponse<byte[]> response = send(
				post("/api/echo/bytes", binary).header("X-API-KEY", HttpTestApplication.API_KEY)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofByteArray(latin)));

		assertThat(response.body()).isEqualTo(latin);
		JsonNode malformedDetail = detail(onlyEntry(malformed));
		assertThat(malformedDetail.get("body").asString()).isEqualTo("{\"password\": \"***\", \"title\": oops");
		assertThat(malformedDetail.get("bodyMalformed").asBoolean()).isTrue();
		assertThat(detail(onlyEntry(binary)).get("bodyDescription").toString())
			.isEqualTo("{\"contentType\":\"application/json\",\"size\":10,\"kind\":\"not text in UTF-8\"}");
	}

	@Test
	void multipartUploadIsDescribedNotStored() throws Exception {
		String id = requestId();
		String boundary = "----audit-boundary";
		ByteArrayOutputStream multipart = new ByteArrayOutputStream();
		multipart.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nReport\r\n")
			.getBytes(StandardCharsets.UTF_8));
		multipart.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report.bin\"\r\n"
						+ "Content-Type: application/octet-stream\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
		multipart.writeBytes("SECRET-FILE-CONTENT".repeat(100).getBytes(StandardCharsets.UTF_8));
		multipart.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<byte[]> response = send(post("/api/uploads", id).header("X-API-KEY", HttpTestApplication.API_KEY)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(multipart.toByteArray())));

		assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"size\":1900");
		Map<String, Object> entry = onlyEntry(id);
		JsonNode description = detail(entry).get("bodyDescription");
		assertThat(description.get("contentType").asString()).startsWith("multipart/form-data");
		assertThat(description.get("size").asLong()).isEqualTo(multipart.size());
		assertThat(description.get("parts").toString()).isEqualTo("[{\"name\":\"title\",\"size\":6},"
				+ "{\"name\":\"file\",\"filename\":\"report.bin\",\"contentType\":\"application/octet-stream\",\"size\":1900}]");
		assertThat(entry.get("HTTP_DETAIL").toString()).doesNotContain("SECRET-FILE-CONTENT");
	}

	@Test
	void bodyTheApplicationRejectedUnreadIsDescribedNotStoredAsItsFirstByte() throws Exception {
		String id = requestId();
		HttpResponse<byte[]> response = send(post("/api/maps", id).header("X-API-KEY", HttpTestApplication.API_KEY)
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString("title,password\nHello,p-3\n")));

		assertThat(response.statusCode()).isEqualTo(415);
		Map<String, Object> entry = onlyEntry(id);
		assertThat(entry).containsEntry("HTTP_STATUS", 415).containsEntry("OUTCOME", "FAILURE");
		JsonNode detail = detail(entry);
		assertThat(detail.has("body")).isFalse();
		assertThat(detail.get("bodyDescription").toString())
			.isEqualTo("{\"contentType\":\"text/csv\",\"size\":25,\"kind\":\"not read by the application\"}");
	}

	@Test
	void sessionIdInThePathIsMasked() throws Exception {
		String id = requestId();
		send(post("/api/echo/doc;jsessionid=S3SSION-1;v=2", id).header("X-API-KEY", HttpTestApplication.API_KEY)
			.POST(HttpRequest.BodyPublishers.noBody()));

		Map<String, Object> entry = onlyEntry(id);
		assertThat(entry.get("HTTP_PATH").toString() + entry.get("HTTP_DETAIL")).doesNotContain("S3SSION-1");
	}

	/**
	 * Hostile bodies (an unfinished password value of 3,000 and 100,000 characters, which
	 * made a backtracking pattern overflow the stack) among ordinary requests: every
	 * request is recorded, masked, and the writer goes on. Bounded: 200 requests on
	 * loopback, 4 at a time, each answered within 2 minutes and all recorded within 1
	 * minute more.
	 */
	@Test
	void captureKeepsRecordingEveryRequestAfterHostileBodies() throws Exception {
		String run = requestId();
		String[] hostile = { "{\"email\":\"x\",\"password\":\"" + "a".repeat(3_000),
				"{\"email\":\"x\",\"password\":\"" + "a".repeat(100_000), "password=" + "a".repeat(100_000),
				"<password>" + "a".repeat(100_000), "{".repeat(100_000) };
		ExecutorService senders = Executors.newFixedThreadPool(4);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				String id = run + "-" + i;
				// hostile bodies are masked on the writer's thread (a plain request) and
				// on the request's (an audited one)
				HttpRequest.Builder request = switch (i % 4) {
					case 0 -> post("/api/echo/load", id).header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(hostile[(i / 4) % hostile.length]));
					case 2 -> post("/api/articles/import", id).header("Content-Type", "text/plain")
						.POST(HttpRequest.BodyPublishers.ofString(hostile[(i / 4) % hostile.length]));
					case 1 -> post("/api/articles", id).header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers
							.ofString("{\"title\":\"t-" + i + "\",\"password\":\"p-" + i + "\"}"));
					default -> post("/api/echo/load", id).header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"t-" + i + "\"}"));
				};
				answers.add(senders.submit(() -> send(
						request.header("X-API-KEY", HttpTestApplication.API_KEY).timeout(Duration.ofSeconds(60)))
					.statusCode()));
			}
			for (int i = 0; i < answers.size(); i++) {
				assertThat(answers.get(i).get(2, TimeUnit.MINUTES)).as("answer to request " + i)
					.isEqualTo((i % 4 == 0 || i % 4 == 3) ? 200 : 201);
			}
		}
		finally {
			senders.shutdownNow();
		}

		await().atMost(Duration.ofMinutes(1))
			.until(() -> this.jdbc.queryForObject("select count(*) from audit_event where request_id like ?",
					Long.class, run + "-%") == 200);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_event where request_id like ? and http_detail like '%aaaaaaaaaa%'",
				Long.class, run + "-%"))
			.isZero();
		// an audited request's status is appended after its response, as a row of its own
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jdbc.queryForObject(
					"select count(*) from audit_event e left join audit_request_status st on st.event_id = e.id "
							+ "where e.request_id like ? and e.operation = 'content.create' "
							+ "and coalesce(e.http_status, st.status) = 201",
					Long.class, run + "-%"))
				.isEqualTo(100));
		assertThat(Thread.getAllStackTraces().keySet())
			.anySatisfy((thread) -> assertThat(thread.getName()).isEqualTo("audit-http-writer"));
		assertThat(this.meters.counter("audit.http.entries.lost").count()).isZero();
		sendRecordedMarker();
	}

	@Test
	void veryLongPathsAndHeadersAreCut() throws Exception {
		String id = requestId();
		String name = "n".repeat(2500);
		send(post("/api/echo/" + name, id).header("X-API-KEY", HttpTestApplication.API_KEY)
			.header("X-Trace", "t".repeat(3000))
			.POST(HttpRequest.BodyPublishers.noBody()));

		Map<String, Object> entry = onlyEntry(id);
		assertThat((String) entry.get("HTTP_PATH")).hasSize(2048).startsWith("/api/echo/nnn");
		JsonNode detail = detail(entry);
		assertThat(detail.at("/headers/x-trace").asString())
			.hasSize(RequestDetails.MAX_VALUE_CHARS + "...[cut]".length());
		assertThat(detail.at("/pathParameters/name").asString()).endsWith("...[cut]");
	}

	@Test
	void excludedPathsReadsAndTheAuditApiAreNotRecorded() throws Exception {
		String excluded = requestId();
		assertThat(send(post("/api/health/ping", excluded).POST(HttpRequest.BodyPublishers.noBody())).statusCode())
			.isEqualTo(200);
		String read = requestId();
		assertThat(send(request("/api/echo/read", read).header("X-API-KEY", HttpTestApplication.API_KEY).GET())
			.statusCode()).isEqualTo(200);
		String auditApi = requestId();
		send(post("/audit/api/events/1/revert", auditApi).header("X-API-KEY", HttpTestApplication.API_KEY)
			.POST(HttpRequest.BodyPublishers.noBody()));

		sendRecordedMarker();
		assertThat(entries(excluded)).isEmpty();
		assertThat(entries(read)).isEmpty();
		assertThat(entries(auditApi)).isEmpty();
	}

	/**
	 * Sends a recorded request and waits for it: entries queued before it are then
	 * written too.
	 */
	private void sendRecordedMarker() throws Exception {
		String marker = requestId();
		send(post("/api/echo/marker", marker).header("X-API-KEY", HttpTestApplication.API_KEY)
			.POST(HttpRequest.BodyPublishers.noBody()));
		onlyEntry(marker);
	}

	private HttpRequest.Builder post(String path, String requestId) {
		return request(path, requestId);
	}

	private HttpRequest.Builder request(String path, String requestId) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("X-Request-Id", requestId);
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private Map<String, Object> onlyEntry(String requestId) {
		await().atMost(Duration.ofSeconds(10)).until(() -> !entries(requestId).isEmpty());
		List<Map<String, Object>> entries = entries(requestId);
		assertThat(entries).hasSize(1);
		return entries.get(0);
	}

	/**
	 * The rows of the request's events, with the status of a late status row in place of
	 * their own.
	 */
	private List<Map<String, Object>> entries(String requestId) {
		List<Map<String, Object>> entries = this.jdbc.queryForList("select e.*, st.status as request_status "
				+ "from audit_event e left join audit_request_status st on st.event_id = e.id where e.request_id = ?",
				requestId);
		for (Map<String, Object> entry : entries) {
			Object late = entry.remove("REQUEST_STATUS");
			if (entry.get("HTTP_STATUS") == null) {
				entry.put("HTTP_STATUS", late);
			}
		}
		return entries;
	}

	private JsonNode detail(Map<String, Object> entry) {
		return this.json.readTree((String) entry.get("HTTP_DETAIL"));
	}

	private static String requestId() {
		return "http-" + requests.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
