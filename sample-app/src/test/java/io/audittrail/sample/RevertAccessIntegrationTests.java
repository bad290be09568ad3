package io.audittrail.sample;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.audittrail.sample.support.CmsClient;
import io.audittrail.sample.support.HttpResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reverting as the CMS's permissions allow, and tenants that never change hands: each
 * test performs an attack on a service of its own and asserts what the attacker gets.
 */
class RevertAccessIntegrationTests extends SampleIntegrationTest {

	@Test
	void aDemotedOwnerCannotRevertTheirOwnDemotion() {
		String service = newService("owner@other.test");
		CmsClient owner = member("owner@other.test");
		long membership = owner
			.post(path(service, "/members"), Map.of("email", "admin@demo.test", "roleId", roleId(service, "Owner")))
			.number("id");
		long auditor = owner
			.post(path(service, "/roles"),
					Map.of("name", "Auditor", "permissions", List.of("viewAuditLog", "revertAuditLog")))
			.number("id");
		owner.put(path(service, "/members/" + membership + "/role"), Map.of("roleId", auditor));
		long demotion = entryOf(owner, service, "member.update_role");
		CmsClient demoted = member("admin@demo.test");

		HttpResult revert = demoted.post("/audit/api/events/" + demotion + "/revert", Map.of());

		assertThat(revert.status()).isEqualTo(403);
		assertThat(revert.body()).contains("manageMembers");
		assertThat(demoted.get("/audit/api/me?event=" + demotion).json().get("canRevert").asBoolean()).isFalse();
		assertThat(this.jdbc.queryForObject("select role_ref from membership where id = ?", Long.class, membership))
			.isEqualTo(auditor);
		assertThat(demoted
			.put(path(service, "/members/" + membership + "/role"), Map.of("roleId", roleId(service, "Owner")))
			.status()).isEqualTo(403);
		assertThat(owner.get("/audit/api/me?event=" + demotion).json().get("canRevert").asBoolean()).isTrue();
		assertThat(owner.post("/audit/api/events/" + demotion + "/revert", Map.of()).status()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("select role_ref from membership where id = ?", Long.class, membership))
			.isEqualTo(roleId(service, "Owner"));
	}

	@Test
	void anAdminWithoutManageBillingCannotRevertABillingChange() {
		String service = newService("owner@other.test");
		CmsClient owner = member("owner@other.test");
		owner.post(path(service, "/members"), Map.of("email", "admin@demo.test", "roleId", roleId(service, "Admin")));
		assertThat(owner.put(path(service, "/plan"), Map.of("plan", "BUSINESS")).status()).isEqualTo(200);
		long planChange = entryOf(owner, service, "plan.change");
		CmsClient admin = member("admin@demo.test");
		assertThat(admin.put(path(service, "/plan"), Map.of("plan", "HOBBY")).status()).isEqualTo(403);

		HttpResult revert = admin.post("/audit/api/events/" + planChange + "/revert", Map.of());

		assertThat(revert.status()).isEqualTo(403);
		assertThat(revert.body()).contains("manageBilling");
		assertThat(admin.get("/audit/api/me?event=" + planChange).json().get("canRevert").asBoolean()).isFalse();
		assertThat(plan(service)).isEqualTo("BUSINESS");
		assertThat(owner.post("/audit/api/events/" + planChange + "/revert", Map.of()).status()).isEqualTo(200);
		assertThat(plan(service)).isEqualTo("HOBBY");
	}

	@Test
	void aServiceIdFreedByARenameOrADeleteIsNeverTakenByAnotherMember() {
		String renamed = newService("owner@other.test");
		CmsClient owner = member("owner@other.test");
		owner.post(path(renamed, "/api-keys"), Map.of("name", "Before the rename"));
		long keyCreated = entryOf(owner, renamed, "api_key.create");
		assertThat(owner.patch(path(renamed, "/id"), Map.of("serviceId", renamed + "-new")).status()).isEqualTo(200);
		String deleted = newService("owner@other.test");
		assertThat(owner.delete("/api/v1/services/" + deleted).status()).isEqualTo(204);
		CmsClient attacker = member("owner@demo.test");

		for (String freed : List.of(renamed, deleted)) {
			HttpResult taken = attacker.post("/api/v1/services", Map.of("serviceId", freed, "name", "Mine now"));
			assertThat(taken.status()).as(freed).isEqualTo(400);
			assertThat(taken.body()).contains("never reused");
			assertThat(attacker.get("/audit/api/events?tenant=" + freed).json().get("items")).as(freed).isEmpty();
		}
		assertThat(attacker.get("/audit/api/events/" + keyCreated).status()).isEqualTo(404);
		assertThat(attacker.post("/audit/api/events/" + keyCreated + "/revert", Map.of()).status()).isEqualTo(404);
		assertThat(owner.get("/audit/api/events/" + keyCreated).json().get("tenant").asString()).isEqualTo(renamed);
		assertThat(owner.patch(path(renamed + "-new", "/id"), Map.of("serviceId", renamed)).status()).isEqualTo(200);
	}

	@Test
	void aRevertNeverChangesAnEntityThatBelongsToAnotherServiceNow() {
		String first = newService("owner@other.test");
		String second = newService("owner@other.test");
		CmsClient owner = member("owner@other.test");
		long key = owner.post(path(first, "/api-keys"), Map.of("name", "Moved")).number("id");
		long keyCreated = entryOf(owner, first, "api_key.create");
		this.jdbc.update(
				"update api_key set service_ref = (select id from cms_service where service_id = ?) where id = ?",
				second, key);

		HttpResult revert = owner.post("/audit/api/events/" + keyCreated + "/revert", Map.of());

		assertThat(revert.status()).isEqualTo(409);
		assertThat(revert.json().get("reason").asString()).contains("belongs to another service");
		assertThat(this.jdbc.queryForObject("select count(*) from api_key where id = ?", Long.class, key)).isEqualTo(1);
	}

	@Test
	void exportingAnotherServicesLogIsRefusedAndRecordsNothingThere() {
		long mark = auditLog().lastId();
		CmsClient reader = member("owner@demo.test");

		for (String tenant : List.of("other", "made-up-" + UUID.randomUUID())) {
			HttpResult export = reader.get("/audit/api/events.csv?from=2026-01-01&to=2026-12-31&tenant=" + tenant);
			assertThat(export.status()).as(tenant).isEqualTo(403);
		}
		assertThat(auditLog().after(mark)).noneMatch((event) -> event.operation().equals("audit.export"));
		assertThat(reader.get("/audit/api/events.csv?from=2026-01-01&to=2026-12-31").status()).isEqualTo(200);
		assertThat(auditLog().after(mark)).filteredOn((event) -> event.operation().equals("audit.export"))
			.singleElement()
			.satisfies((event) -> assertThat(event.tenant()).isEqualTo("demo"));
	}

	private String newService(String ownerEmail) {
		String serviceId = "s-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(
				member(ownerEmail).post("/api/v1/services", Map.of("serviceId", serviceId, "name", serviceId)).status())
			.isEqualTo(201);
		return serviceId;
	}

	private static String path(String service, String rest) {
		return "/api/v1/services/" + service + rest;
	}

	private long roleId(String service, String name) {
		return this.jdbc.queryForObject("select r.id from role r join cms_service s on s.id = r.service_ref "
				+ "where s.service_id = ? and r.name = ?", Long.class, service, name);
	}

	private String plan(String service) {
		return this.jdbc.queryForObject("select p.plan from service_plan p join cms_service s on s.id = p.service_ref "
				+ "where s.service_id = ?", String.class, service);
	}

	private static long entryOf(CmsClient reader, String tenant, String operation) {
		HttpResult page = reader.get("/audit/api/events?tenant=" + tenant + "&operation=" + operation + "&limit=1");
		assertThat(page.json().get("items")).as(operation + " in " + tenant).hasSize(1);
		return page.json().get("items").get(0).get("id").asLong();
	}

}
