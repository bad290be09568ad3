package io.audittrail.sample;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.audittrail.retention.TenantRetentionPolicy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's audit_log_retention_days setting overrides the system default of 365 days.
 */
class RetentionIntegrationTests extends SampleIntegrationTest {

	@Autowired
	TenantRetentionPolicy retention;

	@Test
	void serviceSettingOverridesTheSystemDefault() {
		assertThat(this.retention.retentionDays("other")).isNull();

		assertThat(member("owner@other.test").put("/api/v1/services/other/settings",
				Map.of("audit_log_retention_days", 30)).status()).isEqualTo(200);

		assertThat(this.retention.retentionDays("other")).isEqualTo(30);
		assertThat(this.retention.retentionDays("no-such-service")).isNull();
	}

}
