package io.audittrail.sample;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.audittrail.sample.support.CmsClient;
import io.audittrail.sample.support.HttpResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input gets a clear answer and never records a successful operation; reads, sign-in
 * and sign-out record nothing.
 */
class BadInputIntegrationTests extends SampleIntegrationTest {

	private static final String DEMO = "/api/v1/services/demo";

	private CmsClient api;

	@BeforeEach
	void apiKey() {
		ensureApi("notes");
		this.api = anonymous().apiKey(newApiKey("Notes site"));
	}

	@Test
	void unknownEndpointOrContentIsNotFound() {
		HttpResult endpoint = refused(404, () -> this.api.post("/api/v1/nothing", Map.of("title", "x")));
		assertThat(endpoint.text("detail")).isEqualTo("API endpoint 'nothing' does not exist");
		HttpResult content = refused(404, () -> this.api.patch("/api/v1/notes/missing", Map.of("title", "x")));
		assertThat(content.text("detail")).isEqualTo("Content 'missing' does not exist");
		refused(404, () -> this.api.delete("/api/v1/notes/missing"));
		refused(404, () -> member("owner@demo.test").delete(DEMO + "/contents/notes/missing"));
		refused(404, () -> member("owner@demo.test").delete(DEMO + "/api-keys/999999"));
	}

	@Test
	void invalidBodyIsABadRequestNamingTheField() {
		CmsClient owner = member("owner@demo.test");
		HttpResult missingName = refused(400,
				() -> owner.post(DEMO + "/apis", Map.of("endpoint", "letters", "type", "LIST")));
		assertThat(missingName.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
		assertThat(missingName.text("detail")).contains("name");
		HttpResult notANumber = refused(400,
				() -> owner.put(DEMO + "/settings", Map.of("audit_log_retention_days", "soon")));
		assertThat(notANumber.json().get("errors").get(0).get("field").asString())
			.isEqualTo("audit_log_retention_days");
		HttpResult unknownField = refused(400, () -> this.api.post("/api/v1/notes", Map.of("colour", "red")));
		assertThat(unknownField.json().get("errors").get(0).get("field").asString()).isEqualTo("data.colour");
		HttpResult badStatusParameter = refused(400,
				() -> this.api.post("/api/v1/notes?status=later", Map.of("title", "x")));
		assertThat(badStatusParameter.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
	}

	@Test
	void missingOrWrongApiKeyIsUnauthorized() {
		HttpResult missing = refused(401, () -> anonymous().post("/api/v1/notes", Map.of("title", "x")));
		assertThat(missing.text("detail")).contains("X-API-KEY");
		refused(401, () -> anonymous().apiKey("not-a-key").post("/api/v1/notes", Map.of("title", "x")));
		refused(401, () -> anonymous().apiKey("not-a-key").delete("/management/api/v2/media", Map.of("url", "x")));
	}

	@Test
	void readOnlyApiKeyMayNotWrite() {
		String secret = member("owner@demo.test").post(DEMO + "/api-keys", Map.of("name", "Reader", "write", false))
			.text("key");
		CmsClient reader = anonymous().apiKey(secret);
		assertThat(reader.get("/api/v1/notes").status()).isEqualTo(200);
		HttpResult write = refused(403, () -> reader.post("/api/v1/notes", Map.of("title", "x")));
		assertThat(write.text("detail")).isEqualTo("The API key 'Reader' may only read");
	}

	@Test
	void adminEndpointsNeedASignedInMember() {
		refused(401, () -> anonymous().post(DEMO + "/api-groups", Map.of("name", "Anonymous")));
		HttpResult wrongPassword = anonymous().post("/api/auth/token",
				Map.of("email", "owner@demo.test", "password", "wrong"));
		assertThat(wrongPassword.status()).isEqualTo(401);
	}

	@Test
	void memberWithoutThePermissionIsForbidden() {
		refused(403, () -> member("viewer@demo.test").post(DEMO + "/api-groups", Map.of("name", "Viewers")));
		refused(403, () -> member("editor@demo.test").post(DEMO + "/api-keys", Map.of("name", "Editors")));
		refused(403, () -> member("admin@demo.test").put(DEMO + "/plan", Map.of("plan", "BUSINESS")));
		refused(403, () -> member("owner@other.test").patch(DEMO, Map.of("name", "Taken over")));
		refused(403, () -> member("owner@other.test").get(DEMO + "/apis"));
	}

	@Test
	void readsRecordNothing() {
		long mark = auditLog().settledLastId();
		assertThat(member("viewer@demo.test").get(DEMO + "/apis").status()).isEqualTo(200);
		assertThat(member("viewer@demo.test").get(DEMO + "/members").status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/notes").status()).isEqualTo(200);
		assertThat(anonymous().member("editor@demo.test")).isNotNull();
		assertThat(auditLog().after(mark)).isEmpty();
	}

	@Test
	void signedInMembersActWithTheirSessionAndCsrfTokenWhileSignInAndOutRecordNothing() throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager())
			.build();
		long mark = auditLog().settledLastId();
		HttpResponse<String> signedIn = send(browser,
				form("/login", "username=owner%40demo.test&password=demo-password&_csrf="
						+ URLEncoder.encode(csrfToken(browser), StandardCharsets.UTF_8)));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).doesNotContain("error"));
		assertThat(auditLog().after(mark)).isEmpty();

		HttpResponse<String> withoutCsrf = send(browser, json(DEMO + "/api-groups", "{\"name\":\"Session\"}", null));
		assertThat(withoutCsrf.statusCode()).isEqualTo(403);
		HttpResponse<String> withCsrf = send(browser,
				json(DEMO + "/api-groups", "{\"name\":\"Session\"}", csrfToken(browser)));
		assertThat(withCsrf.statusCode()).isEqualTo(201);
		assertThat(successesAfter(mark)).singleElement().satisfies((event) -> {
			assertThat(event.operation()).isEqualTo("api_group.create");
			assertThat(event.actorType()).isEqualTo("MEMBER");
			assertThat(event.actorName()).isEqualTo("owner@demo.test");
			assertThat(event.tenant()).isEqualTo("demo");
		});

		long afterCreate = auditLog().settledLastId();
		HttpResponse<String> signedOut = send(browser,
				form("/logout", "_csrf=" + URLEncoder.encode(csrfToken(browser), StandardCharsets.UTF_8)));
		assertThat(signedOut.statusCode()).isEqualTo(302);
		assertThat(auditLog().after(afterCreate)).isEmpty();
	}

	private HttpResult refused(int status, Supplier<HttpResult> call) {
		long mark = auditLog().lastId();
		HttpResult result = call.get();
		assertThat(result.status()).as(result.body()).isEqualTo(status);
		assertThat(successesAfter(mark)).isEmpty();
		return result;
	}

	private String csrfToken(HttpClient browser) throws IOException, InterruptedException {
		String page = send(browser, HttpRequest.newBuilder(uri("/login")).GET().build()).body();
		Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).as(page).isTrue();
		return token.group(1);
	}

	private HttpRequest form(String path, String body) {
		return HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private HttpRequest json(String path, String body, String csrf) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (csrf != null) {
			request.header("X-CSRF-TOKEN", csrf);
		}
		return request.build();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest request)
			throws IOException, InterruptedException {
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
