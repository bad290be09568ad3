package io.audittrail.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import tools.jackson.databind.JsonNode;

import io.audittrail.sample.support.CmsClient;
import io.audittrail.sample.support.HttpResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample records its API requests (the organization audit log): each entry shows how
 * the caller authenticated, the handling controller, method, path, status, and the masked
 * body, query and path parameters, and the search by partial path finds it. The requests
 * run in a service of their own, owned by {@code owner@demo.test}, so other tests'
 * entries do not mix in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestCaptureIntegrationTests extends SampleIntegrationTest {

	private static final String SERVICE = "/api/v1/services/capture";

	private CmsClient owner;

	private CmsClient apiKey;

	private String contentId;

	@BeforeAll
	void createTheServiceWithAnApiAndAKey() {
		this.owner = member("owner@demo.test");
		assertThat(this.owner.post("/api/v1/services", Map.of("serviceId", "capture", "name", "Capture")).status())
			.isEqualTo(201);
		assertThat(
				this.owner.post(SERVICE + "/apis",
						Map.of("endpoint", "notes", "name", "Notes", "type", "LIST", "fields",
								List.of(Map.of("fieldId", "title", "name", "Title", "kind", "text"))))
					.status())
			.isEqualTo(201);
		String secret = this.owner.post(SERVICE + "/api-keys", Map.of("name", "Capture key")).text("key");
		this.apiKey = anonymous().apiKey(secret)
			.withHeader("User-Agent", "capture-tests/1.0")
			.withHeader("X-Request-Id", "capture-content-write");
		HttpResult created = this.apiKey.post("/api/v1/notes?status=draft&token=query-secret",
				Map.of("title", "Captured note"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		this.contentId = created.text("id");
	}

	@Test
	void contentApiWriteShowsItsRequestWithTheKeyAndTheQuerySecretMasked() {
		JsonNode request = requestOf("/api/v1/notes", "content.create");

		assertThat(request.get("authType").asString()).isEqualTo("API_KEY");
		assertThat(request.get("resource").asString()).isEqualTo("ContentApiController");
		assertThat(request.get("method").asString()).isEqualTo("POST");
		assertThat(request.get("path").asString()).isEqualTo("/api/v1/notes");
		assertThat(request.get("status").asInt()).isEqualTo(201);
		assertThat(request.get("body").get("title").asString()).isEqualTo("Captured note");
		assertThat(request.get("query").get("status").asString()).isEqualTo("draft");
		assertThat(request.get("query").get("token").asString()).isEqualTo("***");
		assertThat(request.get("pathParameters").get("endpoint").asString()).isEqualTo("notes");
		assertThat(request.get("headers").toString()).contains("capture-tests/1.0")
			.contains("capture-content-write")
			.contains("application/json")
			.doesNotContainIgnoringCase("x-api-key");
		assertThat(request.toString()).doesNotContain("query-secret");
	}

	@Test
	void managementApiStatusChangeShowsItsPathParameters() {
		HttpResult published = this.apiKey.patch("/management/api/v1/contents/notes/" + this.contentId + "/status",
				Map.of("status", "PUBLISH"));
		assertThat(published.status()).as(published.body()).isEqualTo(200);

		JsonNode request = requestOf("/management/api/v1/contents/notes/" + this.contentId, "content.update");

		assertThat(request.get("authType").asString()).isEqualTo("API_KEY");
		assertThat(request.get("resource").asString()).isEqualTo("ManagementApiController");
		assertThat(request.get("method").asString()).isEqualTo("PATCH");
		assertThat(request.get("path").asString())
			.isEqualTo("/management/api/v1/contents/notes/" + this.contentId + "/status");
		assertThat(request.get("status").asInt()).isEqualTo(200);
		assertThat(request.get("body").get("status").asString()).isEqualTo("PUBLISH");
		assertThat(request.get("pathParameters").get("endpoint").asString()).isEqualTo("notes");
		assertThat(request.get("pathParameters").get("contentId").asString()).isEqualTo(this.contentId);
	}

	@Test
	void memberWithAJwtIsRecordedAsJwtWithTheCardNumberMasked() {
		HttpResult added = this.owner.post(SERVICE + "/payment",
				Map.of("companyName", "Capture Inc.", "phoneNumber", "+81 3 1234 5678", "contactName", "Capture Owner",
						"email", "billing@capture.test", "cardNumber", "4111111111111111", "method", "CARD"));
		assertThat(added.status()).as(added.body()).isEqualTo(201);

		JsonNode request = requestOf("/capture/payment", "payment.add");

		assertThat(request.get("authType").asString()).isEqualTo("JWT");
		assertThat(request.get("resource").asString()).isEqualTo("SettingsController");
		assertThat(request.get("method").asString()).isEqualTo("POST");
		assertThat(request.get("path").asString()).isEqualTo(SERVICE + "/payment");
		assertThat(request.get("status").asInt()).isEqualTo(201);
		assertThat(request.get("body").get("companyName").asString()).isEqualTo("Capture Inc.");
		assertThat(request.get("body").get("cardNumber").asString()).isEqualTo("***");
		assertThat(request.get("pathParameters").get("serviceId").asString()).isEqualTo("capture");
		assertThat(request.toString()).doesNotContain("4111111111111111");
	}

	@Test
	void memberWithASessionIsRecordedAsSession() {
		CmsClient session = CmsClient.session(this.port, this.json, "owner@demo.test");
		HttpResult created = session.post(SERVICE + "/api-groups", Map.of("name", "Session group"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		JsonNode request = requestOf("/capture/api-groups", "api_group.create");

		assertThat(request.get("authType").asString()).isEqualTo("SESSION");
		assertThat(request.get("resource").asString()).isEqualTo("SchemaController");
		assertThat(request.get("method").asString()).isEqualTo("POST");
		assertThat(request.get("path").asString()).isEqualTo(SERVICE + "/api-groups");
		assertThat(request.get("status").asInt()).isEqualTo(201);
		assertThat(request.get("body").get("name").asString()).isEqualTo("Session group");
		assertThat(request.get("pathParameters").get("serviceId").asString()).isEqualTo("capture");
		assertThat(request.toString()).doesNotContainIgnoringCase("cookie").doesNotContainIgnoringCase("csrf");
	}

	@Test
	void memberRequestThatRunsNoOperationIsRecordedWithItsAuthType() {
		HttpResult refused = this.owner.post(SERVICE + "/api-groups", Map.of("name", ""));
		assertThat(refused.status()).isEqualTo(400);

		JsonNode entry = await().atMost(Duration.ofSeconds(10))
			.until(() -> firstEntry("path=" + SERVICE + "/api-groups&operation=http.request"),
					(found) -> found != null);

		assertThat(entry.get("request").get("authType").asString()).isEqualTo("JWT");
		assertThat(entry.get("request").get("status").asInt()).isEqualTo(400);
		assertThat(entry.get("actor").get("name").asString()).isEqualTo("owner@demo.test");
		assertThat(entry.get("tenant").asString()).isEqualTo("capture");
	}

	/**
	 * A request that runs no operation is written by a background writer, after the
	 * entries of the requests that follow it; the list still reads newest first by time,
	 * page after page.
	 */
	@Test
	void listIsNewestFirstByTimeAcrossPagesWithEntriesWrittenLate() {
		for (int i = 0; i < 4; i++) {
			assertThat(this.owner.post(SERVICE + "/api-groups", Map.of("name", "")).status()).isEqualTo(400);
			assertThat(this.owner.post(SERVICE + "/api-groups", Map.of("name", "Paged group " + i)).status())
				.isEqualTo(201);
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.queryForObject(
					"select count(*) from audit_event where tenant = 'capture' and operation = 'http.request'"
							+ " and http_status = 400",
					Integer.class) >= 4);
		List<Long> expected = this.jdbc.queryForList(
				"select id from audit_event where tenant = 'capture' order by occurred_at desc, id desc", Long.class);

		List<Instant> times = new ArrayList<>();
		assertThat(pagedIds("tenant=capture", 3, times)).doesNotHaveDuplicates().isEqualTo(expected);
		assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());

		// every service the reader may see, in pages and in one
		List<Long> all = pagedIds("operation=api_group.create", 500, new ArrayList<>());
		assertThat(pagedIds("operation=api_group.create", 2, new ArrayList<>())).doesNotHaveDuplicates().isEqualTo(all);
	}

	private List<Long> pagedIds(String filters, int limit, List<Instant> times) {
		List<Long> ids = new ArrayList<>();
		String cursor = null;
		do {
			HttpResult page = this.owner.get(
					"/audit/api/events?" + filters + "&limit=" + limit + ((cursor != null) ? "&cursor=" + cursor : ""));
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			page.json().get("items").forEach((item) -> {
				ids.add(item.get("id").asLong());
				times.add(Instant.parse(item.get("occurredAt").asString()));
			});
			cursor = page.json().get("next").isNull() ? null : page.json().get("next").asString();
		}
		while (cursor != null);
		return ids;
	}

	/**
	 * The request part of the newest entry of the operation that the search by partial
	 * path finds, once its status is known (it is set when the response is complete).
	 */
	private JsonNode requestOf(String partialPath, String operation) {
		JsonNode entry = await().atMost(Duration.ofSeconds(10))
			.until(() -> firstEntry("path=" + partialPath + "&operation=" + operation),
					(found) -> found != null && found.get("request").hasNonNull("status"));
		return entry.get("request");
	}

	private JsonNode firstEntry(String query) {
		HttpResult page = this.owner.get("/audit/api/events?tenant=capture&" + query);
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		JsonNode items = page.json().get("items");
		return items.isEmpty() ? null : items.get(0);
	}

}
