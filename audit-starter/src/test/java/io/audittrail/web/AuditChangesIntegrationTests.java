package io.audittrail.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
 * What a reader sees of entity changes: an entry's before and after, an entity's history,
 * and reverting a change.
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
		assertThat(read(
				get("/audit/api/events").param("entityType", "Article").param("entityId", article.getId().toString()),
				reader())
			.get("items")
			.get(0)
			.has("summary")).isFalse();
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
				"select id from audit_event where entity_type = 'Review' and entity_id = ?", Long.class,
				review.toString());
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
				user("reader@other.test", VIEW, "tenant:other-" + this.tenant)))
			.isEqualTo(404);
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
	void revertIsRefusedWhenAFieldItRestoresChangedSinceNamingTheFieldItsValueAndTheEntry() throws Exception {
		Article article = this.articles.create("One", "n");
		this.articles.rename(article.getId(), "Two");
		this.articles.rename(article.getId(), "Three");
		List<Long> renames = eventsOf(article.getId(), "content.update");

		JsonNode problem = conflict(renames.get(0));

		assertThat(problem.get("reason").asString()).contains("'title'", "\"Three\"", "entry " + renames.get(1));
		assertThat(problem.get("entityType").asString()).isEqualTo("Article");
		assertThat(problem.get("entityId").asString()).isEqualTo(article.getId().toString());
		assertThat(problem.get("field").asString()).isEqualTo("title");
		assertThat(problem.get("currentValue").asString()).isEqualTo("\"Three\"");
		assertThat(problem.get("changedByEventId").asLong()).isEqualTo(renames.get(1));
		assertThat(this.articles.find(article.getId()).getTitle()).isEqualTo("Three");
	}

	@Test
	void anOlderChangeRevertsAfterANewerChangeOfAnotherField() throws Exception {
		Article article = this.articles.create("Original", "n");
		this.articles.rename(article.getId(), "Renamed");
		this.articles.retag(article.getId(), Set.of("later"));
		this.articles.changeStatus(article.getId(), "PUBLISH");

		JsonNode revert = revert(eventsOf(article.getId(), "content.update").get(0), reverter());

		Article restored = this.articles.find(article.getId());
		assertThat(restored.getTitle()).isEqualTo("Original");
		assertThat(restored.getTags()).containsExactly("later");
		assertThat(restored.getStatus()).isEqualTo("PUBLISHED");
		assertThat(strings(change(revert, "Article").get("changedFields"))).containsExactly("title");
	}

	@Test
	void aParentWhoseCollectionGainedAChildSinceStillReverts() throws Exception {
		Article article = this.articles.create("Parent", "n");
		this.articles.rename(article.getId(), "Parent renamed");
		this.articles.review(article.getId(), "a child added later");
		// the review is recorded as an unannotated update of the article's collection,
		// after the rename
		long rename = eventsOf(article.getId(), "content.update").get(0);

		JsonNode revert = revert(rename, reverter());

		assertThat(revert.get("operation").asString()).isEqualTo("audit.revert");
		assertThat(this.articles.find(article.getId()).getTitle()).isEqualTo("Parent");
		assertThat(this.jdbc.queryForObject("select count(*) from review where article_id = ?", Long.class,
				article.getId()))
			.isEqualTo(1);
	}

	@Test
	void revertIsRefusedForAnEntityThatBelongsToAnotherTenantNow() throws Exception {
		Article article = this.articles.create("Handed over", "n");
		this.articles.rename(article.getId(), "Theirs");
		TestApplication.MOVED_ARTICLES.add(article.getId());
		try {
			assertConflict(eventOf(article.getId(), "content.update"), "belongs to another tenant");
		}
		finally {
			TestApplication.MOVED_ARTICLES.remove(article.getId());
		}
		assertThat(this.articles.find(article.getId()).getTitle()).isEqualTo("Theirs");
	}

	@Test
	void revertNeedsTheAuthorityTheCatalogNamesForTheOperationAndThePagesOfferItExactlyThen() throws Exception {
		Article article = this.articles.create("Reviewed", "n");
		this.articles.reviewAudited(article.getId(), "spam");
		long review = eventOf(article.getId(), "content.review");
		RequestPostProcessor moderator = user("moderator@demo.test", VIEW, REVERT, SYSTEM, "moderateReviews");

		MvcResult refused = this.mvc
			.perform(post("/audit/api/events/" + review + "/revert").with(csrf()).with(reverter()))
			.andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(403);
		assertThat(refused.getResponse().getContentAsString()).contains("moderateReviews");
		assertThat(canRevert(review, reverter())).isFalse();
		assertThat(canRevert(eventOf(article.getId(), "content.create"), reverter())).isTrue();
		assertThat(canRevert(review, moderator)).isTrue();
		assertThat(this.jdbc.queryForObject("select count(*) from review where article_id = ?", Long.class,
				article.getId()))
			.isEqualTo(1);

		revert(review, moderator);

		assertThat(this.jdbc.queryForObject("select count(*) from review where article_id = ?", Long.class,
				article.getId()))
			.isZero();
		assertThat(canRevert(review, user("r@other.test", VIEW, REVERT, "moderateReviews", "tenant:other"))).isFalse();
	}

	@Test
	void ofTwoConcurrentRevertsOfOneEntryExactlyOneWinsAndTheOtherIsAConflict() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 3; round++) {
				Article renamed = this.articles.create("Before", "n");
				this.articles.rename(renamed.getId(), "After");
				Article created = this.articles.createUnannotated("Created");
				for (long entry : List.of(eventOf(renamed.getId(), "content.update"),
						eventOf(created.getId(), "content.create"))) {
					assertThat(concurrentReverts(pool, entry)).as("entry " + entry).containsExactlyInAnyOrder(200, 409);
					assertThat(this.jdbc.queryForObject(
							"select count(*) from audit_event where operation = 'audit.revert' "
									+ "and outcome = 'SUCCESS' and details like ?",
							Long.class, "%\"reverted_event_id\":\"" + entry + "\"%"))
						.isEqualTo(1);
				}
				assertThat(this.articles.find(renamed.getId()).getTitle()).isEqualTo("Before");
				assertThat(this.jdbc.queryForObject("select count(*) from article where id = ?", Long.class,
						created.getId()))
					.isZero();
			}
		}
		finally {
			pool.shutdownNow();
		}
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
		assertThat(conflict(eventId).get("reason").asString()).contains(reason);
	}

	JsonNode conflict(long eventId) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/audit/api/events/" + eventId + "/revert").with(csrf()).with(reverter()))
			.andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(409);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
		return this.json.readTree(result.getResponse().getContentAsString());
	}

	boolean canRevert(long eventId, RequestPostProcessor user) throws Exception {
		return read(get("/audit/api/me").param("event", String.valueOf(eventId)), user).get("canRevert").asBoolean();
	}

	/** Starts two reverts of one entry at the same moment; their HTTP statuses. */
	List<Integer> concurrentReverts(ExecutorService pool, long eventId) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> results = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			results.add(pool.submit(() -> {
				start.await();
				return this.mvc.perform(post("/audit/api/events/" + eventId + "/revert").with(csrf()).with(reverter()))
					.andReturn()
					.getResponse()
					.getStatus();
			}));
		}
		start.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> result : results) {
			statuses.add(result.get(60, TimeUnit.SECONDS));
		}
		return statuses;
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
				"select id from audit_event where entity_type = 'Article' and entity_id = ? and operation = ? and tenant = ? "
						+ "order by id",
				Long.class, entityId.toString(), operation, this.tenant);
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
