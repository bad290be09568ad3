package io.audittrail.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.audittrail.testapp.Article;
import io.audittrail.testapp.ArticleService;
import io.audittrail.testapp.TestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What a reader sees of entity changes: an entry's before and after, an entity's history, and
 * reverting a change.
 */
abstract class AuditChangesIntegrationTests extends CsvExportIntegrationTests {

	@Autowired
	ArticleService articles;

	@BeforeEach
	void editInTheTestTenant() {
		TestApplication.TENANT.set(this.tenant);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("editor@demo.test", null, List.of()));
	}

	@AfterEach
	void signOutEditor() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void createdEntitiesHaveNoBeforeState() throws Exception {
		Article article = this.articles.create("Hello", "first note");

		JsonNode detail = detail(eventOf(article.getId(), "content.create"));

		assertThat(detail.get("changes")).hasSize(2);
		JsonNode created = change(detail, "Article");
		assertThat(created.propertyNames()).containsExactly("entityType", "entityId", "kind", "before", "after",
				"changedFields", "fields");
		assertThat(created.get("entityId").asString()).isEqualTo(article.getId().toString());
		assertThat(created.get("kind").asString()).isEqualTo("ADD");
		assertThat(created.get("before").isNull()).isTrue();
		assertThat(created.get("after").get("title").asString()).isEqualTo("Hello");
		assertThat(created.get("after").get("tags").isArray()).isTrue();
		assertThat(strings(created.get("changedFields"))).containsExactly("id", "title", "status");
		assertThat(change(detail, "Note").get("after").get("text").asString()).isEqualTo("first note");
	}

	@Test
	void updatesShowBeforeAfterAndChangedFields() throws Exception {
		Article article = this.articles.create("Hello", "n");
		this.articles.rename(article.getId(), "Goodbye");

		JsonNode change = change(detail(eventOf(article.getId(), "content.update")), "Article");

		assertThat(change.get("kind").asString()).isEqualTo("MOD");
		assertThat(change.get("before").get("title").asString()).isEqualTo("Hello");
		assertThat(change.get("after").get("title").asString()).isEqualTo("Goodbye");
		assertThat(change.get("after").get("status").asString()).isEqualTo("DRAFT");
		assertThat(strings(change.get("changedFields"))).containsExactly("title");
		JsonNode title = field(change, "title");
		assertThat(title.get("changed").asBoolean()).isTrue();
		assertThat(title.get("before").asString()).isEqualTo("Hello");
		assertThat(title.get("after").asString()).isEqualTo("Goodbye");
		assertThat(field(change, "status").get("changed").asBoolean()).isFalse();
	}

	@Test
	void aCreationMarksNoFieldAsChanged() throws Exception {
		Article article = this.articles.create("Fresh", "n");

		JsonNode created = change(detail(eventOf(article.getId(), "content.create")), "Article");

		assertThat(field(created, "title").get("after").asString()).isEqualTo("Fresh");
		assertThat(created.get("fields")).allSatisfy((field) -> assertThat(field.get("changed").asBoolean()).isFalse());
	}

	@Test
	void listRowsSummarizeWhatChangedWhenAsked() throws Exception {
		Article article = this.articles.create("Before", "n");
		this.articles.rename(article.getId(), "After");

		JsonNode items = read(get("/audit/api/events").param("entityType", "Article")
			.param("entityId", article.getId().toString())
			.param("summary", "true"), reader()).get("items");
		JsonNode update = items.get(0);
		assertThat(update.get("operation").asString()).isEqualTo("content.update");
		JsonNode summary = update.get("summary");
		assertThat(summary.get("kind").asString()).isEqualTo("MOD");
		assertThat(summary.get("entityType").asString()).isEqualTo("Article");
		assertThat(summary.get("fields")).singleElement().satisfies((field) -> {
			assertThat(field.get("path").asString()).isEqualTo("title");
			assertThat(field.get("before").asString()).isEqualTo("Before");
			assertThat(field.get("after").asString()).isEqualTo("After");
		});
		assertThat(read(get("/audit/api/events").param("entityType", "Article")
			.param("entityId", article.getId().toString()), reader()).get("items").get(0).has("summary")).isFalse();
	}

	@Test
	void aRevertedEntryNamesItsRevert() throws Exception {
		Article article = this.articles.create("Original", "n");
		this.articles.rename(article.getId(), "Renamed");
		long renamed = eventOf(article.getId(), "content.update");

		JsonNode revert = revert(renamed, reverter());

		JsonNode reverted = detail(renamed);
		assertThat(reverted.get("revertedBy")).singleElement()
			.satisfies((entry) -> assertThat(entry.get("id").asLong()).isEqualTo(revert.get("id").asLong()));
		assertThat(revert.get("details").get("reverted_event_id").asString()).isEqualTo(String.valueOf(renamed));
	}

	@Test
	void collectionChangesShowOldAndNewMembers() throws Exception {
		Article article = this.articles.create("Tagged", "n");
		this.articles.retag(article.getId(), Set.of("news", "sports"));
		this.articles.retag(article.getId(), Set.of("news", "weather"));

		List<Long> retags = eventsOf(article.getId(), "content.retag");
		JsonNode first = change(detail(retags.get(0)), "Article");
		JsonNode second = change(detail(retags.get(1)), "Article");

		assertThat(strings(first.get("before").get("tags"))).isEmpty();
		assertThat(strings(first.get("after").get("tags"))).containsExactly("news", "sports");
		assertThat(strings(second.get("before").get("tags"))).containsExactly("news", "sports");
		assertThat(strings(second.get("after").get("tags"))).containsExactly("news", "weather");
		assertThat(strings(second.get("changedFields"))).containsExactly("tags");
	}

	@Test
	void deletionsHaveNoAfterState() throws Exception {
		Article article = this.articles.create("Doomed", "n");
		this.articles.delete(article.getId(), true);

		JsonNode change = change(detail(eventOf(article.getId(), "content.delete")), "Article");

		assertThat(change.get("kind").asString()).isEqualTo("DEL");
		assertThat(change.get("before").get("title").asString()).isEqualTo("Doomed");
		assertThat(change.get("after").isNull()).isTrue();
		assertThat(strings(change.get("changedFields"))).contains("title");
	}

	@Test
	void relationsShowTheRelatedIdAndName() throws Exception {
		Article article = this.articles.create("Reviewed", "n");
		Long review = this.articles.review(article.getId(), "good").getId();

		long created = this.jdbc.queryForObject(
				"select id from audit_event where entity_type = 'Review' and entity_id = ?", Long.class, review.toString());
		JsonNode after = change(detail(created), "Review").get("after");

		assertThat(after.get("verdict").asString()).isEqualTo("good");
		assertThat(after.get("article").get("id").asLong()).isEqualTo(article.getId());
		assertThat(after.get("article").get("name").asString()).isEqualTo("Reviewed");
	}

	@Test
	void entriesWithoutRevisionHaveNoChanges() throws Exception {
		insertEvents(this.tenant, 1, "content.update", "editor@demo.test");
		long id = this.jdbc.queryForObject("select max(id) from audit_event where tenant = ?", Long.class, this.tenant);

		JsonNode detail = detail(id);

		assertThat(detail.get("changes")).isEmpty();
		assertThat(detail.get("revision").isNull()).isTrue();
	}

	@Test
	void historyMergesEventsAndRevisionsOldestFirstIncludingUnannotatedChanges() throws Exception {
		Article article = this.articles.create("v1", "n");
		this.articles.renameUnannotated(article.getId(), "v2");
		this.articles.rename(article.getId(), "v3");

		JsonNode history = read(get("/audit/api/entities/Article/" + article.getId() + "/history"), reader());

		assertThat(history.get("entityType").asString()).isEqualTo("Article");
		JsonNode items = history.get("items");
		assertThat(items).hasSize(3);
		List<String> titles = new ArrayList<>();
		items.forEach((item) -> titles.add(item.get("change").get("after").get("title").asString()));
		assertThat(titles).containsExactly("v1", "v2", "v3");
		assertThat(items.get(0).get("event").get("operation").asString()).isEqualTo("content.create");
		assertThat(items.get(1).get("change").get("before").get("title").asString()).isEqualTo("v1");
		assertThat(items.get(1).get("actor").get("name").asString()).isEqualTo("editor@demo.test");
		assertThat(items.get(2).get("event").get("operation").asString()).isEqualTo("content.update");
	}

	@Test
	void historyOfAnUnknownEntityIsNotFoundAndOfAnotherTenantHidden() throws Exception {
		Article article = this.articles.create("Private", "n");

		assertThat(status(get("/audit/api/entities/Article/999999999/history"), reader())).isEqualTo(404);
		assertThat(status(get("/audit/api/entities/Article/" + article.getId() + "/history"),
				user("reader@other.test", VIEW, "tenant:other-" + this.tenant))).isEqualTo(404);
	}

	@Test
	void revertAndRevertOfRevertRestoreTheExactPriorStates() throws Exception {
		Article article = this.articles.create("Original", "n");
		this.articles.retag(article.getId(), Set.of("a", "b"));
		this.articles.rename(article.getId(), "Changed");
		this.articles.retag(article.getId(), Set.of("c"));

		JsonNode revert = revert(eventsOf(article.getId(), "content.retag").get(1), reverter());

		assertThat(this.articles.find(article.getId()).getTags()).containsExactlyInAnyOrder("a", "b");
		assertThat(this.articles.find(article.getId()).getTitle()).isEqualTo("Changed");
		assertThat(revert.get("operation").asString()).isEqualTo("audit.revert");
		assertThat(revert.get("details").get("reverted_event_id").asString())
			.isEqualTo(eventsOf(article.getId(), "content.retag").get(1).toString());
		assertThat(revert.get("actor").get("name").asString()).isEqualTo("reverter@demo.test");
		assertThat(revert.get("tenant").asString()).isEqualTo(this.tenant);
		assertThat(strings(change(revert, "Article").get("changedFields"))).containsExactly("tags");

		revert(revert.get("id").asLong(), reverter());

		Article restored = this.articles.find(article.getId());
		assertThat(restored.getTags()).containsExactly("c");
		assertThat(restored.getTitle()).isEqualTo("Changed");
		assertThat(restored.getStatus()).isEqualTo("DRAFT");
	}

	@Test
	void revertOfACreationDeletesTheEntity() throws Exception {
		Article article = this.articles.createUnannotated("Short-lived");

		revert(eventOf(article.getId(), "content.create"), reverter());

		assertThat(this.jdbc.queryForObject("select count(*) from article where id = ?", Long.class, article.getId()))
			.isZero();
	}

	@Test
	void revertIsRefusedWhenTheEntityChangedSince() throws Exception {
		Article article = this.articles.create("One", "n");
		this.articles.rename(article.getId(), "Two");
		this.articles.rename(article.getId(), "Three");

		assertConflict(eventsOf(article.getId(), "content.update").get(0), "has changed since");
		assertThat(this.articles.find(article.getId()).getTitle()).isEqualTo("Three");
	}

	@Test
	void revertIsRefusedForCascadingDeletions() throws Exception {
		Article article = this.articles.create("Parent", "child note");
		this.articles.deleteWithNotes(article.getId());

		assertConflict(eventOf(article.getId(), "content.delete"), "cascading deletion");
	}

	@Test
	void revertIsRefusedForOperationsMarkedNotRevertible() throws Exception {
		Article article = this.articles.create("Kept", "n");
		this.articles.archive(article.getId());

		assertConflict(eventOf(article.getId(), "content.archive"), "not revertible");
		assertThat(this.articles.find(article.getId()).getStatus()).isEqualTo("ARCHIVED");
	}

	@Test
	void revertIsRefusedForEntriesWithoutRevision() throws Exception {
		insertEvents(this.tenant, 1, "content.update", "editor@demo.test");
		long id = this.jdbc.queryForObject("select max(id) from audit_event where tenant = ?", Long.class, this.tenant);

		assertConflict(id, "nothing to revert");
	}

	@Test
	void revertNeedsTheRevertAuthorityACsrfTokenAndTheTenant() throws Exception {
		Article article = this.articles.create("Guarded", "n");
		this.articles.rename(article.getId(), "Renamed");
		long id = eventOf(article.getId(), "content.update");
		String path = "/audit/api/events/" + id + "/revert";

		assertThat(status(post(path).with(csrf()), null)).isEqualTo(401);
		assertThat(status(post(path).with(csrf()), reader())).isEqualTo(403);
		assertThat(status(post(path), reverter())).isEqualTo(403);
		assertThat(status(post(path).with(csrf()), user("r@other.test", VIEW, REVERT, "tenant:other"))).isEqualTo(404);
		assertThat(this.articles.find(article.getId()).getTitle()).isEqualTo("Renamed");
	}

	// helpers

	static RequestPostProcessor reverter() {
		return user("reverter@demo.test", VIEW, REVERT, SYSTEM);
	}

	JsonNode revert(long eventId, RequestPostProcessor user) throws Exception {
		return read(post("/audit/api/events/" + eventId + "/revert").with(csrf()), user);
	}

	void assertConflict(long eventId, String reason) throws Exception {
		MvcResult result = this.mvc.perform(post("/audit/api/events/" + eventId + "/revert").with(csrf()).with(reverter()))
			.andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(409);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
		assertThat(this.json.readTree(result.getResponse().getContentAsString()).get("reason").asString()).contains(reason);
	}

	JsonNode detail(long eventId) throws Exception {
		return read(get("/audit/api/events/" + eventId), reader());
	}

	long eventOf(Long entityId, String operation) {
		List<Long> ids = eventsOf(entityId, operation);
		assertThat(ids).as(operation + " of " + entityId).hasSize(1);
		return ids.get(0);
	}

	List<Long> eventsOf(Long entityId, String operation) {
		return this.jdbc.queryForList(
				"select id from audit_event where entity_type = 'Article' and entity_id = ? and operation = ? order by id",
				Long.class, entityId.toString(), operation);
	}

	static JsonNode change(JsonNode detail, String entityType) {
		for (JsonNode change : detail.get("changes")) {
			if (change.get("entityType").asString().equals(entityType)) {
				return change;
			}
		}
		throw new AssertionError("No change of " + entityType + " in " + detail);
	}

	static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return values;
	}

	private static JsonNode field(JsonNode change, String path) {
		for (JsonNode field : change.get("fields")) {
			if (field.get("path").asString().equals(path)) {
				return field;
			}
		}
		throw new AssertionError("No field " + path + " in " + change);
	}

}
