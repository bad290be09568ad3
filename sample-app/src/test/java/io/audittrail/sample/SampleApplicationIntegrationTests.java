package io.audittrail.sample;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.audittrail.sample.service.ServicePermissions;
import io.audittrail.sample.support.CmsClient;
import io.audittrail.sample.support.HttpResult;

import static org.assertj.core.api.Assertions.assertThat;

class SampleApplicationIntegrationTests extends SampleIntegrationTest {

	@Autowired
	ServicePermissions permissions;

	@Test
	void startsOnH2WithTheAuditSchema() {
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event", Long.class)).isNotNull();
	}

	@Test
	void demoMembersHoldTheirRolesPermissionsPerService() {
		assertThat(this.permissions.authorities("owner@demo.test", "demo")).contains("viewAuditLog", "revertAuditLog",
				"manageBilling");
		assertThat(this.permissions.authorities("admin@demo.test", "demo")).contains("viewAuditLog", "revertAuditLog")
			.doesNotContain("manageBilling");
		assertThat(this.permissions.authorities("editor@demo.test", "demo")).containsExactlyInAnyOrder("member",
				"editContents");
		assertThat(this.permissions.authorities("viewer@demo.test", "demo")).containsExactly("member");
		assertThat(this.permissions.authorities("owner@other.test", "demo")).isEmpty();
	}

	@Test
	void listsTheServicesWhereAMemberMayReadTheAuditLog() {
		assertThat(this.permissions.serviceIdsWithPermission("owner@demo.test", "viewAuditLog"))
			.containsExactly("demo");
		assertThat(this.permissions.serviceIdsWithPermission("owner@other.test", "viewAuditLog"))
			.containsExactly("other");
		assertThat(this.permissions.serviceIdsWithPermission("editor@demo.test", "viewAuditLog")).isEmpty();
	}

	@Test
	void membersListTheirServices() {
		HttpResult demo = member("viewer@demo.test").get("/api/v1/services");
		assertThat(demo.status()).isEqualTo(200);
		assertThat(demo.json().valueStream().map((service) -> service.get("serviceId").asString())).contains("demo")
			.doesNotContain("other");
		HttpResult other = member("owner@other.test").get("/api/v1/services");
		assertThat(other.status()).isEqualTo(200);
		assertThat(other.json().valueStream().map((service) -> service.get("serviceId").asString()))
			.containsExactly("other");
		assertThat(anonymous().get("/api/v1/services").status()).isEqualTo(401);
	}

	@Test
	void newContentGoesAfterTheLargestOrderOfItsApi() {
		ensureApi("ordered");
		CmsClient editor = member("editor@demo.test");
		String contents = "/api/v1/services/demo/contents/ordered";
		HttpResult first = editor.post(contents, Map.of("contentId", "ordered-1", "data", Map.of("title", "One")));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		HttpResult second = editor.post(contents, Map.of("contentId", "ordered-2", "data", Map.of("title", "Two")));
		assertThat(second.number("sortOrder")).isEqualTo(first.number("sortOrder") + 1);

		assertThat(editor.put(contents + "/ordered-1/order", Map.of("order", 40)).status()).isEqualTo(200);
		HttpResult third = editor.post(contents, Map.of("contentId", "ordered-3", "data", Map.of("title", "Three")));
		assertThat(third.number("sortOrder")).isEqualTo(41);

		assertThat(editor.put(contents + "/ordered-3/order", Map.of("order", Integer.MAX_VALUE)).status())
			.isEqualTo(200);
		HttpResult last = editor.post(contents, Map.of("contentId", "ordered-4", "data", Map.of("title", "Four")));
		assertThat(last.status()).as(last.body()).isEqualTo(201);
		assertThat(last.number("sortOrder")).isEqualTo(Integer.MAX_VALUE);
	}

}
