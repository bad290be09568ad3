package io.audittrail.sample;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.audittrail.sample.support.CmsClient;
import io.audittrail.sample.support.HttpResult;
import io.audittrail.sample.support.StoredEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeds' status-transition table for {@code PATCH
 * /management/api/v1/contents/{endpoint}/{id}/status}: the operation recorded depends on
 * the status before and after the change.
 */
class StatusTransitionIntegrationTests extends SampleIntegrationTest {

	private CmsClient api;

	@BeforeEach
	void apiKey() {
		ensureApi("news");
		this.api = anonymous().apiKey(newApiKey("News site"));
	}

	@Test
	void draftToPublishedIsAContentUpdate() {
		String id = create("?status=draft");
		assertThat(changeStatus(id, "PUBLISH", "content.update")).isEqualTo("PUBLISHED");
	}

	@Test
	void publishedToDraftIsAContentUpdate() {
		String id = create("");
		assertThat(changeStatus(id, "DRAFT", "content.update")).isEqualTo("DRAFT");
	}

	@Test
	void publishedAndDraftToPublishedDeletesTheDraft() {
		String id = create("");
		HttpResult drafted = this.api.patch("/api/v1/news/" + id + "?status=draft", Map.of("title", "Second thoughts"));
		assertThat(drafted.status()).isEqualTo(200);
		assertThat(changeStatus(id, "PUBLISH", "content.delete_draft")).isEqualTo("PUBLISHED");
		HttpResult content = this.api.get("/api/v1/news/" + id);
		assertThat(content.json().get("data").get("title").asString()).isEqualTo("First");
		assertThat(content.json().get("draft").isNull()).isTrue();
	}

	@Test
	void publishingPublishedContentIsRefusedAndRecordsNoSuccess() {
		String id = create("");
		long mark = auditLog().lastId();
		HttpResult refused = this.api.patch("/management/api/v1/contents/news/" + id + "/status",
				Map.of("status", "PUBLISH"));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text("detail")).contains("already published");
		assertThat(successesAfter(mark)).isEmpty();
	}

	@Test
	void anUnknownStatusIsABadRequestNamingTheField() {
		String id = create("");
		HttpResult refused = this.api.patch("/management/api/v1/contents/news/" + id + "/status",
				Map.of("status", "ARCHIVE"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
	}

	private String create(String query) {
		HttpResult created = this.api.post("/api/v1/news" + query, Map.of("title", "First"));
		assertThat(created.status()).isEqualTo(201);
		return created.text("id");
	}

	private String changeStatus(String id, String status, String expectedOperation) {
		long mark = auditLog().lastId();
		HttpResult changed = this.api.patch("/management/api/v1/contents/news/" + id + "/status",
				Map.of("status", status));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(successesAfter(mark)).singleElement().satisfies((StoredEvent event) -> {
			assertThat(event.operation()).isEqualTo(expectedOperation);
			assertThat(event.actorType()).isEqualTo("API_KEY");
			assertThat(event.actorName()).isEqualTo("News site");
			assertThat(event.tenant()).isEqualTo("demo");
			assertThat(event.details()).containsEntry("content_id", id).containsEntry("api_name", "news");
		});
		return changed.text("status");
	}

}
