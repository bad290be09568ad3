package io.audittrail.sample;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.audittrail.catalog.OperationCatalog;
import io.audittrail.sample.support.CmsClient;
import io.audittrail.sample.support.HttpResult;
import io.audittrail.sample.support.StoredEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Performs every operation of the sample catalog through the HTTP API, as members and as
 * an API key, and checks the event each one records: operation, actor, tenant, target and
 * detail items.
 */
class EveryOperationIntegrationTests extends SampleIntegrationTest {

	private static final String OWNER = "owner@demo.test";

	private static final String DEMO = "/api/v1/services/demo";

	@Autowired
	OperationCatalog catalog;

	private final Set<String> performed = new LinkedHashSet<>();

	private String tenant = "demo";

	private CmsClient owner;

	private String apiId;

	private String groupId;

	private String keyId;

	@Test
	void everyCatalogOperationIsPerformedThroughTheHttpApiAndRecorded() {
		this.owner = member(OWNER);
		serviceOperations();
		String apiKey = schemaOperations();
		contentOperations(apiKey);
		reviewOperations();
		mediaOperations();
		memberAndRoleOperations();
		settingsOperations();
		billingOperations();
		cleanUp(apiKey);

		Set<String> catalogued = this.catalog.operations()
			.stream()
			.map((operation) -> operation.id())
			.filter((id) -> !id.startsWith("audit.") && !id.startsWith("http."))
			.collect(Collectors.toCollection(LinkedHashSet::new));
		assertThat(catalogued).hasSize(97);
		assertThat(this.performed).containsExactlyInAnyOrderElementsOf(catalogued);
	}

	private void serviceOperations() {
		this.tenant = "scratch";
		Step created = step("service.create", OWNER,
				() -> this.owner.post("/api/v1/services", Map.of("serviceId", "scratch", "name", "Scratch")));
		assertThat(created.event().entityType()).isEqualTo("CmsService");
		assertThat(created.event().entityName()).isEqualTo("scratch");
		step("service.update", OWNER, () -> this.owner.patch("/api/v1/services/scratch", Map.of("name", "Scratch 2")))
			.noDetails();
		Step retention = step("service.update", OWNER,
				() -> this.owner.put("/api/v1/services/scratch/settings", Map.of("audit_log_retention_days", 30)));
		assertThat(retention.result().number("audit_log_retention_days")).isEqualTo(30);
		step("service.update_language_settings", OWNER,
				() -> this.owner.patch("/api/v1/services/scratch/language", Map.of("language", "ja")));
		step("service.update_two_factor_requirement", OWNER,
				() -> this.owner.patch("/api/v1/services/scratch/two-factor", Map.of("enabled", true)));
		step("service.update_reserved_content_editing_restriction", OWNER,
				() -> this.owner.patch("/api/v1/services/scratch/reserved-content-editing", Map.of("enabled", true)));
		this.tenant = "scratch-renamed";
		step("service.update_id", OWNER,
				() -> this.owner.patch("/api/v1/services/scratch/id", Map.of("serviceId", "scratch-renamed")));
		step("service.delete", OWNER, () -> this.owner.delete("/api/v1/services/scratch-renamed"));
		assertThat(this.owner.get("/api/v1/services/scratch-renamed").status()).isEqualTo(403);
		this.tenant = "demo";
	}

	private String schemaOperations() {
		String groupId = step("api_group.create", OWNER,
				() -> this.owner.post(DEMO + "/api-groups", Map.of("name", "Editorial")))
			.idAnd((id) -> Map.of("api_group_id", id, "api_group_name", "Editorial"));
		String apiId = step("api.create", OWNER,
				() -> this.owner.post(DEMO + "/apis",
						Map.of("endpoint", "blogs", "name", "Blogs", "type", "LIST", "fields",
								List.of(Map.of("fieldId", "title", "name", "Title", "kind", "text"),
										Map.of("fieldId", "body", "name", "Body", "kind", "richEditor")))))
			.idAnd((id) -> Map.of("api_id", id, "api_name", "Blogs"));
		step("api_group.rename", OWNER,
				() -> this.owner.patch(DEMO + "/api-groups/" + groupId, Map.of("name", "Editorial team")))
			.details(Map.of("api_group_id", groupId, "api_group_name", "Editorial team"));
		step("api.update", OWNER,
				() -> this.owner.patch(DEMO + "/apis/blogs", Map.of("name", "Blog", "groupId", groupId)))
			.details(Map.of("api_id", apiId, "api_name", "Blog"));
		step("api.update_description", OWNER,
				() -> this.owner.put(DEMO + "/apis/blogs/description", Map.of("description", "Posts of the demo blog")))
			.details(Map.of("api_id", apiId, "api_name", "Blog"));
		step("custom_field.create", OWNER,
				() -> this.owner.post(DEMO + "/apis/blogs/fields",
						Map.of("fieldId", "summary", "name", "Summary", "kind", "textArea")))
			.details(Map.of("api_id", apiId, "api_name", "Blog", "custom_field_name", "Summary"));
		step("custom_field.update", OWNER,
				() -> this.owner.patch(DEMO + "/apis/blogs/fields/summary", Map.of("name", "Lead", "kind", "textArea")))
			.details(Map.of("api_id", apiId, "api_name", "Blog", "custom_field_name", "Lead"));
		String statusId = step("custom_status.add", OWNER,
				() -> this.owner.post(DEMO + "/apis/blogs/statuses", Map.of("name", "In review", "color", "#ff8800")))
			.idAnd((id) -> Map.of("api_id", apiId, "api_name", "Blog", "custom_status_id", id, "custom_status_name",
					"In review"));
		step("custom_status.update", OWNER,
				() -> this.owner.patch(DEMO + "/apis/blogs/statuses/" + statusId,
						Map.of("name", "Reviewed", "color", "#00aa00")))
			.details(Map.of("api_id", apiId, "api_name", "Blog", "custom_status_id", statusId, "custom_status_name",
					"Reviewed"));
		step("custom_status.delete", OWNER, () -> this.owner.delete(DEMO + "/apis/blogs/statuses/" + statusId))
			.details(Map.of("api_id", apiId, "api_name", "Blog", "custom_status_id", statusId, "custom_status_name",
					"Reviewed"));

		Step key = step("api_key.create", OWNER,
				() -> this.owner.post(DEMO + "/api-keys", Map.of("name", "Demo site")));
		String keyId = key.result().text("id");
		key.details(Map.of("api_key_id", keyId, "api_key_name", "Demo site"));
		assertThat(key.result().text("key")).hasSizeGreaterThan(20);
		assertThat(this.jdbc.queryForObject("select secret_hash from api_key where id = ?", String.class,
				Long.valueOf(keyId)))
			.isNotEqualTo(key.result().text("key"));
		step("api_key.update", OWNER,
				() -> this.owner.patch(DEMO + "/api-keys/" + keyId, Map.of("name", "Demo website")))
			.details(Map.of("api_key_id", keyId, "api_key_name", "Demo website"));

		String hookId = step("content_webhook.create", OWNER,
				() -> this.owner.post(DEMO + "/webhooks/content",
						Map.of("endpoint", "blogs", "name", "Rebuild", "url", "https://hooks.example.test/rebuild")))
			.idAnd((id) -> Map.of("api_id", apiId, "api_name", "Blog"));
		step("content_webhook.update", OWNER,
				() -> this.owner.patch(DEMO + "/webhooks/content/" + hookId,
						Map.of("name", "Rebuild site", "url", "https://hooks.example.test/site")))
			.details(Map.of("api_id", apiId, "api_name", "Blog"));
		step("content_webhook.delete", OWNER, () -> this.owner.delete(DEMO + "/webhooks/content/" + hookId))
			.details(Map.of("api_id", apiId, "api_name", "Blog"));
		String mediaHookId = step("media_webhook.create", OWNER,
				() -> this.owner.post(DEMO + "/webhooks/media",
						Map.of("name", "Thumbnails", "url", "https://hooks.example.test/thumbnails")))
			.idAnd((id) -> Map.of());
		step("media_webhook.update", OWNER, () -> this.owner.patch(DEMO + "/webhooks/media/" + mediaHookId,
				Map.of("name", "Thumbnails v2", "url", "https://hooks.example.test/v2")))
			.noDetails();
		step("media_webhook.delete", OWNER, () -> this.owner.delete(DEMO + "/webhooks/media/" + mediaHookId))
			.noDetails();
		this.apiId = apiId;
		this.groupId = groupId;
		this.keyId = keyId;
		return key.result().text("key");
	}

	private Map<String, String> blog(String contentId) {
		return Map.of("api_id", this.apiId, "api_name", "Blog", "content_id", contentId);
	}

	private Map<String, String> blog(String contentId, String item, String value) {
		Map<String, String> details = new LinkedHashMap<>(blog(contentId));
		details.put(item, value);
		return details;
	}

	private void contentOperations(String apiKey) {
		String contents = DEMO + "/contents/blogs";
		step("content.create", OWNER,
				() -> this.owner.post(contents,
						Map.of("contentId", "hello", "data", Map.of("title", "Hello"), "publish", true)))
			.details(blog("hello", "custom_content_id", "hello"));
		Step draft = step("content.update", OWNER, () -> this.owner.patch(contents + "/hello",
				Map.of("data", Map.of("body", "<p>Hi</p>"), "asDraft", true)))
			.details(blog("hello"));
		assertThat(draft.result().text("status")).isEqualTo("PUBLISHED_AND_DRAFT");
		Step discarded = step("content.delete_draft", OWNER, () -> this.owner.delete(contents + "/hello/draft"))
			.details(blog("hello"));
		assertThat(discarded.result().text("status")).isEqualTo("PUBLISHED");
		step("content.update_publication_date", OWNER,
				() -> this.owner.put(contents + "/hello/published-at", Map.of("publishedAt", "2026-01-01T09:00:00Z")))
			.details(blog("hello"));
		step("content.update_creator", OWNER,
				() -> this.owner.put(contents + "/hello/creator", Map.of("createdBy", "editor@demo.test")))
			.details(blog("hello", "new_creator", "editor@demo.test"));
		step("content.update_draft_key", OWNER, () -> this.owner.post(contents + "/hello/draft-key", null))
			.details(blog("hello"));
		step("content.update_order", OWNER, () -> this.owner.put(contents + "/hello/order", Map.of("order", 5)))
			.details(blog("hello"));
		Step reserved = step("content.update_reservation", OWNER, () -> this.owner.put(contents + "/hello/reservation",
				Map.of("start", "2027-01-01T00:00:00Z", "stop", "2027-02-01T00:00:00Z")));
		Map<String, String> reservation = new LinkedHashMap<>(blog("hello"));
		reservation.put("reservation_start", "2027-01-01T00:00:00Z");
		reservation.put("reservation_stop", "2027-02-01T00:00:00Z");
		reserved.details(reservation);
		step("content.update_id", OWNER,
				() -> this.owner.put(contents + "/hello/id", Map.of("contentId", "hello-world")))
			.details(blog("hello", "custom_content_id", "hello-world"));

		Step imported = step("content.complete_csv_import", OWNER, () -> this.owner.postCsv(contents + "/csv-import",
				"id,status,title\nfirst,PUBLISHED,First\nsecond,DRAFT,Second\nthird,,Third\n"));
		assertThat(imported.event().details()).containsEntry("api_id", this.apiId)
			.containsEntry("api_name", "Blog")
			.containsEntry("csv_import_published_count", "1")
			.containsEntry("csv_import_draft_count", "2")
			.containsKey("csv_import_saved_at")
			.hasSize(5);
		Step updated = step("content.update_multiple", OWNER, () -> this.owner.patch(contents + "/bulk",
				Map.of("contentIds", List.of("first", "second"), "data", Map.of("summary", "Bulk"))));
		updated.eachDetails(List.of(blog("first"), blog("second")));
		step("content.update_multiple_creators", OWNER,
				() -> this.owner.patch(contents + "/bulk/creator",
						Map.of("contentIds", List.of("first", "second"), "createdBy", "admin@demo.test")))
			.eachDetails(List.of(blog("first", "new_creator", "admin@demo.test"),
					blog("second", "new_creator", "admin@demo.test")));
		step("content.delete_multiple", OWNER,
				() -> this.owner.post(contents + "/bulk/delete", Map.of("contentIds", List.of("first", "second"))))
			.eachDetails(List.of(blog("first"), blog("second")));
		Step exported = step("content.complete_csv_export", OWNER,
				() -> this.owner.post(contents + "/csv-export", null))
			.details(Map.of("api_id", this.apiId, "api_name", "Blog"));
		assertThat(exported.result().body()).startsWith("id,status,title,body,summary")
			.contains("hello-world", "third");
		step("content.delete", OWNER, () -> this.owner.delete(contents + "/third")).details(blog("third"));

		String key = "Demo website";
		CmsClient api = anonymous().apiKey(apiKey);
		String created = step("content.create", key, () -> api.post("/api/v1/blogs", Map.of("title", "From the API")))
			.idAnd(this::blog);
		step("content.create", key, () -> api.put("/api/v1/blogs/api-post", Map.of("title", "Put")))
			.details(blog("api-post", "custom_content_id", "api-post"));
		step("content.update", key, () -> api.patch("/api/v1/blogs/api-post", Map.of("title", "Patched")))
			.details(blog("api-post"));
		step("content.delete", key, () -> api.delete("/api/v1/blogs/api-post")).details(blog("api-post"));
		step("content.update_creator", key,
				() -> api.patch("/management/api/v1/contents/blogs/" + created + "/createdBy",
						Map.of("createdBy", "editor@demo.test")))
			.details(blog(created, "new_creator", "editor@demo.test"));
		step("content.update", key,
				() -> api.patch("/management/api/v1/contents/blogs/" + created + "/status", Map.of("status", "DRAFT")))
			.details(blog(created));
		Step uploaded = step("media.add", key, () -> api.upload("/management/api/v1/media", "logo.png",
				"png".getBytes(StandardCharsets.UTF_8), "Logo"));
		String mediaId = uploaded.result().text("id");
		uploaded.details(Map.of("media_id", mediaId, "media_name", "logo.png", "media_alt", "Logo"));
		step("media.delete", key,
				() -> api.delete("/management/api/v2/media", Map.of("url", uploaded.result().text("url"))))
			.details(Map.of("media_id", mediaId, "media_name", "logo.png"));
	}

	private void reviewOperations() {
		Map<String, String> content = blog("hello-world");
		Step created = step("review.create", OWNER, () -> this.owner.post(DEMO + "/reviews",
				Map.of("endpoint", "blogs", "contentId", "hello-world", "title", "Check the hello post")));
		String reviewId = created.result().text("id");
		Map<String, String> expected = new LinkedHashMap<>(content);
		expected.put("review_request_id", reviewId);
		expected.put("review_request_title", "Check the hello post");
		created.details(expected);
		String reviews = DEMO + "/reviews/" + reviewId;
		Map<String, String> review = Map.of("review_request_id", reviewId, "review_request_title", "Check hello");
		step("review.update", OWNER, () -> this.owner.patch(reviews, Map.of("title", "Check hello"))).details(review);
		step("review.change_status", OWNER, () -> this.owner.put(reviews + "/status", Map.of("status", "IN_PROGRESS")))
			.details(review);
		step("review.add_reviewer", OWNER,
				() -> this.owner.post(reviews + "/reviewers", Map.of("email", "editor@demo.test")))
			.details(with(review, "reviewer", "editor@demo.test"));
		step("review.delete_reviewer", OWNER, () -> this.owner.delete(reviews + "/reviewers/editor@demo.test"))
			.details(with(review, "reviewer", "editor@demo.test"));
		Step commented = step("review.create_comment", OWNER,
				() -> this.owner.post(reviews + "/comments", Map.of("text", "Looks good")))
			.details(review);
		String commentId = commented.result().json().get(0).get("id").asString();
		step("review.delete_comment", OWNER, () -> this.owner.delete(reviews + "/comments/" + commentId))
			.details(review);

		step("ai_review.update_settings", OWNER,
				() -> this.owner.put(DEMO + "/ai-review/settings", Map.of("enabled", true, "autoExecute", true)))
			.noDetails();
		String reviewerId = step("ai_review.create_reviewer", OWNER,
				() -> this.owner.post(DEMO + "/ai-reviewers",
						Map.of("name", "Tone", "instructions", "Check the tone", "autoExecute", true)))
			.idAnd((id) -> Map.of("ai_reviewer_id", id, "ai_reviewer_name", "Tone"));
		step("ai_review.update_reviewer", OWNER,
				() -> this.owner.patch(DEMO + "/ai-reviewers/" + reviewerId,
						Map.of("name", "Tone of voice", "instructions", "Check the tone of voice", "autoExecute",
								true)))
			.details(Map.of("ai_reviewer_id", reviewerId, "ai_reviewer_name", "Tone of voice"));
		Map<String, String> run = with(with(review, "ai_reviewer_id", reviewerId), "ai_reviewer_name", "Tone of voice");
		step("ai_review.execute", OWNER,
				() -> this.owner.post(reviews + "/ai-reviews", Map.of("aiReviewerId", Long.valueOf(reviewerId))))
			.details(run);
		step("ai_review.auto_execute", OWNER, () -> this.owner.post(reviews + "/ai-reviews/automatic", null))
			.details(run);
		step("ai_review.delete_reviewer", OWNER, () -> this.owner.delete(DEMO + "/ai-reviewers/" + reviewerId))
			.details(Map.of("ai_reviewer_id", reviewerId, "ai_reviewer_name", "Tone of voice"));
		Map<String, String> closing = new LinkedHashMap<>(content);
		closing.putAll(review);
		step("review.close_and_publish", OWNER, () -> this.owner.post(reviews + "/publish", null)).details(closing);

		String secondId = step("review.create", OWNER,
				() -> this.owner.post(DEMO + "/reviews",
						Map.of("endpoint", "blogs", "contentId", "hello-world", "title", "Take it down")))
			.result()
			.text("id");
		Map<String, String> unpublish = new LinkedHashMap<>(content);
		unpublish.put("review_request_id", secondId);
		unpublish.put("review_request_title", "Take it down");
		step("review.close_and_unpublish", OWNER,
				() -> this.owner.post(DEMO + "/reviews/" + secondId + "/unpublish", null))
			.details(unpublish);
		assertThat(this.owner.get(DEMO + "/contents/blogs/hello-world").text("status")).isEqualTo("CLOSED");
	}

	private void mediaOperations() {
		String tagId = step("media_tag.create", OWNER,
				() -> this.owner.post(DEMO + "/media-tags", Map.of("name", "Photos")))
			.idAnd((id) -> Map.of("media_tag_id", id, "media_tag_name", "Photos"));
		step("media_tag.update", OWNER,
				() -> this.owner.patch(DEMO + "/media-tags/" + tagId, Map.of("name", "Pictures")))
			.details(Map.of("media_tag_id", tagId, "media_tag_name", "Pictures"));
		String mediaId = step("media.add", OWNER,
				() -> this.owner.upload(DEMO + "/media", "cat.png", new byte[] { 1, 2, 3 }, "A cat"))
			.idAnd((id) -> Map.of("media_id", id, "media_name", "cat.png", "media_alt", "A cat"));
		String media = DEMO + "/media/" + mediaId;
		step("media.update", OWNER, () -> this.owner.patch(media, Map.of("alt", "A black cat")))
			.details(Map.of("media_id", mediaId, "media_name", "cat.png", "media_alt", "A black cat"));
		step("media.update_name", OWNER, () -> this.owner.put(media + "/name", Map.of("name", "black-cat.png")))
			.details(Map.of("media_id", mediaId, "media_name", "black-cat.png"));
		step("media.update_tags", OWNER,
				() -> this.owner.put(media + "/tags", Map.of("tagIds", List.of(Long.valueOf(tagId)))))
			.details(Map.of("media_id", mediaId, "media_name", "black-cat.png", "media_tag_id", tagId, "media_tag_name",
					"Pictures"));
		step("media.update_creator", OWNER,
				() -> this.owner.put(media + "/creator", Map.of("createdBy", "editor@demo.test")))
			.details(Map.of("media_id", mediaId, "media_name", "black-cat.png", "new_creator", "editor@demo.test"));
		step("media.update_multiple_creators", OWNER,
				() -> this.owner.patch(DEMO + "/media/bulk/creator",
						Map.of("mediaIds", List.of(Long.valueOf(mediaId)), "createdBy", "admin@demo.test")))
			.details(Map.of("media_id", mediaId, "media_name", "black-cat.png", "new_creator", "admin@demo.test"));
		step("media.delete", OWNER, () -> this.owner.delete(media))
			.details(Map.of("media_id", mediaId, "media_name", "black-cat.png"));
		step("media_tag.delete", OWNER, () -> this.owner.delete(DEMO + "/media-tags/" + tagId))
			.details(Map.of("media_tag_id", tagId, "media_tag_name", "Pictures"));
	}

	private void memberAndRoleOperations() {
		String roleId = step("role.create", OWNER,
				() -> this.owner.post(DEMO + "/roles",
						Map.of("name", "Auditor", "permissions", List.of("viewAuditLog"))))
			.idAnd((id) -> Map.of("role_id", id, "role_name", "Auditor"));
		step("role.update", OWNER,
				() -> this.owner.patch(DEMO + "/roles/" + roleId,
						Map.of("name", "Auditors", "permissions", List.of("viewAuditLog", "revertAuditLog"))))
			.details(Map.of("role_id", roleId, "role_name", "Auditors"));
		String memberId = step("member.add", OWNER,
				() -> this.owner.post(DEMO + "/members",
						Map.of("email", "owner@other.test", "roleId", Long.valueOf(roleId))))
			.idAnd((id) -> Map.of("target_member", "owner@other.test", "role_id", roleId, "role_name", "Auditors"));
		String viewerId = this.jdbc.queryForObject(
				"select r.id from role r join cms_service s on s.id = r.service_ref where s.service_id = 'demo' and r.name = 'Viewer'",
				String.class);
		step("member.update_role", OWNER,
				() -> this.owner.put(DEMO + "/members/" + memberId + "/role", Map.of("roleId", Long.valueOf(viewerId))))
			.details(Map.of("target_member", "owner@other.test", "role_id", viewerId, "role_name", "Viewer"));
		step("member.delete", OWNER, () -> this.owner.delete(DEMO + "/members/" + memberId))
			.details(Map.of("target_member", "owner@other.test"));
		String invitationId = step("member.invite", OWNER,
				() -> this.owner.post(DEMO + "/invitations",
						Map.of("email", "new@demo.test", "roleId", Long.valueOf(roleId))))
			.idAnd((id) -> Map.of("email", "new@demo.test", "role_id", roleId, "role_name", "Auditors"));
		step("member.cancel_invitation", OWNER, () -> this.owner.delete(DEMO + "/invitations/" + invitationId))
			.details(Map.of("email", "new@demo.test"));
		step("role.delete", OWNER, () -> this.owner.delete(DEMO + "/roles/" + roleId))
			.details(Map.of("role_id", roleId, "role_name", "Auditors"));
	}

	private void settingsOperations() {
		Map<String, String> environment = Map.of("environment_service_id", "demo-staging", "environment_name",
				"staging", "environment_domain", "demo-staging.cms.example.test");
		String environmentId = step("environment.create", OWNER,
				() -> this.owner.post(DEMO + "/environments", Map.of("name", "staging")))
			.idAnd((id) -> environment);
		step("environment.update_display_settings", OWNER, () -> this.owner
			.patch(DEMO + "/environments/" + environmentId, Map.of("name", "staging", "color", "#123456")))
			.details(environment);
		step("environment.delete", OWNER, () -> this.owner.delete(DEMO + "/environments/" + environmentId))
			.details(environment);
		String s3Id = step("s3_integration.create", OWNER,
				() -> this.owner.post(DEMO + "/s3-integrations",
						Map.of("bucket", "demo-media", "region", "ap-northeast-1", "prefix", "cms/")))
			.idAnd((id) -> Map.of("s3_integration_id", id));
		step("s3_integration.update", OWNER,
				() -> this.owner.patch(DEMO + "/s3-integrations/" + s3Id,
						Map.of("bucket", "demo-media-2", "region", "ap-northeast-1")))
			.details(Map.of("s3_integration_id", s3Id));
		step("s3_integration.delete", OWNER, () -> this.owner.delete(DEMO + "/s3-integrations/" + s3Id))
			.details(Map.of("s3_integration_id", s3Id));
		step("ai_features.update_settings", OWNER,
				() -> this.owner.put(DEMO + "/ai-features", Map.of("enabled", true, "translation", true)))
			.noDetails();
	}

	private void billingOperations() {
		step("payment.add", OWNER, () -> this.owner
			.post(DEMO + "/payment",
					Map.of("companyName", "Demo Inc.", "phoneNumber", "+81 3 1234 5678", "contactName", "Demo Owner",
							"email", "billing@demo.test", "cardNumber", "4242424242424242", "method", "CARD")))
			.noDetails();
		assertThat(this.jdbc.queryForObject("select card_last4 from payment_info", String.class)).isEqualTo("4242");
		step("payment.change_company_name", OWNER,
				() -> this.owner.put(DEMO + "/payment/company-name", Map.of("companyName", "Demo K.K.")))
			.noDetails();
		step("payment.change_phone_number", OWNER,
				() -> this.owner.put(DEMO + "/payment/phone-number", Map.of("phoneNumber", "+81 3 8765 4321")))
			.noDetails();
		step("payment.change_billing_contact_name", OWNER,
				() -> this.owner.put(DEMO + "/payment/contact-name", Map.of("contactName", "Demo Admin")))
			.noDetails();
		step("payment.change_email", OWNER,
				() -> this.owner.put(DEMO + "/payment/email", Map.of("email", "invoices@demo.test")))
			.details(Map.of("email", "invoices@demo.test"));
		step("payment.change_credit_card", OWNER,
				() -> this.owner.put(DEMO + "/payment/credit-card", Map.of("cardNumber", "5555555555554444")))
			.noDetails();
		step("payment.delete_credit_card", OWNER, () -> this.owner.delete(DEMO + "/payment/credit-card")).noDetails();
		step("payment.change_payment_method", OWNER,
				() -> this.owner.put(DEMO + "/payment/method", Map.of("method", "INVOICE")))
			.noDetails();
		step("plan.change", OWNER, () -> this.owner.put(DEMO + "/plan", Map.of("plan", "TEAM"))).noDetails();
		step("plan.suspend", OWNER, () -> this.owner.post(DEMO + "/plan/suspend", null)).noDetails();
		step("plan.resume", OWNER, () -> this.owner.post(DEMO + "/plan/resume", null)).noDetails();
		step("plan.add_addons", OWNER, () -> this.owner.post(DEMO + "/plan/addons", Map.of("addon", "EXTRA_STORAGE")))
			.noDetails();
	}

	private void cleanUp(String apiKey) {
		step("custom_field.delete", OWNER, () -> this.owner.delete(DEMO + "/apis/blogs/fields/summary"))
			.details(Map.of("api_id", this.apiId, "api_name", "Blog", "custom_field_name", "Lead"));
		Step all = step("content.delete_all", OWNER, () -> this.owner.delete(DEMO + "/contents/blogs"))
			.details(Map.of("api_id", this.apiId, "api_name", "Blog"));
		assertThat(all.result().number("deleted")).isEqualTo(2);
		step("api.delete", OWNER, () -> this.owner.delete(DEMO + "/apis/blogs"))
			.details(Map.of("api_id", this.apiId, "api_name", "Blog"));
		step("api_group.delete", OWNER, () -> this.owner.delete(DEMO + "/api-groups/" + this.groupId))
			.details(Map.of("api_group_id", this.groupId, "api_group_name", "Editorial team"));
		step("api_key.delete", OWNER, () -> this.owner.delete(DEMO + "/api-keys/" + this.keyId))
			.details(Map.of("api_key_id", this.keyId, "api_key_name", "Demo website"));
		assertThat(anonymous().apiKey(apiKey).get("/api/v1/blogs").status()).isEqualTo(401);
	}

	private static Map<String, String> with(Map<String, String> details, String item, String value) {
		Map<String, String> copy = new LinkedHashMap<>(details);
		copy.put(item, value);
		return copy;
	}

	/**
	 * Performs one call and checks what every event of it shares: success, the operation
	 * and its target, the actor, the tenant, and detail items that the catalog lists for
	 * the operation.
	 */
	private Step step(String operation, String actor, Supplier<HttpResult> call) {
		long mark = auditLog().lastId();
		HttpResult result = call.get();
		assertThat(result.status()).as("%s answered %s", operation, result.body()).isBetween(200, 299);
		List<StoredEvent> events = auditLog().after(mark);
		assertThat(events).as("events of %s", operation).isNotEmpty();
		List<String> items = this.catalog.find(operation).orElseThrow().details();
		for (StoredEvent event : events) {
			assertThat(event.operation()).isEqualTo(operation);
			assertThat(event.outcome()).isEqualTo("SUCCESS");
			assertThat(event.target()).isEqualTo(operation.substring(0, operation.indexOf('.')));
			assertThat(event.actorType()).isEqualTo(actor.contains("@") ? "MEMBER" : "API_KEY");
			assertThat(event.actorName()).isEqualTo(actor);
			assertThat(event.tenant()).isEqualTo(this.tenant);
			assertThat(items).containsAll(event.details().keySet());
		}
		this.performed.add(operation);
		return new Step(result, events);
	}

	private record Step(HttpResult result, List<StoredEvent> events) {

		StoredEvent event() {
			assertThat(this.events).hasSize(1);
			return this.events.get(0);
		}

		Step details(Map<String, String> expected) {
			assertThat(event().details()).as("details of %s", event().operation()).isEqualTo(expected);
			return this;
		}

		Step eachDetails(List<Map<String, String>> expected) {
			assertThat(this.events.stream().map(StoredEvent::details).toList()).containsExactlyElementsOf(expected);
			return this;
		}

		Step noDetails() {
			assertThat(event().details()).isEmpty();
			return this;
		}

		/**
		 * The id of what the call created, after checking the event's details built from
		 * it.
		 */
		String idAnd(Function<String, Map<String, String>> expected) {
			String id = this.result.text("id");
			details(expected.apply(id));
			return id;
		}

	}

}
