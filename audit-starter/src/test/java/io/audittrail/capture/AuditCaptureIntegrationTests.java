package io.audittrail.capture;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.audittrail.testapp.Article;
import io.audittrail.testapp.ArticleService;
import io.audittrail.testapp.StoredEvents;
import io.audittrail.testapp.TestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What an application sees recorded when its audited services run, on each supported
 * database.
 */
abstract class AuditCaptureIntegrationTests {

	@Autowired
	ArticleService articles;

	@Autowired
	JdbcTemplate jdbc;

	StoredEvents events;

	@BeforeEach
	void signInFromABrowser() {
		this.events = new StoredEvents(this.jdbc);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("editor@demo.test", null, List.of()));
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/articles");
		request.setRemoteAddr("203.0.113.7");
		request.addHeader("X-Request-Id", "req-42");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		TestApplication.TENANT.set("demo");
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
		RequestContextHolder.resetRequestAttributes();
		TestApplication.TENANT.remove();
	}

	@Test
	void auditedCallChangingTwoEntitiesIsOneEventBoundToTheirRevision() {
		Article article = this.articles.create("Hello", "first note");

		List<Map<String, Object>> recorded = this.events.forEntity(article.getId());
		assertThat(recorded).hasSize(1);
		Map<String, Object> event = recorded.get(0);
		assertThat(event).containsEntry("OPERATION", "content.create")
			.containsEntry("TARGET", "content")
			.containsEntry("ACTION", "CREATE")
			.containsEntry("OUTCOME", "SUCCESS")
			.containsEntry("ACTOR_TYPE", "MEMBER")
			.containsEntry("ACTOR_NAME", "editor@demo.test")
			.containsEntry("TENANT", "demo")
			.containsEntry("IP", "203.0.113.7")
			.containsEntry("REQUEST_ID", "req-42")
			.containsEntry("ENTITY_TYPE", "Article")
			.containsEntry("ENTITY_NAME", "Hello");
		assertThat((String) event.get("DETAILS"))
			.isEqualTo("{\"content_id\":\"" + article.getId() + "\",\"note\":\"first note\"}");
		Object revision = event.get("REVISION_ID");
		assertThat(revision).isNotNull();
		assertThat(this.events.revision(revision)).containsEntry("ACTOR_NAME", "editor@demo.test")
			.containsEntry("TENANT", "demo")
			.containsEntry("IP", "203.0.113.7")
			.containsEntry("ENTITY_TYPES", "Article,Note");
		assertThat(this.events.auditRows("article_aud", revision)).isOne();
		assertThat(this.events.auditRows("note_aud", revision)).isOne();
	}

	@Test
	void rolledBackCallLeavesOnlyAFailureEvent() {
		Article article = this.articles.create("Before", "n");

		assertThatIllegalStateException().isThrownBy(() -> this.articles.renameThenFail(article.getId(), "After"));

		assertThat(this.articles.find(article.getId()).getTitle()).isEqualTo("Before");
		List<Map<String, Object>> recorded = this.events.forEntity(article.getId());
		assertThat(recorded).extracting((e) -> e.get("OPERATION") + "/" + e.get("OUTCOME"))
			.containsExactly("content.create/SUCCESS", "content.update/FAILURE");
		assertThat(recorded.get(1)).containsEntry("ERROR", "java.lang.IllegalStateException")
			.containsEntry("ACTOR_NAME", "editor@demo.test")
			.containsEntry("REVISION_ID", null);
	}

	@Test
	void statusTransitionsRecordTheOperationsOfTheSeedsTable() {
		Article article = this.articles.create("Transitions", "n");
		Long id = article.getId();

		this.articles.changeStatus(id, "PUBLISH");
		this.articles.changeStatus(id, "DRAFT");
		this.articles.changeStatus(id, "PUBLISH");
		this.articles.editPublished(id);
		this.articles.changeStatus(id, "PUBLISH");

		assertThat(this.events.forEntity(id)).extracting((e) -> e.get("OPERATION"))
			.containsExactly("content.create", "content.update", "content.update", "content.update", "content.update",
					"content.delete_draft");
	}

	@Test
	void batchOperationRecordsOneEventPerItem() {
		Long first = this.articles.create("One", "n").getId();
		Long second = this.articles.create("Two", "n").getId();

		this.articles.renameAll(List.of(first, second), "Renamed");

		assertThat(this.events.forEntity(first)).extracting((e) -> e.get("OPERATION"))
			.containsExactly("content.create", "content.bulk_update");
		Map<String, Object> bulk = this.events.forEntity(second).get(1);
		assertThat(bulk).containsEntry("OPERATION", "content.bulk_update");
		assertThat((String) bulk.get("DETAILS")).contains("\"content_id\":\"" + second + "\"");
	}

	@Test
	void conditionDecidesWhetherACallIsRecorded() {
		Long kept = this.articles.create("Silent", "n").getId();
		Long other = this.articles.create("Loud", "n").getId();

		this.articles.delete(kept, false);
		this.articles.delete(other, true);

		assertThat(this.events.forEntity(kept)).extracting((e) -> e.get("OPERATION")).containsExactly("content.create");
		assertThat(this.events.forEntity(other)).extracting((e) -> e.get("OPERATION"))
			.containsExactly("content.create", "content.delete");
	}

	@Test
	void nestedAuditedCallRecordsOnlyTheOuterOperation() {
		Article article = this.articles.createViaOuter("Nested", this.articles);

		assertThat(this.events.forEntity(article.getId())).extracting((e) -> e.get("OPERATION"))
			.containsExactly("content.update");
	}

	@Test
	void innerTransactionKeepsItsOwnEventWhenTheOuterOneRollsBack() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.articles.failAfterIndependentCreate("Independent", this.articles));

		assertThat(this.events.named("Independent")).extracting((e) -> e.get("OPERATION") + "/" + e.get("OUTCOME"))
			.containsExactlyInAnyOrder("content.create/SUCCESS", "content.update/FAILURE");
		assertThat(this.events.named("Independent")).filteredOn((e) -> "SUCCESS".equals(e.get("OUTCOME")))
			.singleElement()
			.extracting((e) -> e.get("REVISION_ID"))
			.isNotNull();
	}

	@Test
	void operationMayNameItsTenant() {
		Article article = this.articles.createInTenant("Elsewhere", "acme");

		Map<String, Object> event = this.events.forEntity(article.getId()).get(0);
		assertThat(event).containsEntry("TENANT", "acme");
		assertThat(this.events.revision(event.get("REVISION_ID"))).containsEntry("TENANT", "acme");
	}

	@Test
	void entityChangeWithoutAuditedCallIsRecordedAsGenericOperation() {
		Article article = this.articles.createUnannotated("Plain");

		assertThat(this.events.forEntity(article.getId())).singleElement()
			.satisfies((event) -> assertThat(event).containsEntry("OPERATION", "content.create")
				.containsEntry("ENTITY_TYPE", "Article")
				.containsEntry("ACTOR_NAME", "editor@demo.test")
				.extractingByKey("REVISION_ID")
				.isNotNull());
	}

	@Test
	void readOnlyCallsRecordNothing() {
		Article article = this.articles.create("Read", "n");
		long before = this.events.count();

		this.articles.find(article.getId());

		assertThat(this.events.count()).isEqualTo(before);
	}

	@Test
	void failingAuditStoreFailsTheBusinessCallUnderTheDefaultPolicy() {
		long articlesBefore = this.jdbc.queryForObject("select count(*) from article", Long.class);

		this.events.withBrokenStore(() -> assertThatThrownBy(() -> this.articles.create("Unrecorded", "n"))
			.hasRootCauseInstanceOf(SQLException.class));

		assertThat(this.jdbc.queryForObject("select count(*) from article", Long.class)).isEqualTo(articlesBefore);
	}

}
