package io.audittrail.sample;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.audittrail.sample.support.HttpResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Members read the audit log of the services where their role grants
 * {@code viewAuditLog}, and of no other service.
 */
class AuditLogAccessIntegrationTests extends SampleIntegrationTest {

	@Test
	void adminsReadTheirServiceOnly() {
		member("owner@demo.test").post("/api/v1/services/demo/api-groups", Map.of("name", "Demo group"));
		member("owner@other.test").post("/api/v1/services/other/api-groups", Map.of("name", "Other group"));

		assertThat(tenants(member("admin@demo.test").get("/audit/api/events?limit=500"))).containsOnly("demo");
		assertThat(tenants(member("owner@other.test").get("/audit/api/events?limit=500"))).containsOnly("other");
		assertThat(member("admin@demo.test").get("/audit/api/events?tenant=other").json().get("items")).isEmpty();
	}

	@Test
	void anotherServicesEntryIsNotFound() {
		long otherEntry = member("owner@other.test").get("/audit/api/events?tenant=other&limit=1")
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asLong();

		assertThat(member("admin@demo.test").get("/audit/api/events/" + otherEntry).status()).isEqualTo(404);
		assertThat(member("owner@other.test").get("/audit/api/events/" + otherEntry).status()).isEqualTo(200);
	}

	@Test
	void membersWithoutViewAuditLogAreRefused() {
		assertThat(member("editor@demo.test").get("/audit/api/events").status()).isEqualTo(403);
		assertThat(member("viewer@demo.test").get("/audit/api/events").status()).isEqualTo(403);
		assertThat(anonymous().get("/audit/api/events").status()).isEqualTo(401);
	}

	@Test
	void anonymousWritesAreAskedToSignIn() {
		long entry = member("owner@demo.test").get("/audit/api/events?tenant=demo&limit=1")
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asLong();

		assertThat(anonymous().post("/audit/api/events/" + entry + "/revert", Map.of()).status()).isEqualTo(401);
		assertThat(anonymous().put("/audit/api/preferences/columns", Map.of("columns", List.of("operation"))).status())
			.isEqualTo(401);
	}

	private static List<String> tenants(HttpResult page) {
		assertThat(page.status()).isEqualTo(200);
		return page.json().get("items").valueStream().map((item) -> item.get("tenant").asString()).toList();
	}

}
