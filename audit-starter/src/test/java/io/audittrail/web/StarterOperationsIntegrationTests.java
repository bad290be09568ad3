package io.audittrail.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import io.audittrail.capture.StarterOperation;
import io.audittrail.capture.StarterOperations;
import io.audittrail.core.AuditEvent;
import io.audittrail.core.TenantScope;
import io.audittrail.store.EventQuery;
import io.audittrail.testapp.Article;
import io.audittrail.testapp.TestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * How the starter records its own operations: each entry is returned as stored, exactly
 * as the JSON API shows it, and work recorded with its operation commits with its entry
 * or is recorded as a failure.
 */
abstract class StarterOperationsIntegrationTests extends AuditChangesIntegrationTests {

	@Autowired
	StarterOperations operations;

	@Autowired
	EventQuery events;

	@Test
	void aRecordedOperationIsReturnedAsStoredAndAsTheApiListsIt() throws Exception {
		AuditEvent stored = this.operations
			.record(StarterOperation.export("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z", "actor=x", this.tenant))
			.orElseThrow();

		assertThat(stored.id()).isNotNull();
		assertThat(this.events.find(stored.id(), TenantScope.everything())).contains(stored);
		JsonNode shown = query("operation", "audit.export").get("items");
		assertThat(shown).singleElement().satisfies((item) -> {
			assertThat(item.get("id").asLong()).isEqualTo(stored.id());
			assertThat(item.get("tenant").asString()).isEqualTo(this.tenant);
			assertThat(item.get("outcome").asString()).isEqualTo("SUCCESS");
			assertThat(item.get("actor").get("name").asString()).isEqualTo("editor@demo.test");
			assertThat(this.json.convertValue(item.get("details"), Map.class)).isEqualTo(Map.of("export_from",
					"2026-01-01T00:00:00Z", "export_to", "2026-02-01T00:00:00Z", "export_filters", "actor=x"));
		});
	}

	@Test
	void anOperationOfTheSystemNamesTheSystemWhoeverIsSignedIn() throws Exception {
		AuditEvent stored = this.operations.record(StarterOperation.retentionPurge(this.tenant, 30, 5, 2))
			.orElseThrow();

		JsonNode shown = read(get("/audit/api/events/" + stored.id()), reader());
		assertThat(shown.get("operation").asString()).isEqualTo("audit.retention.purge");
		assertThat(shown.get("actor").get("type").asString()).isEqualTo("SYSTEM");
		assertThat(shown.get("details").get("purged_events").asString()).isEqualTo("5");
		assertThat(this.events.find(stored.id(), TenantScope.everything())).contains(stored);
	}

	@Test
	void performedWorkCommitsWithItsEntryBoundToItsRevision() throws Exception {
		Article article = this.articles.create("Before", "n");
		long created = eventOf(article.getId(), "content.create");
		TestApplication.TENANT.set("elsewhere");

		AuditEvent stored = this.operations
			.perform(
					StarterOperation.of("audit.revert", this.tenant,
							Map.of("reverted_event_id", String.valueOf(created))),
					() -> this.articles.renameUnannotated(article.getId(), "After"))
			.orElseThrow();

		assertThat(stored.revision()).isNotNull();
		JsonNode shown = detail(stored.id());
		assertThat(shown.get("revision").asLong()).isEqualTo(stored.revision());
		assertThat(shown.get("changes")).singleElement().satisfies((change) -> {
			assertThat(change.get("entityType").asString()).isEqualTo("Article");
			assertThat(change.get("after").get("title").asString()).isEqualTo("After");
		});
		assertThat(this.events.find(stored.id(), TenantScope.everything())).contains(stored);
		assertThat(this.jdbc.queryForObject("select tenant from audit_revision where id = ?", String.class,
				stored.revision()))
			.isEqualTo(this.tenant);
	}

	@Test
	void workThatThrowsIsRolledBackAndRecordedAsAFailure() throws Exception {
		Article article = this.articles.create("Kept", "n");

		assertThatIllegalStateException().isThrownBy(
				() -> this.operations.perform(StarterOperation.of("audit.revert", this.tenant, Map.of()), () -> {
					this.articles.renameUnannotated(article.getId(), "Lost");
					throw new IllegalStateException("refused on purpose");
				}))
			.withMessage("refused on purpose");

		assertThat(this.articles.find(article.getId()).getTitle()).isEqualTo("Kept");
		JsonNode shown = query("operation", "audit.revert").get("items");
		assertThat(shown).singleElement().satisfies((item) -> {
			assertThat(item.get("outcome").asString()).isEqualTo("FAILURE");
			assertThat(item.get("revision").isNull()).isTrue();
			assertThat(detail(item.get("id").asLong()).get("error").asString())
				.isEqualTo(IllegalStateException.class.getName());
		});
	}

}
