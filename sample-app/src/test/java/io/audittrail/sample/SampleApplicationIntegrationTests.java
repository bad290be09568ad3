package io.audittrail.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.audittrail.sample.service.ServicePermissions;

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
		assertThat(this.permissions.serviceIdsWithPermission("owner@demo.test", "viewAuditLog")).containsExactly("demo");
		assertThat(this.permissions.serviceIdsWithPermission("owner@other.test", "viewAuditLog"))
			.containsExactly("other");
		assertThat(this.permissions.serviceIdsWithPermission("editor@demo.test", "viewAuditLog")).isEmpty();
	}

}
